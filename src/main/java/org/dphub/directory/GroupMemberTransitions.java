package org.dphub.directory;

import java.util.Map;
import java.util.Optional;

/**
 * A member's transition table (also drawn in docs/ARCHITECTURE.md).
 * <pre>
 * from       event           to
 * INVITED    CONSENT         CONSENTED
 * CONSENTED  CONSENT         CONSENTED   agreeing again changes nothing
 * CONSENTED  SHARE_CHANGED   INVITED     before anything is paid, someone joined or left: agree to the new share
 * CONSENTED  CHARGE          PAID        the organiser confirmed; the share is spending on their account
 * INVITED    LEAVE           LEFT        nothing was paid, nothing is refunded
 * CONSENTED  LEAVE           LEFT        nothing was paid, nothing is refunded
 * PAID       LEAVE           LEFT        refunded exactly for the sessions not yet held
 * </pre>
 */
public final class GroupMemberTransitions {

    public enum Event {
        CONSENT,
        SHARE_CHANGED,
        CHARGE,
        LEAVE
    }

    private static final Map<GroupMemberStatus, Map<Event, GroupMemberStatus>> TABLE = Map.of(
            GroupMemberStatus.INVITED, Map.of(Event.CONSENT, GroupMemberStatus.CONSENTED, Event.LEAVE, GroupMemberStatus.LEFT),
            GroupMemberStatus.CONSENTED, Map.of(Event.CONSENT, GroupMemberStatus.CONSENTED,
                    Event.SHARE_CHANGED, GroupMemberStatus.INVITED, Event.CHARGE, GroupMemberStatus.PAID,
                    Event.LEAVE, GroupMemberStatus.LEFT),
            GroupMemberStatus.PAID, Map.of(Event.LEAVE, GroupMemberStatus.LEFT),
            GroupMemberStatus.LEFT, Map.of());

    private GroupMemberTransitions() {
    }

    public static Optional<GroupMemberStatus> next(GroupMemberStatus from, Event event) {
        return Optional.ofNullable(TABLE.get(from).get(event));
    }
}
