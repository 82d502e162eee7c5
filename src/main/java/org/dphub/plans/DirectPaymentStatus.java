package org.dphub.plans;

public enum DirectPaymentStatus {
    /** set up and checked; nothing is paid until the person (or their representative) agrees */
    AWAITING_AGREEMENT,
    ACTIVE,
    SUSPENDED,
    ENDED
}
