package org.dphub.plans;

/**
 * SI 2014/2871 regulation 2 and Schedule (Wales: SI 2015/1815 reg 14): people subject to certain
 * criminal-justice requirements (for example a drug or alcohol treatment requirement) cannot
 * receive a direct payment. The practitioner records what they know; we never guess.
 */
public final class ExcludedPersonPolicy {

    private ExcludedPersonPolicy() {
    }

    public static RuleCheck check(boolean excludedPerson) {
        return excludedPerson ? RuleCheck.refuse(DirectPaymentRule.EXCLUDED_PERSON)
                : RuleCheck.allow(DirectPaymentRule.EXCLUDED_PERSON);
    }
}
