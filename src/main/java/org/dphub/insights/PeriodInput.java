package org.dphub.insights;

import java.time.LocalDate;
import org.dphub.web.FormErrors;

/**
 * Reads a period as asked for on a page or in the API, the same way for both: no dates is the last
 * 12 months to today; {@code to} before {@code from}, or more than {@link Period#MOST_YEARS} years,
 * is refused on the {@code to} field.
 */
public final class PeriodInput {

    private PeriodInput() {
    }

    /** The period, or null with the problems in {@code errors}. Either date missing takes its default. */
    public static Period read(LocalDate from, LocalDate to, LocalDate today, FormErrors errors) {
        if (!errors.isEmpty()) {
            return null;
        }
        Period standard = Period.lastTwelveMonths(today);
        LocalDate end = to == null ? (from == null ? standard.to() : maxOf(today, from)) : to;
        LocalDate start = from == null ? end.minusYears(1).plusDays(1) : from;
        if (end.isBefore(start)) {
            errors.reject("to", "insights.error.to.before-from");
            return null;
        }
        if (end.isAfter(start.plusYears(Period.MOST_YEARS))) {
            errors.reject("to", "insights.error.to.too-long", Period.MOST_YEARS);
            return null;
        }
        return new Period(start, end);
    }

    private static LocalDate maxOf(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
