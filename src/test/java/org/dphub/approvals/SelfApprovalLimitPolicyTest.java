package org.dphub.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import org.dphub.shared.Money;
import org.junit.jupiter.api.Test;

/** Hertfordshire Connect and Enable: up to and including the limit, the practitioner approves. */
class SelfApprovalLimitPolicyTest {

    static final Money LIMIT = Money.parse("£500.00");

    @Test
    void exactlyTheLimitIsApprovedByThePractitioner() {
        assertThat(SelfApprovalLimitPolicy.decide(Money.ofPence(50_000), LIMIT))
                .isEqualTo(SelfApprovalLimitPolicy.Outcome.APPROVED_BY_PRACTITIONER);
    }

    @Test
    void onePennyAboveGoesToABudgetHolder() {
        assertThat(SelfApprovalLimitPolicy.decide(Money.ofPence(50_001), LIMIT))
                .isEqualTo(SelfApprovalLimitPolicy.Outcome.NEEDS_BUDGET_HOLDER);
    }

    @Test
    void aPennyIsApprovedAndAZeroLimitSendsEverythingToABudgetHolder() {
        assertThat(SelfApprovalLimitPolicy.decide(Money.ofPence(1), LIMIT))
                .isEqualTo(SelfApprovalLimitPolicy.Outcome.APPROVED_BY_PRACTITIONER);
        assertThat(SelfApprovalLimitPolicy.decide(Money.ofPence(1), Money.ZERO))
                .isEqualTo(SelfApprovalLimitPolicy.Outcome.NEEDS_BUDGET_HOLDER);
    }
}
