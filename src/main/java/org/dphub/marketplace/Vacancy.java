package org.dphub.marketplace;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.dphub.shared.Money;
import org.dphub.shared.Postcode;

/**
 * A vacancy written around a person's outcomes. {@code mustHaves} are skill or language codes a
 * PA must have, and for intimate personal care at most one of {@code gender:female} or
 * {@code gender:male} ({@link IntimateCarePolicy}); {@code skillsWanted} only add to the score. The contact details are the person's
 * own, shown to a PA only once an introduction is CONNECTED.
 */
public record Vacancy(long id, long councilId, long citizenId, String title, List<String> outcomes, List<String> interests,
                      Set<Skill> skillsWanted, List<String> mustHaves, List<AvailabilitySlot> availability,
                      Postcode postcode, int maxDistanceKm, BigDecimal hoursPerWeek, Money hourlyRate, LocalDate startDate,
                      VacancyStatus status, String contactName, String contactEmail, String contactPhone, String createdBy) {

    public java.util.Map<String, Object> auditValues() {
        var values = new java.util.LinkedHashMap<String, Object>();
        values.put("citizenId", citizenId);
        values.put("title", title);
        values.put("outcomes", outcomes);
        values.put("interests", interests);
        values.put("skillsWanted", skillsWanted.stream().map(Skill::code).sorted().toList());
        values.put("mustHaves", mustHaves);
        values.put("availability", availability.stream().map(AvailabilitySlot::code).toList());
        values.put("postcode", postcode.value());
        values.put("maxDistanceKm", maxDistanceKm);
        values.put("hoursPerWeek", hoursPerWeek.toPlainString());
        values.put("hourlyRate", hourlyRate.formatWithPence());
        values.put("startDate", startDate.toString());
        values.put("status", status.name());
        return values;
    }
}
