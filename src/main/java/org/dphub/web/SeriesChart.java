package org.dphub.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A bar or line chart drawn on the server as SVG: one or more series over the same categories
 * (months, districts), each series with its own pattern (bars) or marker shape (lines) as well as
 * its colour, so it reads in black and white and in print. Pages draw it with
 * {@code fragments/components/series-chart :: seriesChart(chart)} and put the same numbers in a
 * table beside it. A missing value (null) is drawn as nothing, not as zero; a value left out on
 * purpose (a small number suppressed) can be drawn as a labelled gap ({@link #withGaps}).
 */
public record SeriesChart(String id, String title, String description, Kind kind, List<String> categories,
                          List<Series> series, Gaps gaps) {

    public enum Kind { BAR, LINE }

    /**
     * One series: its name (for the legend) and a value for each category, null where there is none.
     * Whole numbers (counts, pounds) are {@link Long}s and written as they are; others (medians,
     * percentages) {@link Double}s, written to one decimal place. Only where they are drawn do they
     * become coordinates.
     */
    public record Series(String name, List<? extends Number> values) {

        public Series {
            values = java.util.Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    /** A bar as drawn, with its number to write above it ({@code text}, empty when there are too many bars to write on). */
    public record Bar(String x, String y, String width, String height, int series, String label, String text,
                      String textX, String textY) {
    }

    /** Above this many bars their numbers are not written on the chart (the table has them). */
    static final int MOST_WRITTEN = 12;

    /**
     * A line as drawn: its segments (a missing value breaks the line, so nothing is drawn across a
     * month with no number), and a marker at each point.
     */
    public record Line(int series, List<String> segments, List<Marker> markers) {
    }

    /** A marker on a line: where, and its shape's path. */
    public record Marker(String path, String label) {
    }

    /**
     * Categories whose bar is left out on purpose (a number too small to publish): each is drawn as a
     * short dashed outline on the axis with {@code mark} above it when numbers are written, and named
     * in the legend by {@code legend}. {@code labels} has an entry a category: what the gap means
     * for it ("Ceredigion: fewer than 5"), or null where there is no gap.
     */
    public record Gaps(String legend, String mark, List<String> labels) {

        public Gaps {
            labels = java.util.Collections.unmodifiableList(new ArrayList<>(labels));
        }
    }

    /** A gap as drawn. */
    public record Gap(String x, String y, String width, String height, String label, String text, String textX, String textY) {
    }

    /** How tall a gap's dashed outline is. */
    static final int GAP_HEIGHT = 12;

    /** A label on an axis, with where it goes. */
    public record Label(String x, String y, String text) {
    }

    public static final int WIDTH = 640;
    public static final int HEIGHT = 300;
    static final int LEFT = 56;
    static final int RIGHT = 12;
    static final int TOP = 14;
    static final int BOTTOM = 44;
    static final int TICKS = 4;
    /** At most this many category labels fit under the chart; the others are left out (the table has them all). */
    static final int MOST_LABELS = 8;

    public SeriesChart(String id, String title, String description, Kind kind, List<String> categories, List<Series> series) {
        this(id, title, description, kind, categories, series, null);
    }

    public SeriesChart {
        categories = List.copyOf(categories);
        series = List.copyOf(series);
        if (gaps != null && gaps.labels().size() != categories.size()) {
            throw new IllegalArgumentException("Gaps has " + gaps.labels().size() + " labels for " + categories.size() + " categories");
        }
        for (Series s : series) {
            if (s.values().size() != categories.size()) {
                throw new IllegalArgumentException("Series " + s.name() + " has " + s.values().size() + " values for "
                        + categories.size() + " categories");
            }
        }
    }

    public static SeriesChart bars(String id, String title, String description, List<String> categories, List<Series> series) {
        return new SeriesChart(id, title, description, Kind.BAR, categories, series);
    }

    public static SeriesChart lines(String id, String title, String description, List<String> categories, List<Series> series) {
        return new SeriesChart(id, title, description, Kind.LINE, categories, series);
    }

    /** The same chart with gaps drawn where {@code gaps} has a label. */
    public SeriesChart withGaps(Gaps gaps) {
        return new SeriesChart(id, title, description, kind, categories, series, gaps);
    }

    public boolean hasGaps() {
        return gaps != null && gaps.labels().stream().anyMatch(l -> l != null);
    }

    /** The gaps as drawn: a dashed outline the width of a category's bars, on the axis. */
    public List<Gap> gapsDrawn() {
        List<Gap> drawn = new ArrayList<>();
        if (gaps == null) {
            return drawn;
        }
        boolean written = series.stream().flatMap(x -> x.values().stream()).filter(v -> v != null).count()
                + gaps.labels().stream().filter(l -> l != null).count() <= MOST_WRITTEN;
        double width = slot() * 0.8;
        for (int c = 0; c < categories.size(); c++) {
            String label = gaps.labels().get(c);
            if (label == null) {
                continue;
            }
            double start = LEFT + slot() * c + slot() * 0.1;
            double top = TOP + plotHeight() - GAP_HEIGHT;
            drawn.add(new Gap(num(start), num(top), num(width), num(GAP_HEIGHT), label, written ? gaps.mark() : "",
                    num(start + width / 2), num(top - 4)));
        }
        return drawn;
    }

    public String viewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public boolean isBar() {
        return kind == Kind.BAR;
    }

    /** The pattern's id for series {@code n}, unique on the page. */
    public String patternId(int n) {
        return id + "-pattern-" + n;
    }

    public String fill(int n) {
        return "url(#" + patternId(n) + ")";
    }

    /** The top of the value axis: a round number at or above the largest value. */
    public double top() {
        double most = series.stream().flatMap(s -> s.values().stream()).filter(v -> v != null)
                .mapToDouble(Number::doubleValue).max().orElse(0);
        return step(most) * TICKS;
    }

    /** The gap between ticks: 1, 2 or 5 times a power of ten, so that four steps cover {@code most}. */
    static double step(double most) {
        if (most <= 0) {
            return 1;
        }
        double raw = most / TICKS;
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * power >= raw - 1e-9) {
                return m * power;
            }
        }
        return 10 * power;
    }

    double plotWidth() {
        return WIDTH - LEFT - RIGHT;
    }

    double plotHeight() {
        return HEIGHT - TOP - BOTTOM;
    }

    double y(double value) {
        return TOP + plotHeight() - (value / top()) * plotHeight();
    }

    double slot() {
        return categories.isEmpty() ? plotWidth() : plotWidth() / categories.size();
    }

    double centre(int category) {
        return LEFT + slot() * (category + 0.5);
    }

    public String axisLeft() {
        return num(LEFT);
    }

    public String axisRight() {
        return num(WIDTH - RIGHT);
    }

    public String axisBottom() {
        return num(TOP + plotHeight());
    }

    public String axisTop() {
        return num(TOP);
    }

    public List<Bar> bars() {
        List<Bar> bars = new ArrayList<>();
        if (kind != Kind.BAR || series.isEmpty()) {
            return bars;
        }
        double groupWidth = slot() * 0.8;
        double barWidth = groupWidth / series.size();
        long drawn = series.stream().flatMap(x -> x.values().stream()).filter(v -> v != null).count();
        boolean written = drawn <= MOST_WRITTEN;
        for (int c = 0; c < categories.size(); c++) {
            double start = LEFT + slot() * c + slot() * 0.1;
            for (int s = 0; s < series.size(); s++) {
                Number v = series.get(s).values().get(c);
                if (v == null) {
                    continue;
                }
                double top = y(v.doubleValue());
                bars.add(new Bar(num(start + barWidth * s), num(top), num(barWidth), num(TOP + plotHeight() - top), s,
                        categories.get(c) + ", " + series.get(s).name() + ": " + value(v), written ? value(v) : "",
                        num(start + barWidth * s + barWidth / 2), num(top - 4)));
            }
        }
        return bars;
    }

    public List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        if (kind != Kind.LINE) {
            return lines;
        }
        for (int s = 0; s < series.size(); s++) {
            List<String> segments = new ArrayList<>();
            StringBuilder points = new StringBuilder();
            List<Marker> markers = new ArrayList<>();
            for (int c = 0; c < categories.size(); c++) {
                Number v = series.get(s).values().get(c);
                if (v == null) {
                    if (!points.isEmpty()) {
                        segments.add(points.toString());
                        points.setLength(0);
                    }
                    continue;
                }
                double x = centre(c);
                double y = y(v.doubleValue());
                points.append(points.isEmpty() ? "" : " ").append(num(x)).append(',').append(num(y));
                markers.add(new Marker(marker(s, x, y), categories.get(c) + ", " + series.get(s).name() + ": " + value(v)));
            }
            if (!points.isEmpty()) {
                segments.add(points.toString());
            }
            lines.add(new Line(s, segments, markers));
        }
        return lines;
    }

    /** A circle, a square or a triangle, so lines differ by shape as well as colour. */
    static String marker(int series, double x, double y) {
        return switch (series % 3) {
            case 0 -> "M" + num(x - 5) + " " + num(y) + "a5 5 0 1 0 10 0a5 5 0 1 0 -10 0Z";
            case 1 -> "M" + num(x - 4.5) + " " + num(y - 4.5) + "h9v9h-9Z";
            default -> "M" + num(x) + " " + num(y - 6) + "l6 10.5h-12Z";
        };
    }

    /** Marker shape for the legend, drawn in a 20 by 20 box. */
    public String legendMarker(int series) {
        return marker(series, 10, 10);
    }

    public List<Label> valueLabels() {
        List<Label> labels = new ArrayList<>();
        double step = top() / TICKS;
        for (int i = 0; i <= TICKS; i++) {
            double v = step * i;
            labels.add(new Label(num(LEFT - 6), num(y(v) + 4), value(v)));
        }
        return labels;
    }

    /** Category labels: all of them when they fit, else every second (third, …) one; the table has them all. */
    public List<Label> categoryLabels() {
        List<Label> labels = new ArrayList<>();
        int every = Math.max(1, (int) Math.ceil(categories.size() / (double) MOST_LABELS));
        for (int c = 0; c < categories.size(); c++) {
            if (c % every == 0) {
                labels.add(new Label(num(centre(c)), num(TOP + plotHeight() + 18), categories.get(c)));
            }
        }
        return labels;
    }

    public List<String> gridLines() {
        List<String> ys = new ArrayList<>();
        double step = top() / TICKS;
        for (int i = 1; i <= TICKS; i++) {
            ys.add(num(y(step * i)));
        }
        return ys;
    }

    /** A value as written: a whole number ({@link Long}, {@link Integer}) as it is, else as {@link #value(double)}. */
    static String value(Number v) {
        return v instanceof Long || v instanceof Integer ? v.toString() : value(v.doubleValue());
    }

    static String value(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String num(double n) {
        return String.format(Locale.ROOT, "%.1f", n);
    }
}
