package org.dphub.identity;

import java.util.Set;
import org.dphub.shared.Role;

/** What is needed to create a user account. Staff must have a council; a national analyst has none. */
public record NewUserAccount(String username, String rawPassword, String displayName, Long councilId,
                             Set<Role> roles, String preferredLanguage) {

    public NewUserAccount {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("A username is needed");
        }
        username = username.strip().toLowerCase(java.util.Locale.ROOT);
        roles = Set.copyOf(roles);
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("A user needs at least one role");
        }
        if (councilId == null && roles.stream().anyMatch(org.dphub.shared.Role::isStaff)) {
            throw new IllegalArgumentException("Council staff must belong to a council");
        }
        // a national analyst sees every council's suppressed figures, so belongs to none and holds no other role
        if (roles.contains(org.dphub.shared.Role.NATIONAL_ANALYST) && (councilId != null || roles.size() > 1)) {
            throw new IllegalArgumentException("A national analyst belongs to no council and has no other role");
        }
        preferredLanguage = preferredLanguage == null ? "en" : preferredLanguage;
    }
}
