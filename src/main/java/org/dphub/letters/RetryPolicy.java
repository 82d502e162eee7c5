package org.dphub.letters;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When to try a letter again after Notify did not take it: never for a refusal that cannot
 * succeed; otherwise after 1 minute, 5 minutes, 30 minutes, 2 hours and then every 6 hours, until
 * {@code maxAttempts} attempts have been made (DPHUB_NOTIFY_MAX_ATTEMPTS; 6 by default, which
 * keeps trying for about 8 and a half hours — long enough to ride out a Notify incident, short
 * enough that staff hear of a letter that did not go on the same day).
 */
public record RetryPolicy(int maxAttempts, List<Duration> waits) {

    public static final List<Duration> BACK_OFF = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(6));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("At least one attempt, not " + maxAttempts);
        }
        waits = List.copyOf(waits);
        if (waits.isEmpty()) {
            throw new IllegalArgumentException("Give at least one wait");
        }
    }

    public static RetryPolicy of(int maxAttempts) {
        return new RetryPolicy(maxAttempts, BACK_OFF);
    }

    /**
     * After attempt number {@code attemptsMade} (from 1) failed at {@code at} for {@code reason}: when
     * to try again, or empty to give up.
     */
    public Optional<Instant> nextAttempt(int attemptsMade, FailureReason reason, Instant at) {
        if (!reason.temporary() || attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        return Optional.of(at.plus(waits.get(Math.min(attemptsMade, waits.size()) - 1)));
    }
}
