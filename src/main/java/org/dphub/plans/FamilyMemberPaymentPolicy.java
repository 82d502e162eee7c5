package org.dphub.plans;

import java.util.Collection;
import java.util.Set;
import org.dphub.councils.Nation;
import org.dphub.people.HouseholdMember;
import org.dphub.people.Relationship;

/**
 * Who a direct payment must not pay unless the council decides it is necessary (and records who
 * decided, why and when):
 * <ul>
 * <li>England, SI 2014/2871 regulation 3: the adult's spouse or civil partner wherever they live
 *     (3(3)(a)); someone living with them as a spouse (3(3)(b)); a close relative, or the spouse or
 *     partner of one, who lives in the same household (3(3)(c)-(e));</li>
 * <li>Wales, SI 2015/1815 regulation 6: a spouse, partner or relative (with step-parent) who lives
 *     in the same household.</li>
 * </ul>
 */
public final class FamilyMemberPaymentPolicy {

    private FamilyMemberPaymentPolicy() {
    }

    public static RuleCheck check(Nation nation, Collection<HouseholdMember> payees, String necessityReason) {
        boolean paysCloseFamilyAtHome = payees.stream().anyMatch(m -> covered(nation, m));
        boolean decided = necessityReason != null && !necessityReason.isBlank();
        return paysCloseFamilyAtHome && !decided
                ? RuleCheck.refuse(DirectPaymentRule.FAMILY_MEMBER_IN_HOUSEHOLD)
                : RuleCheck.allow(DirectPaymentRule.FAMILY_MEMBER_IN_HOUSEHOLD);
    }

    /** True when paying this person needs the council's necessity decision. */
    public static boolean covered(Nation nation, HouseholdMember member) {
        if (nation == Nation.ENGLAND && Relationship.SPOUSE_OR_CIVIL_PARTNER.contains(member.relationship())) {
            return true; // reg 3(3)(a): wherever the spouse or civil partner lives
        }
        Set<Relationship> close = nation == Nation.WALES ? Relationship.CLOSE_FAMILY_WALES : Relationship.CLOSE_FAMILY_ENGLAND;
        return member.livesInSameHousehold() && close.contains(member.relationship());
    }

    /** True when a recorded necessity decision is needed for these payees. */
    public static boolean needsDecision(Nation nation, Collection<HouseholdMember> payees) {
        return !check(nation, payees, null).allowed();
    }
}
