package org.dphub.help;

import java.time.DayOfWeek;
import java.time.LocalDate;

/**
 * Working days for the DP team's reply target: Monday to Friday. The project holds no list of
 * bank holidays (England and Wales), so they count as working days; a list kept as data could be
 * added here without changing the callers.
 */
public final class WorkingDays {

    private WorkingDays() {
    }

    public static boolean isWorkingDay(LocalDate day) {
        DayOfWeek d = day.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
    }

    /**
     * The working days after {@code from} up to and including {@code to}: asked on a Friday and
     * answered the next Tuesday is 2 (Monday and Tuesday); answered the same day is 0.
     */
    public static int between(LocalDate from, LocalDate to) {
        int days = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                days++;
            }
        }
        return days;
    }

    /**
     * The latest day a request could have been asked and still be past a target of {@code target}
     * working days on {@code today}: asked on it or before, more than {@code target} working days
     * have gone by without an answer.
     */
    public static LocalDate lastDayOverdue(LocalDate today, int target) {
        LocalDate d = today;
        int counted = 0;
        while (counted < target + 1) {
            if (isWorkingDay(d)) {
                counted++;
            }
            d = d.minusDays(1);
        }
        return d;
    }
}
