package org.dphub.people.web;

import org.dphub.people.Relationship;
import org.dphub.web.FormErrors;

/**
 * Someone in the person's household as typed, checked the same way when they are added and corrected
 * (pages and API): each value, or null with an error on its field.
 */
public final class HouseholdMemberInput {

    private HouseholdMemberInput() {
    }

    public static String name(FormErrors errors, String typed) {
        return errors.text("name", typed, 200, true, "people.label.householdName");
    }

    public static Relationship relationship(FormErrors errors, String typed) {
        try {
            return Relationship.valueOf(typed == null ? "" : typed.strip());
        } catch (IllegalArgumentException e) {
            errors.reject("relationship", "people.error.relationship");
            return null;
        }
    }

    /** "true" or "false" from a form, or a JSON boolean as text; anything else is an error. */
    public static Boolean livesInSameHousehold(FormErrors errors, String typed) {
        if (!"true".equals(typed) && !"false".equals(typed)) {
            errors.reject("livesInSameHousehold", "people.error.livesInSameHousehold");
            return null;
        }
        return Boolean.parseBoolean(typed);
    }
}
