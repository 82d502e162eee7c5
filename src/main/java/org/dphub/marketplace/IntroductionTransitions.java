package org.dphub.marketplace;

import java.util.Optional;
import java.util.Set;

/**
 * Every change of an introduction's status, with who may make it. Contact details and messages
 * exist only from CONNECTED on.
 *
 * <pre>
 * from                              event     who                      to
 * INVITED                           ACCEPT    the PA (the other side)   CONNECTED
 * INTERESTED                        ACCEPT    the employer (the other)  CONNECTED
 * INVITED, INTERESTED, CONNECTED    DECLINE   either side              DECLINED
 * INVITED, INTERESTED, CONNECTED,
 *   DECLINED                        BLOCK     either side              BLOCKED
 * CONNECTED                         HIRE      the employer             HIRED
 * </pre>
 * DECLINED, BLOCKED and HIRED are final (a block also stops new introductions between the two).
 */
public final class IntroductionTransitions {

    public enum Event { ACCEPT, DECLINE, BLOCK, HIRE }

    /** Why a transition is refused: not from this status, or not by this side. */
    public enum Refusal { NOT_FROM_THIS_STATUS, NOT_THIS_SIDE }

    public record Outcome(IntroductionStatus to, Refusal refusal) {
        public boolean allowed() {
            return refusal == null;
        }
    }

    private static final Set<IntroductionStatus> OPEN = Set.of(IntroductionStatus.INVITED, IntroductionStatus.INTERESTED,
            IntroductionStatus.CONNECTED);

    private IntroductionTransitions() {
    }

    public static Outcome apply(IntroductionStatus from, Event event, Side by) {
        switch (event) {
            case ACCEPT:
                if (from == IntroductionStatus.INVITED) {
                    return by == Side.PA ? to(IntroductionStatus.CONNECTED) : refused(Refusal.NOT_THIS_SIDE);
                }
                if (from == IntroductionStatus.INTERESTED) {
                    return by == Side.EMPLOYER ? to(IntroductionStatus.CONNECTED) : refused(Refusal.NOT_THIS_SIDE);
                }
                return refused(Refusal.NOT_FROM_THIS_STATUS);
            case DECLINE:
                return OPEN.contains(from) ? to(IntroductionStatus.DECLINED) : refused(Refusal.NOT_FROM_THIS_STATUS);
            case BLOCK:
                return OPEN.contains(from) || from == IntroductionStatus.DECLINED ? to(IntroductionStatus.BLOCKED)
                        : refused(Refusal.NOT_FROM_THIS_STATUS);
            case HIRE:
                if (from != IntroductionStatus.CONNECTED) {
                    return refused(Refusal.NOT_FROM_THIS_STATUS);
                }
                return by == Side.EMPLOYER ? to(IntroductionStatus.HIRED) : refused(Refusal.NOT_THIS_SIDE);
            default:
                throw new IllegalArgumentException(event.name());
        }
    }

    /** Contact details and messages: only once both sides have agreed. */
    public static boolean connected(IntroductionStatus status) {
        return status == IntroductionStatus.CONNECTED || status == IntroductionStatus.HIRED;
    }

    private static Outcome to(IntroductionStatus status) {
        return new Outcome(status, null);
    }

    private static Outcome refused(Refusal refusal) {
        return new Outcome(null, refusal);
    }
}
