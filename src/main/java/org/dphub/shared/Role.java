package org.dphub.shared;

import java.util.EnumSet;
import java.util.Set;

/** What a person does in dphub. A user may hold several roles. */
public enum Role {
    CITIZEN,
    REPRESENTATIVE,
    PERSONAL_ASSISTANT,
    PROVIDER,
    PRACTITIONER,
    BUDGET_HOLDER,
    DP_TEAM,
    FINANCE,
    COUNCIL_ADMIN,
    /**
     * Reads the national view of every council's figures, with small numbers suppressed, and
     * nothing else: not council staff, no council, no person's records (issue 16).
     */
    NATIONAL_ANALYST;

    /** Council staff: each belongs to one council and sees only that council's records. */
    public static final Set<Role> STAFF = EnumSet.of(PRACTITIONER, BUDGET_HOLDER, DP_TEAM, FINANCE, COUNCIL_ADMIN);

    public boolean isStaff() {
        return STAFF.contains(this);
    }

    /** The Spring Security authority name, "ROLE_FINANCE". */
    public String authority() {
        return "ROLE_" + name();
    }
}
