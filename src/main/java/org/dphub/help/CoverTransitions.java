package org.dphub.help;

import java.util.Optional;

/**
 * The only ways a cover booking changes (docs/ARCHITECTURE.md draws the table). Contact details are
 * shown to each side from ACCEPTED on; accepting engages the PA for the shift.
 *
 * <pre>
 * from                  event     who            to
 * REQUESTED             ACCEPT    the PA         ACCEPTED
 * REQUESTED             DECLINE   the PA         DECLINED
 * REQUESTED, ACCEPTED   CANCEL    either side    CANCELLED
 * ACCEPTED              WORKED    the employer   WORKED
 * </pre>
 * DECLINED, WORKED and CANCELLED are final.
 */
public final class CoverTransitions {

    public enum Event { ACCEPT, DECLINE, CANCEL, WORKED }

    public enum Side { EMPLOYER, PA }

    private CoverTransitions() {
    }

    /** The state after {@code event} by {@code side}, or empty when it is not allowed. */
    public static Optional<CoverStatus> apply(CoverStatus from, Event event, Side side) {
        return Optional.ofNullable(switch (event) {
            case ACCEPT -> from == CoverStatus.REQUESTED && side == Side.PA ? CoverStatus.ACCEPTED : null;
            case DECLINE -> from == CoverStatus.REQUESTED && side == Side.PA ? CoverStatus.DECLINED : null;
            case CANCEL -> from == CoverStatus.REQUESTED || from == CoverStatus.ACCEPTED ? CoverStatus.CANCELLED : null;
            case WORKED -> from == CoverStatus.ACCEPTED && side == Side.EMPLOYER ? CoverStatus.WORKED : null;
        });
    }
}
