package org.dphub.approvals;

import java.time.Instant;
import org.dphub.plans.AccountType;
import org.dphub.shared.Money;

public record OneOffPayment(long id, long councilId, long citizenId, Money amount, String purpose, String outcome,
                            OneOffReason reason, AccountType accountType, OneOffStatus status, Money limit,
                            String requestedBy, Instant requestedAt, String decidedBy, Instant decidedAt,
                            String decisionReason) {

    /** When it was asked for, on UK clocks (for pages). */
    public java.time.LocalDateTime requestedAtInUk() {
        return java.time.LocalDateTime.ofInstant(requestedAt, java.time.ZoneId.of("Europe/London"));
    }

    public java.time.LocalDateTime decidedAtInUk() {
        return decidedAt == null ? null : java.time.LocalDateTime.ofInstant(decidedAt, java.time.ZoneId.of("Europe/London"));
    }

    /** Minutes from asking to the decision (0 when the practitioner approved it on the spot). */
    public Long minutesToApproval() {
        return decidedAt == null ? null : java.time.Duration.between(requestedAt, decidedAt).toMinutes();
    }
}
