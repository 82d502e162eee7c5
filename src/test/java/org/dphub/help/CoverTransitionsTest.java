package org.dphub.help;

import static org.assertj.core.api.Assertions.assertThat;

import org.dphub.help.CoverTransitions.Event;
import org.dphub.help.CoverTransitions.Side;
import org.junit.jupiter.api.Test;

/** Every move of a cover booking, and who may make it (issue 18). */
class CoverTransitionsTest {

    @Test
    void onlyThePaAcceptsOrDeclinesARequest() {
        assertThat(CoverTransitions.apply(CoverStatus.REQUESTED, Event.ACCEPT, Side.PA)).contains(CoverStatus.ACCEPTED);
        assertThat(CoverTransitions.apply(CoverStatus.REQUESTED, Event.DECLINE, Side.PA)).contains(CoverStatus.DECLINED);
        assertThat(CoverTransitions.apply(CoverStatus.REQUESTED, Event.ACCEPT, Side.EMPLOYER)).isEmpty();
        assertThat(CoverTransitions.apply(CoverStatus.ACCEPTED, Event.DECLINE, Side.PA)).isEmpty();
    }

    @Test
    void eitherSideCancelsUntilItIsWorkedAndOnlyTheEmployerSaysItWasWorked() {
        for (Side side : Side.values()) {
            assertThat(CoverTransitions.apply(CoverStatus.REQUESTED, Event.CANCEL, side)).contains(CoverStatus.CANCELLED);
            assertThat(CoverTransitions.apply(CoverStatus.ACCEPTED, Event.CANCEL, side)).contains(CoverStatus.CANCELLED);
            assertThat(CoverTransitions.apply(CoverStatus.WORKED, Event.CANCEL, side)).isEmpty();
        }
        assertThat(CoverTransitions.apply(CoverStatus.ACCEPTED, Event.WORKED, Side.EMPLOYER)).contains(CoverStatus.WORKED);
        assertThat(CoverTransitions.apply(CoverStatus.ACCEPTED, Event.WORKED, Side.PA)).isEmpty();
        assertThat(CoverTransitions.apply(CoverStatus.REQUESTED, Event.WORKED, Side.EMPLOYER)).isEmpty();
    }

    @Test
    void declinedWorkedAndCancelledAreFinal() {
        for (CoverStatus end : new CoverStatus[] {CoverStatus.DECLINED, CoverStatus.WORKED, CoverStatus.CANCELLED}) {
            for (Event event : Event.values()) {
                for (Side side : Side.values()) {
                    assertThat(CoverTransitions.apply(end, event, side)).isEmpty();
                }
            }
        }
    }
}
