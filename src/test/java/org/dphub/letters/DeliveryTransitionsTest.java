package org.dphub.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.dphub.letters.DeliveryTransitions.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The delivery transition table, row by row, and every change it does not allow. */
class DeliveryTransitionsTest {

    @Test
    void aNewLetterWaitsToBeSentWithNotifyAndIsKeptInTheOutboxWithout() {
        assertThat(DeliveryTransitions.apply(null, Event.WRITE_WITH_NOTIFY)).contains(DeliveryStatus.PENDING);
        assertThat(DeliveryTransitions.apply(null, Event.WRITE_WITHOUT_NOTIFY)).contains(DeliveryStatus.OUTBOX);
        for (Event event : EnumSet.complementOf(EnumSet.of(Event.WRITE_WITH_NOTIFY, Event.WRITE_WITHOUT_NOTIFY))) {
            assertThat(DeliveryTransitions.apply(null, event)).as(event.name()).isEmpty();
        }
    }

    @Test
    void eachRowOfTheTable() {
        assertThat(DeliveryTransitions.apply(DeliveryStatus.PENDING, Event.CLAIM)).contains(DeliveryStatus.SENDING);
        assertThat(DeliveryTransitions.apply(DeliveryStatus.SENDING, Event.CLAIM)).as("a claim that ran out").contains(DeliveryStatus.SENDING);
        assertThat(DeliveryTransitions.apply(DeliveryStatus.SENDING, Event.ACCEPT)).contains(DeliveryStatus.SENT);
        assertThat(DeliveryTransitions.apply(DeliveryStatus.SENDING, Event.TRY_LATER)).contains(DeliveryStatus.PENDING);
        assertThat(DeliveryTransitions.apply(DeliveryStatus.SENDING, Event.GIVE_UP)).contains(DeliveryStatus.FAILED);
        assertThat(DeliveryTransitions.apply(DeliveryStatus.FAILED, Event.SEND_AGAIN)).contains(DeliveryStatus.PENDING);
    }

    @ParameterizedTest
    @EnumSource(value = DeliveryStatus.class, names = {"OUTBOX", "SENT"})
    void aLetterKeptInTheOutboxOrSentNeverMovesAgain(DeliveryStatus status) {
        for (Event event : Event.values()) {
            assertThat(DeliveryTransitions.apply(status, event)).as(status + " " + event).isEmpty();
        }
    }

    @Test
    void onlyALetterThatWasNotSentIsSentAgain() {
        for (DeliveryStatus status : EnumSet.complementOf(EnumSet.of(DeliveryStatus.FAILED))) {
            assertThat(DeliveryTransitions.apply(status, Event.SEND_AGAIN)).as(status.name()).isEmpty();
        }
    }

    @Test
    void onlyTheJobsClaimEndsInSentOrFailedOrAnotherTry() {
        for (DeliveryStatus status : EnumSet.complementOf(EnumSet.of(DeliveryStatus.SENDING))) {
            for (Event event : EnumSet.of(Event.ACCEPT, Event.TRY_LATER, Event.GIVE_UP)) {
                assertThat(DeliveryTransitions.apply(status, event)).as(status + " " + event).isEmpty();
            }
        }
        assertThat(DeliveryTransitions.apply(DeliveryStatus.FAILED, Event.CLAIM)).as("a failed letter waits for staff").isEmpty();
    }
}
