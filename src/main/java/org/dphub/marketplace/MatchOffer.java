package org.dphub.marketplace;

/** What a PA offers, in the form matching needs (see {@link MatchWants}). */
public record MatchOffer(long profileId, PaProfileStatus status, boolean visible, double latitude, double longitude,
                         int travelKm, long hourlyRatePence, int skillsMask, int languagesMask, int availabilityMask) {
}
