package org.dphub.marketplace;

import java.util.List;
import java.util.Set;
import org.dphub.shared.Money;
import org.dphub.shared.Postcode;

/**
 * A personal assistant's profile on the national register. Phone and email are shown to someone
 * else only once an introduction is CONNECTED; the home postcode never (matching uses its sector).
 * The gender (null: not given) is for the PA and the DP team only; others learn it only as far as
 * a match for intimate care implies it ({@link IntimateCarePolicy}). Training may be shown to anyone
 * who may see the profile.
 */
public record PaProfile(long id, Long userId, Long registeredCouncilId, String displayName,
                        String about, String experience, Postcode homePostcode, int travelKm, Money hourlyRate,
                        EmploymentBasis employmentBasis, Set<Skill> skills, Set<String> interests,
                        Set<Language> languages, List<AvailabilitySlot> availability, boolean visible,
                        PaProfileStatus status, String phone, String email, boolean codeOfConductAccepted,
                        Checks checks, Gender gender, List<TrainingRecord> training) {

    public PaProfile {
        training = training == null ? List.of() : List.copyOf(training);
    }

    /** The same profile with its training records (read from their own table). */
    public PaProfile withTraining(List<TrainingRecord> records) {
        return new PaProfile(id, userId, registeredCouncilId, displayName, about, experience, homePostcode, travelKm, hourlyRate,
                employmentBasis, skills, interests, languages, availability, visible, status, phone, email, codeOfConductAccepted,
                checks, gender, records);
    }

    /** The DP team's checks: identity, references, the date of the DBS check, who recorded them. */
    public record Checks(boolean identityChecked, boolean referencesChecked, java.time.LocalDate dbsCheckedOn,
                         String checkedBy, java.time.Instant checkedAt) {
        public static final Checks NONE = new Checks(false, false, null, null, null);
    }

    /** What others see before an introduction: the name the PA chose, never contact details. */
    public String publicName() {
        return displayName;
    }

    public java.util.Map<String, Object> auditValues() {
        var values = new java.util.LinkedHashMap<String, Object>();
        values.put("displayName", displayName);
        values.put("about", about);
        values.put("homePostcode", homePostcode.value());
        values.put("travelKm", travelKm);
        values.put("hourlyRate", hourlyRate.formatWithPence());
        values.put("employmentBasis", employmentBasis.name());
        values.put("skills", skills.stream().map(Skill::code).sorted().toList());
        values.put("interests", interests.stream().sorted().toList());
        values.put("languages", languages.stream().map(Language::code).sorted().toList());
        values.put("availability", availability.stream().map(AvailabilitySlot::code).toList());
        values.put("visible", visible);
        values.put("status", status.name());
        values.put("phone", phone);
        values.put("email", email);
        values.put("codeOfConductAccepted", codeOfConductAccepted);
        values.put("gender", gender == null ? null : gender.name());
        values.put("training", training.stream().map(TrainingRecord::auditValues).toList());
        return values;
    }
}
