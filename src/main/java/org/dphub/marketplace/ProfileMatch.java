package org.dphub.marketplace;

import java.util.List;

/** A PA matching a vacancy, and why. Never contact details: an introduction comes first. */
public record ProfileMatch(long profileId, String displayName, int score, double distanceKm, Reasons reasons) {

    public record Reasons(int availabilityOverlap, List<AvailabilitySlot> timesInCommon, List<String> sharedInterests,
                          List<String> skillsMet, boolean rateFits) {
    }
}
