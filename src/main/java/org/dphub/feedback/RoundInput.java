package org.dphub.feedback;

import java.time.LocalDate;
import java.util.Set;

/**
 * A new round as typed (page or API): dates already read by the caller (a date it could not read
 * is already an error on its field, and null here). {@code titleCy} may be blank: the English title
 * is used in Welsh too.
 */
public record RoundInput(String title, String titleCy, LocalDate opensOn, LocalDate closesOn, Set<RoleKind> invited) {

    public RoundInput {
        invited = invited == null ? Set.of() : Set.copyOf(invited);
    }
}
