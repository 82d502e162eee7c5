package org.dphub.plans;

/** The rules a direct payment must meet before it is set up. Each has plain words in English and Welsh. */
public enum DirectPaymentRule {
    /** Care Act 2014 s32 (Wales: SI 2015/1815 reg 7) */
    AUTHORISED_PERSON_REQUIRED,
    /** SI 2014/2871 regulation 2 and Schedule (Wales: SI 2015/1815 reg 14) */
    EXCLUDED_PERSON,
    /** SI 2014/2871 regulation 3 (Wales: SI 2015/1815 reg 6) */
    FAMILY_MEMBER_IN_HOUSEHOLD;

    public String messageKey() {
        return "rule." + name() + ".refused";
    }

    public String allowKey() {
        return "rule." + name() + ".allow";
    }
}
