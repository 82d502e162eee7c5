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
 * for that period; a successful sign-in clears the count. Failures are also counted per client
 * address (issue 17, ASVS 2.2.1): after {@code DPHUB_SIGN_IN_MAX_FAILURES_PER_ADDRESS} within the
 * lockout period, whatever the usernames, that address may not try for the period. A success does
 * not clear that count, or a robot would clear it with one account it knows.
 */
@Component
public class SignInThrottle {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;
    private final int maxFailuresPerAddress;

    SignInThrottle(JdbcClient jdbc, Clock clock,
                   @Value("${dphub.sign-in.max-failures:5}") int maxFailures,
                   @Value("${dphub.sign-in.lockout:15m}") Duration lockout,
                   @Value("${dphub.sign-in.max-failures-per-address:50}") int maxFailuresPerAddress) {
        if (maxFailuresPerAddress < maxFailures) {
            throw new IllegalArgumentException("DPHUB_SIGN_IN_MAX_FAILURES_PER_ADDRESS is " + maxFailuresPerAddress
                    + ": set it to at least DPHUB_SIGN_IN_MAX_FAILURES (" + maxFailures + "), for example 50, how many failed sign-ins "
                    + "one client address may make in the lockout period, whatever the usernames");
        }
        this.maxFailuresPerAddress = maxFailuresPerAddress;
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

    /** Whether the client address has made too many failed sign-ins within the lockout period; never for an unknown address. */
    public boolean isBlocked(String clientAddress) {
        if (clientAddress == null || clientAddress.isBlank()) {
            return false;
        }
        return jdbc.sql("SELECT blocked_until > :now FROM sign_in_address_throttle WHERE client_address = :address")
                .param("address", clientAddress).param("now", now())
                .query(Boolean.class).optional().orElse(false);
    }

    /** One more failed sign-in from the client address; blocks it for the lockout period at the limit. */
    public void recordFailureFrom(String clientAddress) {
        if (clientAddress == null || clientAddress.isBlank()) {
            return;
        }
        OffsetDateTime now = now();
        jdbc.sql("""
                        INSERT INTO sign_in_address_throttle (client_address, failures, first_failure_at, blocked_until)
                        VALUES (:address, 1, :now, CASE WHEN 1 >= :max THEN :until END)
                        ON CONFLICT (client_address) DO UPDATE SET
                          failures = CASE WHEN sign_in_address_throttle.first_failure_at < :windowStart THEN 1
                                          ELSE sign_in_address_throttle.failures + 1 END,
                          first_failure_at = CASE WHEN sign_in_address_throttle.first_failure_at < :windowStart THEN :now
                                                  ELSE sign_in_address_throttle.first_failure_at END,
                          blocked_until = CASE WHEN sign_in_address_throttle.first_failure_at >= :windowStart
                                                    AND sign_in_address_throttle.failures + 1 >= :max
                                                    AND (sign_in_address_throttle.blocked_until IS NULL OR sign_in_address_throttle.blocked_until < :now)
                                               THEN :until ELSE sign_in_address_throttle.blocked_until END""")
                .param("address", clientAddress).param("now", now).param("windowStart", now.minus(lockout))
                .param("max", maxFailuresPerAddress).param("until", now.plus(lockout))
                .update();
    }

    public int maxFailuresPerAddress() {
        return maxFailuresPerAddress;
    }

    public void recordSuccess(String username) {
        jdbc.sql("DELETE FROM sign_in_throttle WHERE username = :username").param("username", key(username)).update();
    }

    /** Forgets counts older than the lockout period; run by a scheduled job. */
    public int forgetOldFailures() {
        OffsetDateTime now = now();
        jdbc.sql("""
                        DELETE FROM sign_in_address_throttle
                        WHERE first_failure_at < :windowStart AND (blocked_until IS NULL OR blocked_until < :now)""")
                .param("windowStart", now.minus(lockout)).param("now", now)
                .update();
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
