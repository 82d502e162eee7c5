package org.dphub.identity;

import java.util.Set;
import org.dphub.web.FormErrors;

/**
 * NCSC guidance: length beats complexity. At least 10 characters, at most 128, not a
 * well-known password, not the username.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 10;
    private static final Set<String> COMMON = Set.of("password123", "1234567890", "qwertyuiop", "password1234",
            "iloveyou123", "letmein1234", "welcome123", "demo-password-2026");

    private PasswordRules() {
    }

    public static void check(String field, String password, String username, FormErrors errors) {
        if (password == null || password.isEmpty()) {
            errors.reject(field, "password.error.required");
        } else if (password.length() < MIN_LENGTH) {
            errors.reject(field, "password.error.too-short", MIN_LENGTH);
        } else if (password.length() > 128) {
            errors.reject(field, "password.error.too-long");
        } else if (COMMON.contains(password.toLowerCase(java.util.Locale.ROOT))
                || password.equalsIgnoreCase(username)) {
            errors.reject(field, "password.error.common");
        }
    }
}
