package org.dphub.marketplace;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every change of a profile's status, and nothing else (GOV.UK Pay's state-transition style):
 *
 * <pre>
 * from             event           to
 * AWAITING_CHECKS  CHECKS_PASSED   LIVE
 * AWAITING_CHECKS  SUSPENDED       SUSPENDED
 * LIVE             CHECKS_PASSED   LIVE        (checked again, e.g. a new DBS date)
 * LIVE             SUSPENDED       SUSPENDED
 * SUSPENDED        REINSTATED      AWAITING_CHECKS   (checked again before it is live)
 * ERASED           (none)                            (the PA left the register: set only by an erasure, issue 17)
 * </pre>
 */
public final class PaProfileTransitions {

    public enum Event { CHECKS_PASSED, SUSPENDED, REINSTATED }

    private static final Map<PaProfileStatus, Map<Event, PaProfileStatus>> TABLE = new EnumMap<>(PaProfileStatus.class);

    static {
        TABLE.put(PaProfileStatus.AWAITING_CHECKS, Map.of(
                Event.CHECKS_PASSED, PaProfileStatus.LIVE,
                Event.SUSPENDED, PaProfileStatus.SUSPENDED));
        TABLE.put(PaProfileStatus.LIVE, Map.of(
                Event.CHECKS_PASSED, PaProfileStatus.LIVE,
                Event.SUSPENDED, PaProfileStatus.SUSPENDED));
        TABLE.put(PaProfileStatus.SUSPENDED, Map.of(
                Event.REINSTATED, PaProfileStatus.AWAITING_CHECKS));
    }

    private PaProfileTransitions() {
    }

    public static Optional<PaProfileStatus> next(PaProfileStatus from, Event event) {
        return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(event));
    }
}
