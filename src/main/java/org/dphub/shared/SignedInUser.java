package org.dphub.shared;

import java.util.Set;

/**
 * Who is signed in, as every module sees it. Staff always have a council; a PA's council is the
 * one they registered through and gives them no access to council records.
 */
public record SignedInUser(long userId, String username, String displayName, Long councilId,
                           String councilCode, Set<Role> roles, String preferredLanguage, boolean mustChangePassword)
        implements java.io.Serializable {

    public SignedInUser {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** For page templates: {@code signedInUser.hasRole('COUNCIL_ADMIN')}. */
    public boolean hasRole(String role) {
        return roles.contains(Role.valueOf(role));
    }

    public boolean isStaff() {
        return roles.stream().anyMatch(Role::isStaff);
    }

    /** True when this is council staff of the given council. */
    public boolean isStaffOf(long council) {
        return isStaff() && councilId != null && councilId == council;
    }

    /** Implemented by the security principal, so any module can get the {@link SignedInUser}. */
    public interface Holder {
        SignedInUser signedInUser();
    }
}
