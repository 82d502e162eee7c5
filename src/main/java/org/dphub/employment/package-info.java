/**
 * Employing personal assistants: for now the payroll calculation core. {@link org.dphub.employment.PayrollCalculator}
 * works out PAYE income tax (cumulative and week 1/month 1, every kind of tax code, rest of the UK,
 * Wales and Scotland) and Class 1 National Insurance for one pay period, from tax-year tables kept
 * as data in {@code payroll/tax-years/*.json} ({@link org.dphub.employment.TaxYears}). The rules are
 * plain Java in {@code internal}, checked against every HMRC test vector.
 */
package org.dphub.employment;
