package org.dphub.employment;

import java.time.LocalDate;
import java.util.List;

/**
 * The employer approved a payroll run: what to pay from the direct payment account. Net pay to
 * each PA; HMRC the tax, the PAs' National Insurance and the employer's after the Employment
 * Allowance; the pension scheme both contributions. Amounts in pence. {@code budgetLine}: the
 * line of the plan in force on the pay day that pays for the PAs (null when the plan has none).
 */
public record PayrollApproved(long runId, long councilId, long citizenId, String taxYear, PayFrequency frequency, int period,
                              LocalDate payDate, LocalDate hmrcDueBy, LocalDate pensionDueBy, List<NetPay> netPay, long hmrcPence,
                              long pensionPence, PlanBudgetLine budgetLine) {

    /** A plan version's budget line, by its position in the plan (from 1). */
    public record PlanBudgetLine(long planVersionId, int position, String description) {
    }

    public record NetPay(long payslipId, long employmentId, String paName, long netPence) {
    }

    public PayrollApproved {
        netPay = List.copyOf(netPay);
    }
}
