package org.dphub.insights.internal;

import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;
import org.dphub.insights.Percentiles;

/** Counts of values by month, as SQL returns them (month, value, count), turned into percentiles. */
final class Histograms {

    final Map<YearMonth, Map<Long, Long>> byMonth = new TreeMap<>();
    final Map<Long, Long> all = new TreeMap<>();

    void add(YearMonth month, long value, long count) {
        byMonth.computeIfAbsent(month, m -> new TreeMap<>()).merge(value, count, Long::sum);
        all.merge(value, count, Long::sum);
    }

    Percentiles month(YearMonth month) {
        return Percentiles.of(byMonth.getOrDefault(month, Map.of()));
    }

    Percentiles overall() {
        return Percentiles.of(all);
    }
}
