package org.dphub.help;

import java.util.Map;
import java.util.Optional;

/**
 * The only ways a request for help changes status (docs/ARCHITECTURE.md draws the table).
 * Assigning it changes who has it, never its status. A closed request takes no more replies.
 *
 * <pre>
 * from       event          to
 * OPEN       TEAM_REPLIED   ANSWERED
 * ANSWERED   TEAM_REPLIED   ANSWERED
 * OPEN       ASKER_REPLIED  OPEN
 * ANSWERED   ASKER_REPLIED  OPEN
 * OPEN       CLOSE          CLOSED
 * ANSWERED   CLOSE          CLOSED
 * </pre>
 */
public final class HelpTransitions {

    public enum Event {
        TEAM_REPLIED, ASKER_REPLIED, CLOSE
    }

    private static final Map<HelpStatus, Map<Event, HelpStatus>> TABLE = Map.of(
            HelpStatus.OPEN, Map.of(Event.TEAM_REPLIED, HelpStatus.ANSWERED, Event.ASKER_REPLIED, HelpStatus.OPEN,
                    Event.CLOSE, HelpStatus.CLOSED),
            HelpStatus.ANSWERED, Map.of(Event.TEAM_REPLIED, HelpStatus.ANSWERED, Event.ASKER_REPLIED, HelpStatus.OPEN,
                    Event.CLOSE, HelpStatus.CLOSED),
            HelpStatus.CLOSED, Map.of());

    private HelpTransitions() {
    }

    /** The status after {@code event}, or empty when it is not allowed from {@code from}. */
    public static Optional<HelpStatus> apply(HelpStatus from, Event event) {
        return Optional.ofNullable(TABLE.get(from).get(event));
    }
}
