package org.dphub.employment;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One employer's payroll for one pay period, with its payslips in short and the totals. Status:
 * {@code AWAITING_APPROVAL} → (the employer approves) → {@code APPROVED}; see
 * {@link PayrollRunTransitions}.
 */
public record PayrollRun(long id, long councilId, long citizenId, String taxYear, PayFrequency frequency, int period,
                         LocalDate periodStart, LocalDate periodEnd, LocalDate payDate, String createdBy, Instant createdAt,
                         Status status, String approvedBy, Instant approvedAt, List<PayslipSummary> payslips, Totals totals) {

    public enum Status { AWAITING_APPROVAL, APPROVED }

    public record PayslipSummary(long id, long employmentId, String paName, long grossPence, long netPence) {
    }

    /** The employer's summary: what to pay the PAs, HMRC and the pension scheme, and by when. */
    public record Totals(long grossPence, long netPence, long taxPence, long employeeNiPence, long employerNiPence,
                         long employmentAllowancePence, long hmrcPence, LocalDate hmrcDueBy, long employeePensionPence,
                         long employerPensionPence, long pensionPence, LocalDate pensionDueBy, long employmentAllowanceLeftPence) {
    }
}
