package org.dphub.people;

import java.time.LocalDate;

/**
 * Someone who acts for a person. One who has stopped acting for them ({@code endedOn} set, with the
 * reason recorded) stays on the person's record as history; only a {@link #current()} one is offered
 * for a new direct payment or an online account.
 */
public record Representative(long id, long citizenId, long councilId, String name, RepresentativeKind kind,
                             String email, Long userId, LocalDate endedOn, String endReason) {

    public Representative(long id, long citizenId, long councilId, String name, RepresentativeKind kind, String email, Long userId) {
        this(id, citizenId, councilId, name, kind, email, userId, null, null);
    }

    /** Still acts for the person. */
    public boolean current() {
        return endedOn == null;
    }
}
