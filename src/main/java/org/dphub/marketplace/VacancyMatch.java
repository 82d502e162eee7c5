package org.dphub.marketplace;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * An open vacancy matching a PA, and why. The place is the postcode district only ("SY1"); who
 * the person is and how to reach them come after an introduction is CONNECTED.
 */
public record VacancyMatch(long vacancyId, String title, List<String> outcomes, String district, int score, double distanceKm,
                          BigDecimal hoursPerWeek, long hourlyRatePence, LocalDate startDate, ProfileMatch.Reasons reasons) {
}
