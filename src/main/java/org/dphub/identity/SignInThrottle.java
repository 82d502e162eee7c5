package org.dphub.identity;

import java.time.Clock;
import java.time.Duration;
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

    private final FailureCount byUsername;
    private final FailureCount byAddress;
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
        this.byUsername = new FailureCount(jdbc, clock, "sign_in_throttle", "username", "locked_until", maxFailures, lockout);
        this.byAddress = new FailureCount(jdbc, clock, "sign_in_address_throttle", "client_address", "blocked_until",
                maxFailuresPerAddress, lockout);
        this.lockout = lockout;
        this.maxFailuresPerAddress = maxFailuresPerAddress;
    }

    public boolean isLocked(String username) {
        return byUsername.isLocked(key(username));
    }

    /** One more failed sign-in for the username; whether the account is locked now. */
    public boolean recordFailure(String username) {
        return byUsername.recordFailure(key(username));
    }

    /** Whether the client address has made too many failed sign-ins within the lockout period; never for an unknown address. */
    public boolean isBlocked(String clientAddress) {
        return clientAddress != null && !clientAddress.isBlank() && byAddress.isLocked(clientAddress);
    }

    /** One more failed sign-in from the client address (none counted for an unknown one); whether it is blocked now. */
    public boolean recordFailureFrom(String clientAddress) {
        return clientAddress != null && !clientAddress.isBlank() && byAddress.recordFailure(clientAddress);
    }

    public int maxFailuresPerAddress() {
        return maxFailuresPerAddress;
    }

    public void recordSuccess(String username) {
        byUsername.clear(key(username));
    }

    /** Forgets counts older than the lockout period; run by a scheduled job. */
    public int forgetOldFailures() {
        byAddress.forgetOld();
        return byUsername.forgetOld();
    }

    public Duration lockout() {
        return lockout;
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
