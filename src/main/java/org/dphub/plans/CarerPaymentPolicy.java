package org.dphub.plans;

import java.time.LocalDate;
import org.dphub.councils.Nation;

/**
 * A carer's own direct payment, for the carer's needs as a carer set out in their support plan.
 * <ul>
 * <li>England, Care Act 2014 s31(1)(a): "a personal budget for an adult specifies an amount which the
 *     local authority must pay" (text read on legislation.gov.uk, as enacted and as revised to April
 *     2026); a carer's support plan has a personal budget (s25(1)(e), s26), so a carer's direct payment
 *     is for an adult carer. A young carer's support comes under the Children Act 1989 (s17ZA).</li>
 * <li>Wales, SSWBA 2014 s52 (direct payments to meet a carer's needs): its text could not be read from
 *     this project. s40 (read on legislation.gov.uk) is the duty to meet an adult carer's support needs;
 *     the Act also meets the needs of carers who are children (not read here), so no age rule is
 *     applied in Wales; the council decides.</li>
 * </ul>
 * The adult rules (capacity, excluded persons, family in the household) apply to the carer as well.
 */
public final class CarerPaymentPolicy {

    private CarerPaymentPolicy() {
    }

    public static RuleCheck check(Nation nation, LocalDate carerDateOfBirth, LocalDate startDate) {
        if (nation == Nation.ENGLAND && ChildPaymentPolicy.isChild(carerDateOfBirth, startDate)) {
            return RuleCheck.refuse(DirectPaymentRule.CARER_ADULT);
        }
        return RuleCheck.allow(DirectPaymentRule.CARER_ADULT);
    }
}
