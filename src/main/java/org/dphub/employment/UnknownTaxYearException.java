package org.dphub.employment;

import java.util.List;

/** dphub has no payroll tables for the tax year asked about. */
public class UnknownTaxYearException extends PayrollInputException {

    private final List<String> known;

    public UnknownTaxYearException(String taxYear, List<String> known) {
        super("taxYear", "There are no payroll tables for tax year " + taxYear + ". Tables exist for " + String.join(", ", known)
                + ". Add the year's tables to payroll/tax-years to calculate it.");
        this.known = List.copyOf(known);
    }

    public List<String> known() {
        return known;
    }
}
