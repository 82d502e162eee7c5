package org.dphub.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dphub.plans.DirectPaymentStatus.ACTIVE;
import static org.dphub.plans.DirectPaymentStatus.AWAITING_AGREEMENT;
import static org.dphub.plans.DirectPaymentStatus.ENDED;
import static org.dphub.plans.DirectPaymentStatus.SUSPENDED;
import static org.dphub.plans.DirectPaymentTransitions.Event.AGREEMENT_ACCEPTED;
import static org.dphub.plans.DirectPaymentTransitions.Event.RESUMED;
import static org.dphub.plans.DirectPaymentTransitions.Event.WITHDRAWN;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.dphub.plans.DirectPaymentTransitions.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The direct payment's life (docs/ARCHITECTURE.md, drawn in {@link DirectPaymentTransitions}):
 * <pre>
 * AWAITING_AGREEMENT --AGREEMENT_ACCEPTED--> ACTIVE
 * AWAITING_AGREEMENT --WITHDRAWN-----------> ENDED
 * ACTIVE             --SUSPENDED-----------> SUSPENDED
 * SUSPENDED          --RESUMED-------------> ACTIVE
 * ACTIVE, SUSPENDED  --ENDED---------------> ENDED
 * </pre>
 * Everything else is refused (an empty answer).
 */
class DirectPaymentTransitionsTest {

    /** The drawing above, written out again here so a change to the table in main code is caught. */
    static final Map<String, DirectPaymentStatus> ALLOWED = Map.of(
            "AWAITING_AGREEMENT/AGREEMENT_ACCEPTED", ACTIVE,
            "AWAITING_AGREEMENT/WITHDRAWN", ENDED,
            "ACTIVE/SUSPENDED", SUSPENDED,
            "SUSPENDED/RESUMED", ACTIVE,
            "ACTIVE/ENDED", ENDED,
            "SUSPENDED/ENDED", ENDED);

    static Stream<Arguments> everyStatusAndEvent() {
        List<Arguments> cases = new ArrayList<>();
        for (DirectPaymentStatus from : DirectPaymentStatus.values()) {
            for (Event event : Event.values()) {
                cases.add(Arguments.of(from, event, Optional.ofNullable(ALLOWED.get(from + "/" + event))));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} + {1} → {2}")
    @MethodSource("everyStatusAndEvent")
    void exactlyTheDrawnTransitionsAreAllowed(DirectPaymentStatus from, Event event, Optional<DirectPaymentStatus> expected) {
        assertThat(DirectPaymentTransitions.next(from, event)).isEqualTo(expected);
    }

    @Test
    void theMatrixIsComplete() {
        // 4 statuses × 5 events = 20 pairs, 6 of them allowed
        assertThat(everyStatusAndEvent().count()).isEqualTo(20);
        assertThat(everyStatusAndEvent().filter(a -> ((Optional<?>) a.get()[2]).isPresent()).count()).isEqualTo(6);
    }

    @ParameterizedTest(name = "ENDED + {0} → nothing")
    @EnumSource(Event.class)
    void endedIsFinal(Event event) {
        assertThat(DirectPaymentTransitions.next(ENDED, event)).isEmpty();
    }

    @Test
    void examplesOfRefusedPairs() {
        assertThat(DirectPaymentTransitions.next(ACTIVE, AGREEMENT_ACCEPTED)).as("already agreed").isEmpty();
        assertThat(DirectPaymentTransitions.next(ACTIVE, RESUMED)).as("not suspended").isEmpty();
        assertThat(DirectPaymentTransitions.next(ACTIVE, WITHDRAWN)).as("withdraw only before agreement").isEmpty();
        assertThat(DirectPaymentTransitions.next(AWAITING_AGREEMENT, Event.SUSPENDED)).as("nothing paid yet").isEmpty();
        assertThat(DirectPaymentTransitions.next(AWAITING_AGREEMENT, Event.ENDED)).isEmpty();
        assertThat(DirectPaymentTransitions.next(SUSPENDED, Event.SUSPENDED)).isEmpty();
        assertThat(DirectPaymentTransitions.next(SUSPENDED, AGREEMENT_ACCEPTED)).isEmpty();
    }
}
