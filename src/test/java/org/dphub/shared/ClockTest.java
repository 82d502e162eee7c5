package org.dphub.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/** The application's "today" is the UK's, whatever time zone the server keeps. */
class ClockTest {

    @Test
    void halfPastMidnightInSummerIsTheNewDayOnAServerThatKeepsUtc() {
        TimeZone before = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
        try {
            Clock clock = new ReferenceDataConfiguration().clock();
            Instant halfPastMidnightBst = Instant.parse("2026-07-01T23:30:00Z");
            Clock then = Clock.fixed(halfPastMidnightBst, clock.getZone());
            assertThat(LocalDate.now(then)).isEqualTo(LocalDate.of(2026, 7, 2));
            // and in winter the UK keeps UTC: a minute before midnight is still that day
            assertThat(LocalDate.now(Clock.fixed(Instant.parse("2026-12-08T23:59:00Z"), clock.getZone())))
                    .isEqualTo(LocalDate.of(2026, 12, 8));
            assertThat(clock.instant()).isBetween(Instant.now().minusSeconds(5), Instant.now().plusSeconds(5));
        } finally {
            TimeZone.setDefault(before);
        }
    }
}
