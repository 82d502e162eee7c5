package org.dphub.people;

import java.time.LocalDate;
import org.dphub.shared.Postcode;

public record NewCitizen(long councilId, String reference, String givenName, String familyName, LocalDate dateOfBirth,
                         Postcode postcode, String preferredLanguage, ContactPreference contactPreference,
                         String email, String phone, String communicationNeeds) {
}
