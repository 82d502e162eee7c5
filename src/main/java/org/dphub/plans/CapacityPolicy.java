package org.dphub.plans;

import org.dphub.people.Representative;

/**
 * Care Act 2014 s32: when the adult lacks capacity to request a direct payment, it is paid to an
 * authorised person (in Wales, SI 2015/1815 reg 7, a suitable person). A nominated person is for
 * an adult who has capacity, so does not count here.
 */
public final class CapacityPolicy {

    private CapacityPolicy() {
    }

    public static RuleCheck check(boolean hasCapacity, Representative representative) {
        if (hasCapacity) {
            return RuleCheck.allow(DirectPaymentRule.AUTHORISED_PERSON_REQUIRED);
        }
        return representative != null && representative.kind().actsForSomeoneWhoLacksCapacity()
                ? RuleCheck.allow(DirectPaymentRule.AUTHORISED_PERSON_REQUIRED)
                : RuleCheck.refuse(DirectPaymentRule.AUTHORISED_PERSON_REQUIRED);
    }
}
