package org.dphub.marketplace;

/** A profile is checked by the direct payments team before it goes live ({@link PaProfileTransitions}). */
public enum PaProfileStatus {
    AWAITING_CHECKS, LIVE, SUSPENDED
}
