package org.dphub.plans;

import java.time.LocalDate;
import java.time.Period;
import org.dphub.people.Representative;
import org.dphub.people.RepresentativeKind;

/**
 * Who may hold a child's direct payment.
 * <ul>
 * <li>England, Children Act 1989 s17A(2): payments may be made to (a) a person with parental
 *     responsibility for a disabled child, (b) a disabled person with parental responsibility for a
 *     child, or (c) a disabled child aged 16 or 17 (text checked on legislation.gov.uk, the 2005
 *     revision of s17A).</li>
 * <li>Wales, SSWBA 2014 s51(2) condition 1: payments to the child or to a person with parental
 *     responsibility; a person aged 16 or 17 must have capacity to consent (s51(2)(b)(i)). A child
 *     under 16 with sufficient understanding may also receive them (s51(2)(b)(ii)); dphub does not
 *     record that judgement, so a child under 16 is refused here and the council records a parent.</li>
 * </ul>
 * A child's payment with no one with parental responsibility, for a child under 16, is refused and
 * nothing is saved. From 18 the person has an adult's payment (see {@link TransitionToAdulthood}).
 */
public final class ChildPaymentPolicy {

    private ChildPaymentPolicy() {
    }

    /** Under 18 on the day. */
    public static boolean isChild(LocalDate dateOfBirth, LocalDate on) {
        return on.isBefore(dateOfBirth.plusYears(18));
    }

    /** Aged 16 or 17 on the day. */
    public static boolean isSixteenOrSeventeen(LocalDate dateOfBirth, LocalDate on) {
        int age = Period.between(dateOfBirth, on).getYears();
        return age == 16 || age == 17;
    }

    /** The child must be under 18 when the payment starts. */
    public static RuleCheck checkAge(LocalDate dateOfBirth, LocalDate startDate) {
        return isChild(dateOfBirth, startDate) ? RuleCheck.allow(DirectPaymentRule.CHILD_UNDER_18)
                : RuleCheck.refuse(DirectPaymentRule.CHILD_UNDER_18);
    }

    /**
     * The holder: the person with parental responsibility named on the payment, or, with no one
     * named, the young person themself when aged 16 or 17 and able to consent.
     */
    public static RuleCheck checkHolder(LocalDate dateOfBirth, LocalDate startDate, boolean youngPersonHasCapacity,
                                        Representative holder) {
        if (holder != null) {
            return holder.kind() == RepresentativeKind.PARENTAL_RESPONSIBILITY
                    ? RuleCheck.allow(DirectPaymentRule.CHILD_PARENTAL_RESPONSIBILITY)
                    : RuleCheck.refuse(DirectPaymentRule.CHILD_PARENTAL_RESPONSIBILITY);
        }
        return isSixteenOrSeventeen(dateOfBirth, startDate) && youngPersonHasCapacity
                ? RuleCheck.allow(DirectPaymentRule.CHILD_PARENTAL_RESPONSIBILITY)
                : RuleCheck.refuse(DirectPaymentRule.CHILD_PARENTAL_RESPONSIBILITY);
    }
}
