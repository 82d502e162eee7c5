package org.dphub.employment;

import org.dphub.shared.Money;

/**
 * One pay period to work out. {@code previousTaxablePayToDate} and {@code previousTaxToDate} are
 * the totals in this employment before this period (zero in period 1), as on the last payslip.
 */
public record PayrollInput(String taxYear, PayFrequency frequency, int period, String taxCode, boolean week1Month1,
                           Money grossPay, Money previousTaxablePayToDate, Money previousTaxToDate, String niCategory) {
}
