package org.dphub.plans;

import java.util.Collection;
import java.util.Set;
import org.dphub.councils.Nation;
import org.dphub.people.HouseholdMember;
import org.dphub.people.Relationship;

/**
 * SI 2014/2871 regulation 3 (Wales: SI 2015/1815 regulation 6): a direct payment must not pay a
 * spouse, civil partner, partner or close relative who lives in the same household, unless the
 * council decides it is necessary — and that decision is recorded (who, why, when).
 */
public final class FamilyMemberPaymentPolicy {

    private FamilyMemberPaymentPolicy() {
    }

    public static RuleCheck check(Nation nation, Collection<HouseholdMember> payees, String necessityReason) {
        Set<Relationship> close = nation == Nation.WALES ? Relationship.CLOSE_FAMILY_WALES : Relationship.CLOSE_FAMILY_ENGLAND;
        boolean paysCloseFamilyAtHome = payees.stream()
                .anyMatch(m -> m.livesInSameHousehold() && close.contains(m.relationship()));
        boolean decided = necessityReason != null && !necessityReason.isBlank();
        return paysCloseFamilyAtHome && !decided
                ? RuleCheck.refuse(DirectPaymentRule.FAMILY_MEMBER_IN_HOUSEHOLD)
                : RuleCheck.allow(DirectPaymentRule.FAMILY_MEMBER_IN_HOUSEHOLD);
    }

    /** True when a recorded necessity decision is needed for these payees. */
    public static boolean needsDecision(Nation nation, Collection<HouseholdMember> payees) {
        return !check(nation, payees, null).allowed();
    }
}
