package org.dphub.identity;

import java.time.Clock;
import java.time.Duration;
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

    private final FailureCount byPerson;
    private final Duration lockout;

    OneTimeCodeThrottle(JdbcClient jdbc, Clock clock,
                        @Value("${dphub.sign-in.max-failures:5}") int maxFailures,
                        @Value("${dphub.sign-in.lockout:15m}") Duration lockout) {
        this.byPerson = new FailureCount(jdbc, clock, "one_time_code_throttle", "user_id", "locked_until", maxFailures, lockout);
        this.lockout = lockout;
    }

    boolean isLocked(long userId) {
        return byPerson.isLocked(userId);
    }

    /** One more wrong code for the person; whether they are locked out now. */
    boolean recordFailure(long userId) {
        return byPerson.recordFailure(userId);
    }

    void recordSuccess(long userId) {
        byPerson.clear(userId);
    }

    int forgetOldFailures() {
        return byPerson.forgetOld();
    }

    Duration lockout() {
        return lockout;
    }
}
