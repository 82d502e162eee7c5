package org.dphub.insights;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The days a figure covers, both included. By default the last 12 months to today; at most
 * {@link #MOST_YEARS} years, so a figure by month has at most 61 months.
 */
public record Period(LocalDate from, LocalDate to) {

    public static final int MOST_YEARS = 5;

    public Period {
        if (from == null || to == null || to.isBefore(from) || to.isAfter(from.plusYears(MOST_YEARS))) {
            throw new IllegalArgumentException("Not a period: " + from + " to " + to);
        }
    }

    /** The 12 months up to and including {@code today}. */
    public static Period lastTwelveMonths(LocalDate today) {
        return new Period(today.minusYears(1).plusDays(1), today);
    }

    /** The months the period touches, first to last. */
    public List<YearMonth> months() {
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
            months.add(m);
        }
        return months;
    }

    /** The last day of {@code month} that is in the period. */
    public LocalDate endOf(YearMonth month) {
        LocalDate end = month.atEndOfMonth();
        return end.isAfter(to) ? to : end;
    }
}
