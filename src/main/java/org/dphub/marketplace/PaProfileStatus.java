package org.dphub.marketplace;

/** A profile is checked by the direct payments team before it goes live. */
public enum PaProfileStatus {
    PENDING_CHECKS, LIVE, SUSPENDED
}
