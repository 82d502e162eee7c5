package org.dphub.directory;

import java.util.Map;
import java.util.Optional;

/**
 * The group purchase's transition table (also drawn in docs/ARCHITECTURE.md).
 * <pre>
 * from       event     to
 * OPEN       CONFIRM   CONFIRMED   every current member consented; the organiser confirms; each share charged
 * CONFIRMED  CONFIRM   CONFIRMED   members who joined mid-term and consented are charged
 * OPEN       CANCEL    CANCELLED   the organiser calls it off; nobody has paid
 * </pre>
 */
public final class GroupPurchaseTransitions {

    public enum Event {
        CONFIRM,
        CANCEL
    }

    private static final Map<GroupPurchaseStatus, Map<Event, GroupPurchaseStatus>> TABLE = Map.of(
            GroupPurchaseStatus.OPEN, Map.of(Event.CONFIRM, GroupPurchaseStatus.CONFIRMED, Event.CANCEL, GroupPurchaseStatus.CANCELLED),
            GroupPurchaseStatus.CONFIRMED, Map.of(Event.CONFIRM, GroupPurchaseStatus.CONFIRMED),
            GroupPurchaseStatus.CANCELLED, Map.of());

    private GroupPurchaseTransitions() {
    }

    /** Where {@code event} takes a group in {@code from}, or empty when it is not allowed. */
    public static Optional<GroupPurchaseStatus> next(GroupPurchaseStatus from, Event event) {
        return Optional.ofNullable(TABLE.get(from).get(event));
    }
}
