package org.dphub.marketplace.internal;

/** The name a PA shows on their profile, for the audit trail's sentences. */
interface PaNames {

    /** The profile's display name, or null if there is no such profile. */
    String ofProfile(long profileId);

    /** The display name of the PA in an introduction, or null. */
    String ofIntroduction(long introductionId);
}
