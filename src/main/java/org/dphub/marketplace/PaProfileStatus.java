package org.dphub.marketplace;

/**
 * A profile is checked by the direct payments team before it goes live ({@link PaProfileTransitions}).
 * ERASED: the PA left the register and asked to be forgotten (issue 17); nothing leads out of it.
 */
public enum PaProfileStatus {
    AWAITING_CHECKS, LIVE, SUSPENDED, ERASED
}
