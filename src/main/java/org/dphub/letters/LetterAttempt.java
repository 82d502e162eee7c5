package org.dphub.letters;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * One time the delivery job asked GOV.UK Notify about a letter, as it happened (append-only):
 * SENT (with Notify's id), FOUND_AT_NOTIFY (an interrupted attempt had reached Notify, so it was
 * not sent twice), WILL_RETRY (with when) or FAILED, with the HTTP status and what Notify said.
 */
public record LetterAttempt(long id, long letterId, int attempt, Instant attemptedAt, Outcome outcome, FailureReason failureReason,
                            Integer httpStatus, String notifyId, String detail, Instant nextAttemptAt) {

    public enum Outcome { SENT, FOUND_AT_NOTIFY, WILL_RETRY, FAILED }

    public LocalDateTime attemptedInUk() {
        return LocalDateTime.ofInstant(attemptedAt, ZoneId.of("Europe/London"));
    }

    public LocalDateTime nextAttemptInUk() {
        return nextAttemptAt == null ? null : LocalDateTime.ofInstant(nextAttemptAt, ZoneId.of("Europe/London"));
    }
}
