package org.dphub.feedback;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * A survey round: its title, the days it is open (both included) and whom it invites.
 * {@code lettersWritten} is null until the invitation letters have been written.
 */
public record Round(long id, long councilId, String title, String titleCy, LocalDate opensOn, LocalDate closesOn, Set<RoleKind> invited,
                    String createdBy, Instant createdAt, Integer lettersWritten) {

    public Round {
        invited = Set.copyOf(invited);
    }

    public enum State { UPCOMING, OPEN, CLOSED }

    public State state(LocalDate today) {
        return today.isBefore(opensOn) ? State.UPCOMING : today.isAfter(closesOn) ? State.CLOSED : State.OPEN;
    }

    public boolean isOpen(LocalDate today) {
        return state(today) == State.OPEN;
    }

    /** The title in the reader's language. */
    public String title(java.util.Locale locale) {
        return "cy".equals(locale.getLanguage()) ? titleCy : title;
    }

    public boolean invites(RoleKind kind) {
        return invited.contains(kind);
    }
}
