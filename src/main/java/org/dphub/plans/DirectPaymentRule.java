package org.dphub.plans;

/** The rules a direct payment must meet before it is set up. Each has plain words in English and Welsh. */
public enum DirectPaymentRule {
    /** Care Act 2014 s32 (Wales: SI 2015/1815 reg 7) */
    AUTHORISED_PERSON_REQUIRED,
    /** SI 2014/2871 regulation 2 and Schedule (Wales: SI 2015/1815 reg 14) */
    EXCLUDED_PERSON,
    /** SI 2014/2871 regulation 3 (Wales: SI 2015/1815 reg 6) */
    FAMILY_MEMBER_IN_HOUSEHOLD,
    /** Children Act 1989 s17A(2); SSWBA 2014 s51: a child's payment is for someone under 18 */
    CHILD_UNDER_18,
    /** Children Act 1989 s17A(2)(a),(c); SSWBA 2014 s51(2): held by a person with parental responsibility, or the young person aged 16 or 17 with capacity */
    CHILD_PARENTAL_RESPONSIBILITY,
    /** Care Act 2014 s31 (England): a carer's own direct payment is for an adult carer */
    CARER_ADULT;

    public String messageKey() {
        return "rule." + name() + ".refused";
    }

    public String allowKey() {
        return "rule." + name() + ".allow";
    }
}
