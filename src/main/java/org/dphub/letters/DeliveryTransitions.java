package org.dphub.letters;

import java.util.Optional;

/**
 * Every change of a letter's delivery status. Only the delivery job and "Send again" change it,
 * through this table; nothing else sets a status.
 *
 * <pre>
 * from       event                                          to
 * (new)      WRITE_WITH_NOTIFY   Notify is set up            PENDING (next attempt: now)
 * (new)      WRITE_WITHOUT_NOTIFY no Notify key              OUTBOX
 * PENDING    CLAIM               its time has come           SENDING
 * SENDING    CLAIM               the claim ran out (the      SENDING (Notify is asked by reference
 *                                instance stopped mid-send)           before anything is sent)
 * SENDING    ACCEPT              201, or found at Notify     SENT
 * SENDING    TRY_LATER           429, 5xx or no answer,      PENDING (next attempt after the back-off)
 *                                attempts left
 * SENDING    GIVE_UP             a 4xx that cannot succeed,  FAILED
 *                                or no attempts left
 * FAILED     SEND_AGAIN          staff of the council        PENDING (attempts counted from 1 again)
 * </pre>
 * OUTBOX and SENT are final: a letter kept in the outbox is never sent later, and a letter Notify
 * accepted is never sent again.
 */
public final class DeliveryTransitions {

    public enum Event { WRITE_WITH_NOTIFY, WRITE_WITHOUT_NOTIFY, CLAIM, ACCEPT, TRY_LATER, GIVE_UP, SEND_AGAIN }

    private DeliveryTransitions() {
    }

    /** Where a letter goes from {@code from} ({@code null}: not written yet) on {@code event}; empty when not allowed. */
    public static Optional<DeliveryStatus> apply(DeliveryStatus from, Event event) {
        if (from == null) {
            return switch (event) {
                case WRITE_WITH_NOTIFY -> Optional.of(DeliveryStatus.PENDING);
                case WRITE_WITHOUT_NOTIFY -> Optional.of(DeliveryStatus.OUTBOX);
                default -> Optional.empty();
            };
        }
        return switch (event) {
            case CLAIM -> from == DeliveryStatus.PENDING || from == DeliveryStatus.SENDING
                    ? Optional.of(DeliveryStatus.SENDING) : Optional.empty();
            case ACCEPT -> from == DeliveryStatus.SENDING ? Optional.of(DeliveryStatus.SENT) : Optional.empty();
            case TRY_LATER -> from == DeliveryStatus.SENDING ? Optional.of(DeliveryStatus.PENDING) : Optional.empty();
            case GIVE_UP -> from == DeliveryStatus.SENDING ? Optional.of(DeliveryStatus.FAILED) : Optional.empty();
            case SEND_AGAIN -> from == DeliveryStatus.FAILED ? Optional.of(DeliveryStatus.PENDING) : Optional.empty();
            case WRITE_WITH_NOTIFY, WRITE_WITHOUT_NOTIFY -> Optional.empty();
        };
    }
}
