package org.dphub.peersupport;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a moderator does to a post, as a transition (one row each; anything else is refused):
 *
 * <pre>
 * VISIBLE --HIDE----> HIDDEN     (others see "Removed by a moderator"; the poster sees why)
 * HIDDEN  --RESTORE-> VISIBLE
 * any     --KEEP----> unchanged  (the reports were looked at; nothing wrong)
 * OPEN    --LOCK----> LOCKED     (questions only: no new answers)
 * LOCKED  --UNLOCK--> OPEN
 * </pre>
 *
 * HIDE, RESTORE and KEEP close the reports made before them.
 */
public enum ModerationAction {
    HIDE("HIDDEN"), RESTORE("RESTORED"), KEEP("KEPT"), LOCK("LOCKED"), UNLOCK("UNLOCKED");

    private final String recorded;

    ModerationAction(String recorded) {
        this.recorded = recorded;
    }

    /** The word kept in the history (peer_moderation.action). */
    public String recorded() {
        return recorded;
    }

    public static Optional<ModerationAction> of(String text) {
        return Arrays.stream(values()).filter(a -> a.name().equalsIgnoreCase(text == null ? "" : text.strip())).findFirst();
    }

    /** Whether this may be done to a post in this state. */
    public boolean allowed(boolean question, boolean hidden, boolean locked) {
        return switch (this) {
            case HIDE -> !hidden;
            case RESTORE -> hidden;
            case KEEP -> true;
            case LOCK -> question && !locked;
            case UNLOCK -> question && locked;
        };
    }
}
