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

    /** The first value sent for a field, or "" when it was not sent. */
    static String value(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        return value == null ? "" : value;
    }
}
