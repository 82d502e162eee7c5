package org.dphub.people.web;

import org.dphub.web.FormErrors;

/** A representative's name and email as typed, checked the same way when they are added and corrected (pages and API). */
public final class RepresentativeInput {

    private RepresentativeInput() {
    }

    /** The name, or null with an error. */
    public static String name(FormErrors errors, String typed) {
        return errors.text("name", typed, 200, true, "people.label.representativeName");
    }

    /** The email address, null when none was given; null with an error when it is not one. */
    public static String email(FormErrors errors, String typed) {
        String email = errors.text("email", typed, 254, false, "people.label.email");
        if (email != null && !email.isEmpty() && !email.matches("^[^@\\s]+@[^@\\s]+$")) {
            errors.reject("email", "people.error.email");
            return null;
        }
        return email == null || email.isEmpty() ? null : email;
    }
}
