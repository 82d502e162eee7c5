package org.dphub.plans;

import static org.dphub.plans.DirectPaymentStatus.ACTIVE;
import static org.dphub.plans.DirectPaymentStatus.AWAITING_AGREEMENT;
import static org.dphub.plans.DirectPaymentStatus.ENDED;
import static org.dphub.plans.DirectPaymentStatus.SUSPENDED;

import java.util.Map;
import java.util.Optional;

/**
 * The only ways a direct payment's status may change (drawn in docs/ARCHITECTURE.md):
 * <pre>
 * AWAITING_AGREEMENT --AGREEMENT_ACCEPTED--> ACTIVE
 * AWAITING_AGREEMENT --WITHDRAWN-----------> ENDED
 * ACTIVE             --SUSPENDED-----------> SUSPENDED
 * SUSPENDED          --RESUMED-------------> ACTIVE
 * ACTIVE, SUSPENDED  --ENDED---------------> ENDED
 * </pre>
 */
public final class DirectPaymentTransitions {

    public enum Event { AGREEMENT_ACCEPTED, WITHDRAWN, SUSPENDED, RESUMED, ENDED }

    private record Key(DirectPaymentStatus from, Event event) {
    }

    private static final Map<Key, DirectPaymentStatus> TABLE = Map.of(
            new Key(AWAITING_AGREEMENT, Event.AGREEMENT_ACCEPTED), ACTIVE,
            new Key(AWAITING_AGREEMENT, Event.WITHDRAWN), ENDED,
            new Key(ACTIVE, Event.SUSPENDED), SUSPENDED,
            new Key(SUSPENDED, Event.RESUMED), ACTIVE,
            new Key(ACTIVE, Event.ENDED), ENDED,
            new Key(SUSPENDED, Event.ENDED), ENDED);

    private DirectPaymentTransitions() {
    }

    public static Optional<DirectPaymentStatus> next(DirectPaymentStatus from, Event event) {
        return Optional.ofNullable(TABLE.get(new Key(from, event)));
    }
}
