package org.dphub.insights;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

/**
 * One column of the national view: its key (the JSON field and the CSV's column), the message key of
 * its heading, what kind of number it is, how to read it from a council's {@link InsightsReport}
 * (worked out by the same figure classes as the council's own page), and — for a figure worked out
 * from counts — the keys of the count columns it comes from, which decide its suppression
 * ({@link SmallNumbers#figure}). A column may apply to some councils only (ASCOF: England).
 *
 * <p>Adding a figure to the national view is one line in {@link NationalColumns#ALL} and its heading
 * in both message bundles.
 */
public record NationalColumn(String key, String heading, Kind kind, Function<InsightsReport, ? extends Number> value,
                             List<String> basedOn, Predicate<InsightsReport> appliesTo) {

    /** A count is suppressed by its own size and totalled; the others by the counts they are based on. */
    public enum Kind { COUNT, PERCENT, DAYS, HOURS, PENCE }

    public NationalColumn {
        basedOn = List.copyOf(basedOn);
        if ((kind == Kind.COUNT) != basedOn.isEmpty()) {
            throw new IllegalArgumentException(key + ": a count is based on itself; any other figure names the counts it comes from");
        }
    }

    /** A count of people or events. */
    public static NationalColumn count(String key, String heading, ToLongFunction<InsightsReport> value) {
        return new NationalColumn(key, heading, Kind.COUNT, r -> value.applyAsLong(r), List.of(), r -> true);
    }

    /** A figure worked out from the count columns {@code basedOn} (a percentage, a median, a sum of money). */
    public static NationalColumn figure(String key, String heading, Kind kind, Function<InsightsReport, BigDecimal> value,
                                        String... basedOn) {
        return new NationalColumn(key, heading, kind, value, List.of(basedOn), r -> true);
    }

    /** The same column, for the councils {@code where} holds of only; the others show "does not apply". */
    public NationalColumn onlyWhere(Predicate<InsightsReport> where) {
        return new NationalColumn(key, heading, kind, value, basedOn, where);
    }

    public boolean isCount() {
        return kind == Kind.COUNT;
    }
}
