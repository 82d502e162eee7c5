package org.dphub.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The count behind every lockout (wrong passwords by username and by address, wrong one-time codes),
 * on PostgreSQL, minute by minute: the limit locks, a failure while locked does not make the lock
 * longer, a failure after the window starts a new count, a right answer clears it, and the hourly job
 * forgets only what locks nothing.
 */
@IntegrationTest
class FailureCountIT {

    static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

    @Autowired
    JdbcClient jdbc;

    final String username = "failure-count-" + UUID.randomUUID();

    @AfterEach
    void forget() {
        jdbc.sql("DELETE FROM sign_in_throttle WHERE username = :u").param("u", username).update();
    }

    /** The count on the username table as it stands {@code minutes} after the start. */
    FailureCount at(int minutes, int max) {
        Clock clock = Clock.fixed(START.plus(Duration.ofMinutes(minutes)), ZoneOffset.UTC);
        return new FailureCount(jdbc, clock, "sign_in_throttle", "username", "locked_until", max, Duration.ofMinutes(15));
    }

    Instant lockedUntil() {
        return jdbc.sql("SELECT locked_until FROM sign_in_throttle WHERE username = :u").param("u", username)
                .query(java.time.OffsetDateTime.class).optional().map(java.time.OffsetDateTime::toInstant).orElse(null);
    }

    @Test
    void theLimitLocksForTheLockoutAndALaterFailureStartsAgain() {
        assertThat(at(0, 3).recordFailure(username)).isFalse();
        assertThat(at(1, 3).recordFailure(username)).isFalse();
        assertThat(at(1, 3).isLocked(username)).isFalse();
        assertThat(at(2, 3).recordFailure(username)).as("the third within 15 minutes").isTrue();
        assertThat(at(2, 3).isLocked(username)).isTrue();
        assertThat(lockedUntil()).isEqualTo(START.plus(Duration.ofMinutes(17)));

        // a failure while locked counts, answers "locked", and does not make the lock longer
        assertThat(at(10, 3).recordFailure(username)).isTrue();
        assertThat(lockedUntil()).isEqualTo(START.plus(Duration.ofMinutes(17)));
        assertThat(at(16, 3).isLocked(username)).isTrue();
        assertThat(at(17, 3).isLocked(username)).as("the lock has passed").isFalse();

        // the first failure was more than 15 minutes ago: a new count, from one
        assertThat(at(20, 3).recordFailure(username)).isFalse();
        assertThat(jdbc.sql("SELECT failures FROM sign_in_throttle WHERE username = :u").param("u", username).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(at(21, 3).recordFailure(username)).isFalse();
        assertThat(at(22, 3).recordFailure(username)).as("locked again at the limit").isTrue();
        assertThat(lockedUntil()).isEqualTo(START.plus(Duration.ofMinutes(37)));

        // the hourly job keeps a count that still locks, and forgets it once it locks nothing
        at(30, 3).forgetOld();
        assertThat(at(30, 3).isLocked(username)).isTrue();
        at(40, 3).forgetOld();
        assertThat(lockedUntil()).isNull();
        assertThat(jdbc.sql("SELECT count(*) FROM sign_in_throttle WHERE username = :u").param("u", username).query(Long.class).single())
                .isZero();
    }

    @Test
    void aLimitOfOneLocksAtTheFirstFailureEvenInANewWindowAndARightAnswerClears() {
        assertThat(at(0, 1).recordFailure(username)).isTrue();
        assertThat(at(20, 1).recordFailure(username)).as("a new window's first failure").isTrue();
        assertThat(lockedUntil()).isEqualTo(START.plus(Duration.ofMinutes(35)));
        at(21, 1).clear(username);
        assertThat(at(21, 1).isLocked(username)).isFalse();
        assertThat(at(21, 3).recordFailure(username)).isFalse();
    }
}
