package org.dphub.plans;

/** The answer of one policy: allowed, or refused by a named rule. */
public record RuleCheck(DirectPaymentRule rule, boolean allowed) {

    public static RuleCheck allow(DirectPaymentRule rule) {
        return new RuleCheck(rule, true);
    }

    public static RuleCheck refuse(DirectPaymentRule rule) {
        return new RuleCheck(rule, false);
    }
}
