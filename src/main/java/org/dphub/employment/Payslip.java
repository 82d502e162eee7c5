package org.dphub.employment;

import java.time.LocalDate;
import java.util.List;

/** A PA's payslip: every line and deduction of the period, and the totals for the tax year to date. Money in pence. */
public record Payslip(long id, long runId, long councilId, long citizenId, String employerName, long employmentId, String paName,
                      String taxYear, PayFrequency frequency, int period, LocalDate periodStart, LocalDate periodEnd, LocalDate payDate,
                      String taxCode, boolean week1Month1, String niCategory, List<PayslipCalculation.Line> lines,
                      long workPayPence, long holidayPayPence, long sspPence, long grossPence, long taxPence, long employeeNiPence,
                      long employerNiPence, long employmentAllowancePence, String pensionStatus, long qualifyingEarningsPence,
                      long employeePensionPence, long employerPensionPence, long netPence, int holidayAccruedMinutes,
                      Integer holidayEntitlementMinutes, PayslipCalculation.YearToDate yearToDate, boolean approved) {
}
