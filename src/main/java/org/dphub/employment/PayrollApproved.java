package org.dphub.employment;

import java.time.LocalDate;
import java.util.List;

/**
 * The employer approved a payroll run: what to pay from the direct payment account. Net pay to
 * each PA; HMRC the tax, the PAs' National Insurance and the employer's after the Employment
 * Allowance; the pension scheme both contributions. Amounts in pence.
 */
public record PayrollApproved(long runId, long councilId, long citizenId, String taxYear, PayFrequency frequency, int period,
                              LocalDate payDate, LocalDate hmrcDueBy, LocalDate pensionDueBy, List<NetPay> netPay, long hmrcPence,
                              long pensionPence) {

    public record NetPay(long payslipId, long employmentId, String paName, long netPence) {
    }

    public PayrollApproved {
        netPay = List.copyOf(netPay);
    }
}
