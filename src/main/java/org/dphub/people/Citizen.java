package org.dphub.people;

import java.time.LocalDate;
import org.dphub.shared.Postcode;

/** A person with care and support needs, held by one council. */
public record Citizen(long id, long councilId, String reference, String givenName, String familyName,
                      LocalDate dateOfBirth, Postcode postcode, String preferredLanguage,
                      ContactPreference contactPreference, String email, String phone, String communicationNeeds) {

    public String fullName() {
        return givenName + " " + familyName;
    }

    /** The values as the audit trail keeps them. */
    public java.util.Map<String, Object> auditValues() {
        var values = new java.util.LinkedHashMap<String, Object>();
        values.put("reference", reference);
        values.put("givenName", givenName);
        values.put("familyName", familyName);
        values.put("dateOfBirth", dateOfBirth.toString());
        values.put("postcode", postcode.value());
        values.put("preferredLanguage", preferredLanguage);
        values.put("contactPreference", contactPreference.name());
        values.put("email", email);
        values.put("phone", phone);
        values.put("communicationNeeds", communicationNeeds);
        return values;
    }
}
