package org.dphub.identity;

import java.util.Set;
import org.dphub.shared.Role;

/**
 * A user account as colleagues and the people they serve see it: the name, the roles, and how to
 * reach them at work (issue 18: a person's named direct payments contact). Phone and email are
 * optional (null when not recorded).
 */
public record StaffMember(long id, String displayName, Long councilId, Set<Role> roles, String workPhone, String workEmail,
                          boolean enabled) {

    public StaffMember {
        roles = Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /**
     * Whether they can be someone's named contact now: switched on (they have not left) and in the
     * direct payments team (they have not moved to other work). When not, the team is the contact.
     */
    public boolean actsAsContact() {
        return enabled && roles.contains(Role.DP_TEAM);
    }

    /** An enabled member of this council's staff with this role. */
    public boolean isOf(long council, Role role) {
        return enabled && councilId != null && councilId == council && roles.contains(role);
    }
}
