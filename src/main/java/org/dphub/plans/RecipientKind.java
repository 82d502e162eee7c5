package org.dphub.plans;

/**
 * Who a plan and its direct payment are for (issue 18).
 * <ul>
 * <li>{@link #ADULT}: an adult's own care and support plan (Care Act 2014 s31-32; SSWBA 2014 s50).</li>
 * <li>{@link #CARER}: a carer's support plan for the carer's own needs as a carer (Care Act 2014 s25(1)
 *     "in the case of a carer, a support plan", s31; SSWBA 2014 s52). The carer holds the payment; the
 *     person they care for has their own record and plan, and neither sees the other's.</li>
 * <li>{@link #CHILD}: a child's plan (Children Act 1989 s17A; SSWBA 2014 s51), held by a person with
 *     parental responsibility or by the young person aged 16 or 17.</li>
 * </ul>
 */
public enum RecipientKind {
    ADULT, CARER, CHILD;

    /** The kind of plan the law names for this person. */
    public PlanKind planKind() {
        return switch (this) {
            case ADULT -> PlanKind.CARE_AND_SUPPORT_PLAN;
            case CARER -> PlanKind.CARER_SUPPORT_PLAN;
            case CHILD -> PlanKind.CHILD_PLAN;
        };
    }

    /** Care Act 2014 s25(1): a care and support plan, or for a carer a support plan; a child's plan under s17 or SSWBA s51. */
    public enum PlanKind { CARE_AND_SUPPORT_PLAN, CARER_SUPPORT_PLAN, CHILD_PLAN }
}
