package org.dphub.feedback;

import java.util.Locale;

/** Whom a round invites, and the one thing an anonymous answer says about who gave it (with the council). */
public enum RoleKind {
    /** A direct payment holder: a citizen answering for themself. */
    HOLDER,
    /** Someone acting for a citizen: an authorised, nominated or suitable person. */
    REPRESENTATIVE,
    /** A personal assistant working for one of the council's employers. */
    PA,
    /** The council's own staff. */
    STAFF;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
