package org.dphub.insights;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Percentiles of a set of whole numbers given as a histogram (value → how many), so SQL can count
 * and Java need not hold every row. The method is linear interpolation between the closest ranks,
 * the same as PostgreSQL's {@code percentile_cont} and a spreadsheet's PERCENTILE.INC: the median
 * of 3, 5, 8, 20 is 6.5.
 */
public final class Percentiles {

    private final NavigableMap<Long, Long> counts;
    private final long total;

    private Percentiles(NavigableMap<Long, Long> counts) {
        this.counts = counts;
        this.total = counts.values().stream().mapToLong(Long::longValue).sum();
    }

    public static Percentiles of(Map<Long, Long> histogram) {
        NavigableMap<Long, Long> counts = new TreeMap<>();
        histogram.forEach((value, count) -> {
            if (count < 0) {
                throw new IllegalArgumentException("A count is never negative: " + count);
            }
            if (count > 0) {
                counts.merge(value, count, Long::sum);
            }
        });
        return new Percentiles(counts);
    }

    public static Percentiles ofValues(long... values) {
        Map<Long, Long> histogram = new TreeMap<>();
        for (long v : values) {
            histogram.merge(v, 1L, Long::sum);
        }
        return of(histogram);
    }

    public long count() {
        return total;
    }

    /** How many are at most {@code limit}. */
    public long atMost(long limit) {
        return counts.headMap(limit, true).values().stream().mapToLong(Long::longValue).sum();
    }

    /** The {@code fraction} (0 to 1) percentile; null when there is nothing to count. */
    public Double percentile(double fraction) {
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("A percentile is between 0 and 1: " + fraction);
        }
        if (total == 0) {
            return null;
        }
        double rank = fraction * (total - 1);
        long below = (long) Math.floor(rank);
        double part = rank - below;
        long lower = valueAt(below);
        long upper = part == 0 ? lower : valueAt(below + 1);
        return lower + part * (upper - lower);
    }

    public Double median() {
        return percentile(0.5);
    }

    /** The value at a 0-based position in the sorted values. */
    private long valueAt(long position) {
        long seen = 0;
        for (Map.Entry<Long, Long> e : counts.entrySet()) {
            seen += e.getValue();
            if (position < seen) {
                return e.getKey();
            }
        }
        return counts.lastKey();
    }
}
