package org.dphub.support;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * Days counted from the UK day this test JVM started, for payment runs that tests of one council
 * make weeks ahead. A council has one run a date, so each such test takes days of its own (44, 45,
 * 46...). Counted from today they would move on at midnight: a test run after it could ask for the
 * date another test's run took before it, get that run back, and find its own payments missing.
 * Counted from the suite's first day, they stay apart however late the suite runs.
 */
public final class SuiteDays {

    private static final LocalDate FIRST = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime())
            .atZone(ZoneId.of("Europe/London")).toLocalDate();

    private SuiteDays() {
    }

    /** The day this many days after the one the suite started on. */
    public static LocalDate after(int days) {
        return FIRST.plusDays(days);
    }
}
