package org.dphub.marketplace;

import java.util.List;
import java.util.Set;
import org.dphub.shared.Money;
import org.dphub.shared.Postcode;

/** A personal assistant's profile on the national register. */
public record PaProfile(long id, Long userId, Long registeredCouncilId, String givenName, String familyName,
                        String about, String experience, Postcode homePostcode, int travelKm, Money hourlyRate,
                        EmploymentBasis employmentBasis, Set<Skill> skills, Set<Interest> interests,
                        Set<Language> languages, List<AvailabilitySlot> availability, boolean visible,
                        PaProfileStatus status) {

    /** What others see before an introduction: first name and initial, never the full name. */
    public String publicName() {
        return givenName + " " + familyName.charAt(0) + ".";
    }

    public java.util.Map<String, Object> auditValues() {
        var values = new java.util.LinkedHashMap<String, Object>();
        values.put("givenName", givenName);
        values.put("familyName", familyName);
        values.put("homePostcode", homePostcode.value());
        values.put("travelKm", travelKm);
        values.put("hourlyRate", hourlyRate.formatWithPence());
        values.put("employmentBasis", employmentBasis.name());
        values.put("skills", skills.stream().map(Enum::name).sorted().toList());
        values.put("interests", interests.stream().map(Enum::name).sorted().toList());
        values.put("languages", languages.stream().map(Enum::name).sorted().toList());
        values.put("availability", availability.stream().map(AvailabilitySlot::code).toList());
        values.put("visible", visible);
        values.put("status", status.name());
        return values;
    }
}
