package org.dphub.marketplace;

/**
 * What a PA offers, in the form matching needs (see {@link MatchWants}). {@code gender} is null
 * when the PA did not say; {@code employmentBasis} is how they want to work. A vacancy's matches
 * read them only when it asks for a gender, or the person's side for a way of working (null otherwise).
 */
public record MatchOffer(long profileId, PaProfileStatus status, boolean visible, double latitude, double longitude,
                         int travelKm, long hourlyRatePence, int skillsMask, int languagesMask, int availabilityMask,
                         Gender gender, EmploymentBasis employmentBasis) {
}
