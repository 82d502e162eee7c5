package org.dphub.plans;

/** How the person's needs are met: Care Act 2014 s8 and guidance chapter 12. */
public enum HowNeedsMet {
    DIRECT_PAYMENT_FULL, DIRECT_PAYMENT_PART, COUNCIL_ARRANGED, INDIVIDUAL_SERVICE_FUND
}
