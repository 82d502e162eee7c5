package org.dphub.identity.web;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.dphub.shared.Role;
import org.dphub.web.FormErrors;

/**
 * A member of staff's details and roles as an administrator typed them, checked the same way on the
 * pages and in the API: each value, or null with an error on its field.
 */
public final class StaffInput {

    private StaffInput() {
    }

    public static String name(FormErrors errors, String typed) {
        return errors.text("displayName", typed, 200, true, "staff-accounts.label.name");
    }

    /** The work email address they sign in with (also how their council account finds them). */
    public static String email(FormErrors errors, String typed) {
        String email = errors.text("email", typed, 254, true, "staff-accounts.label.email");
        if (email != null && !email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
            errors.reject("email", "staff-accounts.error.email");
            return null;
        }
        return email == null ? null : email.toLowerCase(java.util.Locale.ROOT);
    }

    /** A work email address for people to write to, null when none was given (then they see the team's). */
    public static String workEmail(FormErrors errors, String typed) {
        String email = errors.text("workEmail", typed, 254, false, "staff-accounts.label.work-email");
        if (email != null && !email.isEmpty() && !email.matches("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$")) {
            errors.reject("workEmail", "staff-accounts.error.email");
            return null;
        }
        return email == null || email.isEmpty() ? null : email.toLowerCase(java.util.Locale.ROOT);
    }

    /** A work phone number, null when none was given. */
    public static String phone(FormErrors errors, String typed) {
        String phone = errors.text("workPhone", typed, 30, false, "staff-accounts.label.phone");
        if (phone != null && !phone.isEmpty() && !phone.matches("^[+0-9 ()-]{6,30}$")) {
            errors.reject("workPhone", "staff-accounts.error.phone");
            return null;
        }
        return phone == null || phone.isEmpty() ? null : phone;
    }

    /** At least one staff role, by name (PRACTITIONER, DP_TEAM, ...); any other name is an error. */
    public static Set<Role> roles(FormErrors errors, Collection<String> typed) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String name : typed == null ? java.util.List.<String>of() : typed) {
            Role role = Role.STAFF.stream().filter(r -> name != null && r.name().equals(name.strip())).findFirst().orElse(null);
            if (role == null) {
                errors.reject("roles", "staff-accounts.error.role-unknown");
                return null;
            }
            roles.add(role);
        }
        if (roles.isEmpty()) {
            errors.reject("roles", "staff-accounts.error.roles");
            return null;
        }
        return roles;
    }
}
