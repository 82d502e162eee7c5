package org.dphub.plans;

import java.time.LocalDate;
import org.dphub.councils.Nation;

/**
 * A carer's own direct payment, for the carer's needs as a carer set out in their support plan.
 * <ul>
 * <li>England, Care Act 2014 s31 and s25(1) ("in the case of a carer, a support plan"): the payment
 *     is to an adult carer; a young carer's support comes under the Children Act 1989. The text of
 *     s25 was checked on legislation.gov.uk; the wording of s31 about carers could not be read
 *     there from this project and is taken from the Care Act's structure (s20, s24-25, s31-33).</li>
 * <li>Wales, SSWBA 2014 s52 (direct payments to meet a carer's needs): not confirmed against the
 *     text, so no age rule is applied in Wales; the council decides.</li>
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
