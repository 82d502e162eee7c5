package org.dphub.letters;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * How a letter's delivery stands: its status, the attempts made in this round (counted from 1
 * again after "Send again"), when the next one is due, when Notify accepted it and its id there,
 * or why it was not sent ({@code failure} is what Notify said, in its words).
 */
public record LetterDelivery(DeliveryStatus status, int attempts, Instant nextAttemptAt, Instant sentAt, String notifyId,
                             FailureReason failureReason, String failure) {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    /** Waiting after a failed attempt (rather than for its first). */
    public boolean retrying() {
        return status == DeliveryStatus.PENDING && attempts > 0;
    }

    public LocalDateTime sentInUk() {
        return sentAt == null ? null : LocalDateTime.ofInstant(sentAt, UK);
    }

    public LocalDateTime nextAttemptInUk() {
        return nextAttemptAt == null ? null : LocalDateTime.ofInstant(nextAttemptAt, UK);
    }
}
