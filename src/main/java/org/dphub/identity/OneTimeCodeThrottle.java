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
 * Wrong one-time codes (and recovery codes) in a row per person, counted in PostgreSQL as
 * {@link SignInThrottle} counts wrong passwords and with the same limits: after
 * {@code dphub.sign-in.max-failures} within the lockout period no code is checked for that period;
 * a right code clears the count.
 */
@Component
class OneTimeCodeThrottle {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;

    OneTimeCodeThrottle(JdbcClient jdbc, Clock clock,
                        @Value("${dphub.sign-in.max-failures:5}") int maxFailures,
                        @Value("${dphub.sign-in.lockout:15m}") Duration lockout) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    boolean isLocked(long userId) {
        return jdbc.sql("SELECT locked_until > :now FROM one_time_code_throttle WHERE user_id = :user")
                .param("user", userId).param("now", now())
                .query(Boolean.class).optional().orElse(false);
    }

    void recordFailure(long userId) {
        OffsetDateTime now = now();
        jdbc.sql("""
                        INSERT INTO one_time_code_throttle (user_id, failures, first_failure_at) VALUES (:user, 1, :now)
                        ON CONFLICT (user_id) DO UPDATE SET
                          failures = CASE WHEN one_time_code_throttle.first_failure_at < :windowStart THEN 1
                                          ELSE one_time_code_throttle.failures + 1 END,
                          first_failure_at = CASE WHEN one_time_code_throttle.first_failure_at < :windowStart THEN :now
                                                  ELSE one_time_code_throttle.first_failure_at END""")
                .param("user", userId).param("now", now).param("windowStart", now.minus(lockout))
                .update();
        jdbc.sql("""
                        UPDATE one_time_code_throttle SET locked_until = :until
                        WHERE user_id = :user AND failures >= :max AND (locked_until IS NULL OR locked_until < :now)""")
                .param("user", userId).param("until", now.plus(lockout)).param("max", maxFailures).param("now", now)
                .update();
    }

    void recordSuccess(long userId) {
        jdbc.sql("DELETE FROM one_time_code_throttle WHERE user_id = :user").param("user", userId).update();
    }

    int forgetOldFailures() {
        OffsetDateTime now = now();
        return jdbc.sql("""
                        DELETE FROM one_time_code_throttle
                        WHERE first_failure_at < :windowStart AND (locked_until IS NULL OR locked_until < :now)""")
                .param("windowStart", now.minus(lockout)).param("now", now)
                .update();
    }

    Duration lockout() {
        return lockout;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    }
}
