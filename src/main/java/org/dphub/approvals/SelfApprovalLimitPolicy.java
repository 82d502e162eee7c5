package org.dphub.approvals;

import org.dphub.shared.Money;

/**
 * Hertfordshire's Connect and Enable: a practitioner approves a one-off payment up to and
 * including the council's self-approval limit (default £500.00) on the spot; above it a budget
 * holder decides.
 */
public final class SelfApprovalLimitPolicy {

    public enum Outcome { APPROVED_BY_PRACTITIONER, NEEDS_BUDGET_HOLDER }

    private SelfApprovalLimitPolicy() {
    }

    public static Outcome decide(Money amount, Money limit) {
        return amount.isGreaterThan(limit) ? Outcome.NEEDS_BUDGET_HOLDER : Outcome.APPROVED_BY_PRACTITIONER;
    }
}
