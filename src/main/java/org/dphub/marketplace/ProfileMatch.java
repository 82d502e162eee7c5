package org.dphub.marketplace;

import java.util.List;

/**
 * A PA matching a vacancy, and why, how they want to work and the training they have done. Never
 * contact details (an introduction comes first), never the PA's gender (a gender must-have implies it).
 * Only live profiles match, so all were checked: the DBS check's date goes with the "checked" badge.
 */
public record ProfileMatch(long profileId, String displayName, int score, double distanceKm, Reasons reasons,
                           EmploymentBasis employmentBasis, List<TrainingRecord> training, java.time.LocalDate dbsCheckedOn) {

    public record Reasons(int availabilityOverlap, List<AvailabilitySlot> timesInCommon, List<String> sharedInterests,
                          List<String> skillsMet, boolean rateFits) {
    }
}
