package org.dphub.people;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.Supplier;
import org.dphub.shared.InvalidPostcodeException;
import org.dphub.shared.Postcode;
import org.dphub.shared.PostcodeDirectory;
import org.dphub.web.FormErrors;

/**
 * Reads and checks a person's details as typed (page or API), the same way for both. Problems
 * go into {@link FormErrors}; nothing is saved unless there are none.
 */
public final class CitizenInput {

    public static final int MAX_NAME = 100;

    private CitizenInput() {
    }

    public record Typed(String givenName, String familyName, LocalDate dateOfBirth, String postcode,
                        String preferredLanguage, String contactPreference, String email, String phone,
                        String communicationNeeds) {
    }

    /** @param postcodeExample a postcode from the council's own area, for the message when the postcode is wrong */
    public static NewCitizen read(long councilId, Typed typed, FormErrors errors, PostcodeDirectory postcodes, Clock clock,
                                  Supplier<String> postcodeExample) {
        String given = errors.text("givenName", typed.givenName(), MAX_NAME, true, "people.label.givenName");
        String family = errors.text("familyName", typed.familyName(), MAX_NAME, true, "people.label.familyName");
        LocalDate born = typed.dateOfBirth();
        if (born == null && !errors.has("dateOfBirth")) {
            errors.reject("dateOfBirth", "date.error.required", errors.messages().getMessage("people.label.dateOfBirth", null, errors.locale()));
        } else if (born != null && born.isAfter(LocalDate.now(clock))) {
            errors.reject("dateOfBirth", "people.error.dateOfBirth.future");
        } else if (born != null && born.isBefore(LocalDate.now(clock).minusYears(130))) {
            errors.reject("dateOfBirth", "people.error.dateOfBirth.past");
        }
        Postcode postcode = null;
        if (typed.postcode() == null || typed.postcode().isBlank()) {
            errors.reject("postcode", "people.error.postcode.required", postcodeExample.get());
        } else {
            try {
                postcode = Postcode.parse(typed.postcode());
                if (postcodes.findSector(postcode).isEmpty()) {
                    errors.reject("postcode", "postcode.error.unknown-sector");
                }
            } catch (InvalidPostcodeException e) {
                errors.reject("postcode", e.messageKey(), postcodeExample.get());
            }
        }
        String language = typed.preferredLanguage() == null || typed.preferredLanguage().isBlank() ? "en"
                : typed.preferredLanguage().strip().toLowerCase(Locale.ROOT);
        if (!language.equals("en") && !language.equals("cy")) {
            errors.reject("preferredLanguage", "people.error.preferredLanguage");
        }
        ContactPreference contact = null;
        if (typed.contactPreference() != null && !typed.contactPreference().isBlank()) {
            try {
                contact = ContactPreference.valueOf(typed.contactPreference().strip());
            } catch (IllegalArgumentException e) {
                errors.reject("contactPreference", "people.error.contactPreference");
            }
        }
        String email = errors.text("email", typed.email(), 254, false, "people.label.email");
        if (email != null && !email.isEmpty() && !email.matches("^[^@\\s]+@[^@\\s]+$")) {
            errors.reject("email", "people.error.email");
        }
        String phone = errors.text("phone", typed.phone(), 30, false, "people.label.phone");
        if (phone != null && !phone.isEmpty() && !phone.matches("^[+0-9 ()-]{6,30}$")) {
            errors.reject("phone", "people.error.phone");
        }
        boolean noEmail = email == null || email.isEmpty();
        if (contact == null && !errors.has("contactPreference")) {
            // not said: email if we have an address, otherwise letters by post
            contact = noEmail ? ContactPreference.LETTER : ContactPreference.EMAIL;
        } else if (contact == ContactPreference.EMAIL && noEmail && !errors.has("email")) {
            errors.reject("email", "people.error.email.needed");
        }
        boolean noPhone = phone == null || phone.isEmpty();
        if ((contact == ContactPreference.PHONE || contact == ContactPreference.TEXT) && noPhone && !errors.has("phone")) {
            errors.reject("phone", "people.error.phone.needed");
        }
        String needs = errors.text("communicationNeeds", typed.communicationNeeds(), 1000, false, "people.label.communicationNeeds");
        if (!errors.isEmpty()) {
            return null;
        }
        return new NewCitizen(councilId, null, given, family, born, postcode, language, contact,
                email.isEmpty() ? null : email, phone.isEmpty() ? null : phone, needs.isEmpty() ? null : needs);
    }
}
