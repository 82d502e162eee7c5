package org.dphub.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts failed sign-ins per username in PostgreSQL (so every app instance sees the same
 * count). After {@code maxFailures} failures within the lockout period the account is locked
 * for that period; a successful sign-in clears the count.
 */
@Component
public class SignInThrottle {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;

    SignInThrottle(JdbcClient jdbc, Clock clock,
                   @Value("${dphub.sign-in.max-failures:5}") int maxFailures,
                   @Value("${dphub.sign-in.lockout:15m}") Duration lockout) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    public boolean isLocked(String username) {
        return jdbc.sql("SELECT locked_until > :now FROM sign_in_throttle WHERE username = :username")
                .param("username", key(username)).param("now", now())
                .query(Boolean.class).optional().orElse(false);
    }

    public void recordFailure(String username) {
        OffsetDateTime now = now();
        // a failure older than the lockout period starts a new count
        jdbc.sql("""
                        INSERT INTO sign_in_throttle (username, failures, first_failure_at) VALUES (:username, 1, :now)
                        ON CONFLICT (username) DO UPDATE SET
                          failures = CASE WHEN sign_in_throttle.first_failure_at < :windowStart THEN 1
                                          ELSE sign_in_throttle.failures + 1 END,
                          first_failure_at = CASE WHEN sign_in_throttle.first_failure_at < :windowStart THEN :now
                                                  ELSE sign_in_throttle.first_failure_at END""")
                .param("username", key(username)).param("now", now).param("windowStart", now.minus(lockout))
                .update();
        jdbc.sql("""
                        UPDATE sign_in_throttle SET locked_until = :until
                        WHERE username = :username AND failures >= :max AND (locked_until IS NULL OR locked_until < :now)""")
                .param("username", key(username)).param("until", now.plus(lockout)).param("max", maxFailures)
                .param("now", now)
                .update();
    }

    public void recordSuccess(String username) {
        jdbc.sql("DELETE FROM sign_in_throttle WHERE username = :username").param("username", key(username)).update();
    }

    /** Forgets counts older than the lockout period; run by a scheduled job. */
    public int forgetOldFailures() {
        OffsetDateTime now = now();
        return jdbc.sql("""
                        DELETE FROM sign_in_throttle
                        WHERE first_failure_at < :windowStart AND (locked_until IS NULL OR locked_until < :now)""")
                .param("windowStart", now.minus(lockout)).param("now", now)
                .update();
    }

    public Duration lockout() {
        return lockout;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
