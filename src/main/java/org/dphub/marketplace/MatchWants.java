package org.dphub.marketplace;

/**
 * What a vacancy asks for, in the form matching needs: the sector centre of its postcode, the
 * distance the person will accept, the rate offered (in whole pence), and masks of skills ({@link Skill#mask()}),
 * languages and times ({@link AvailabilitySlot#mask()}), and the gender a PA must be for intimate
 * care (null: any).
 */
public record MatchWants(long vacancyId,
                         double latitude, double longitude, int maxDistanceKm, // a place, not money
                         long hourlyRatePence,
                         int skillsWantedMask, int mustSkillsMask, int mustLanguagesMask, int availabilityMask,
                         int interestCount, Gender mustGender) {
}
