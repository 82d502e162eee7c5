package org.dphub.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Failures counted by one key in a table of PostgreSQL (so every instance sees the same count), within
 * a window as long as the lockout: after {@code max} failures within it, the key is locked for the
 * lockout; a failure after the window starts a new count. The wrong passwords by username and by client
 * address ({@link SignInThrottle}) and the wrong one-time codes by person ({@link OneTimeCodeThrottle})
 * are each one, on a table of the same shape: the key, {@code failures}, {@code first_failure_at} and
 * a "locked until" column.
 *
 * <p>The table and column names are the callers' constants, never input.
 */
final class FailureCount {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String table;
    private final String key;
    private final String until;
    private final int max;
    private final Duration lockout;

    FailureCount(JdbcClient jdbc, Clock clock, String table, String key, String until, int max, Duration lockout) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.table = table;
        this.key = key;
        this.until = until;
        this.max = max;
        this.lockout = lockout;
    }

    /** Whether the key is locked now. */
    boolean isLocked(Object value) {
        return jdbc.sql("SELECT %s > :now FROM %s WHERE %s = :key".formatted(until, table, key))
                .param("key", value).param("now", now())
                .query(Boolean.class).optional().orElse(false);
    }

    /**
     * One more failure for the key, in one statement; whether the key is locked now, by this failure or
     * an earlier one. A lock in force is not made longer by failures during it.
     */
    boolean recordFailure(Object value) {
        OffsetDateTime now = now();
        return jdbc.sql("""
                        INSERT INTO %1$s AS t (%2$s, failures, first_failure_at, %3$s)
                        VALUES (:key, 1, :now, CASE WHEN 1 >= :max THEN CAST(:until AS timestamptz) END)
                        ON CONFLICT (%2$s) DO UPDATE SET
                          failures = CASE WHEN t.first_failure_at < :windowStart THEN 1 ELSE t.failures + 1 END,
                          first_failure_at = CASE WHEN t.first_failure_at < :windowStart THEN :now ELSE t.first_failure_at END,
                          %3$s = CASE WHEN (CASE WHEN t.first_failure_at < :windowStart THEN 1 ELSE t.failures + 1 END) >= :max
                                           AND (t.%3$s IS NULL OR t.%3$s < :now)
                                      THEN CAST(:until AS timestamptz) ELSE t.%3$s END
                        RETURNING coalesce(t.%3$s > :now, false)""".formatted(table, key, until))
                .param("key", value).param("now", now).param("windowStart", now.minus(lockout))
                .param("max", max).param("until", now.plus(lockout))
                .query(Boolean.class).single();
    }

    /** Clears the key's count (a right password or code). */
    void clear(Object value) {
        jdbc.sql("DELETE FROM %s WHERE %s = :key".formatted(table, key)).param("key", value).update();
    }

    /** Forgets counts older than the window that lock nothing now (the hourly job). */
    int forgetOld() {
        OffsetDateTime now = now();
        return jdbc.sql("DELETE FROM %s WHERE first_failure_at < :windowStart AND (%s IS NULL OR %s < :now)".formatted(table, until, until))
                .param("windowStart", now.minus(lockout)).param("now", now)
                .update();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    }
}
