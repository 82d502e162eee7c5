package org.dphub.people.web;

import org.springframework.util.MultiValueMap;

/** What the "add a person" form sends, as typed. The date of birth is a GOV.UK date input (day, month, year). */
record NewCitizenForm(String givenName, String familyName, String dateOfBirthDay, String dateOfBirthMonth,
                      String dateOfBirthYear, String postcode, String preferredLanguage, String contactPreference,
                      String email, String phone, String communicationNeeds) {

    static NewCitizenForm empty() {
        return new NewCitizenForm("", "", "", "", "", "", "", "", "", "", "");
    }

    /** A person's details as they are, for the form that changes them. */
    static NewCitizenForm of(org.dphub.people.Citizen c) {
        return new NewCitizenForm(c.givenName(), c.familyName(), Integer.toString(c.dateOfBirth().getDayOfMonth()),
                Integer.toString(c.dateOfBirth().getMonthValue()), Integer.toString(c.dateOfBirth().getYear()), c.postcode().value(),
                c.preferredLanguage(), c.contactPreference().name(), c.email() == null ? "" : c.email(),
                c.phone() == null ? "" : c.phone(), c.communicationNeeds() == null ? "" : c.communicationNeeds());
    }

    static NewCitizenForm from(MultiValueMap<String, String> p) {
        return new NewCitizenForm(value(p, "givenName"), value(p, "familyName"), value(p, "dateOfBirth-day"),
                value(p, "dateOfBirth-month"), value(p, "dateOfBirth-year"), value(p, "postcode"),
                value(p, "preferredLanguage"), value(p, "contactPreference"), value(p, "email"), value(p, "phone"),
                value(p, "communicationNeeds"));
    }

    /**
     * The person's details as this form typed them, checked as {@link CitizenInput} checks them (with the
     * date of birth's three boxes, and the two choices the form asks for); null with the problems in
     * {@code errors}.
     */
    org.dphub.people.NewCitizen read(long councilId, org.dphub.web.FormErrors errors, org.dphub.shared.PostcodeDirectory postcodes,
                                     java.time.Clock clock, java.util.function.Supplier<String> postcodeExample) {
        java.time.LocalDate born = errors.date("dateOfBirth", dateOfBirthDay, dateOfBirthMonth, dateOfBirthYear, "people.label.dateOfBirth");
        if (preferredLanguage.isBlank()) {
            errors.reject("preferredLanguage", "people.error.preferredLanguage");
        }
        if (contactPreference.isBlank()) {
            errors.reject("contactPreference", "people.error.contactPreference");
        }
        return org.dphub.people.CitizenInput.read(councilId, new org.dphub.people.CitizenInput.Typed(givenName, familyName, born,
                postcode, preferredLanguage, contactPreference, email, phone, communicationNeeds), errors, postcodes, clock, postcodeExample);
    }

    /** What the form's two choices offer: English or Welsh, and each way of being contacted. */
    static void choices(org.springframework.ui.Model model) {
        model.addAttribute("languages", java.util.List.of("en", "cy"));
        model.addAttribute("contactPreferences", org.dphub.people.ContactPreference.values());
    }

    /** The first value sent for a field, or "" when it was not sent. */
    static String value(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        return value == null ? "" : value;
    }
}
