package org.dphub.employment;

import org.dphub.shared.Money;

/**
 * What one pay period comes to. {@code tax} is negative for a refund. {@code taxablePayToDate} is
 * pay subject to tax so far this year including this period (before free pay, as HMRC's test data
 * shows it); {@code freePay} and {@code additionalPay} are to date, or for this period alone on a
 * week 1/month 1 basis.
 */
public record PayrollFigures(Money tax, Money taxToDate, Money taxablePayToDate, Money freePay, Money additionalPay,
                             boolean regulatoryLimitApplied, Money employeeNi, Money employerNi) {
}
