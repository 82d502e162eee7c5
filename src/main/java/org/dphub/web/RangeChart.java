package org.dphub.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A horizontal range chart drawn on the server as SVG: one row a group (a postcode district), a
 * hatched bar from its low value to its high value (10th to 90th percentile) with a diamond at its
 * middle value (the median), and reference lines across every row (the National Living Wage, the
 * council's rate), each with its own dash pattern and name as well as colour. A row with no values
 * (suppressed: fewer than 5) shows its note instead of a bar. Amounts are pounds. Pages draw it with
 * {@code fragments/components/range-chart :: rangeChart(chart)} and put the same numbers in a table.
 */
public record RangeChart(String id, String title, String description, String rangeName, String middleName,
                         List<Row> rows, List<Reference> references) {

    /**
     * A row: its label, low, middle and high values (all null for a row shown only by its note), and
     * the words a screen reader or a pointer's tooltip gives for it, in the page's language.
     */
    public record Row(String label, Double low, Double middle, Double high, String note, String text) {
    }

    /** A line across every row at a value, with its name. */
    public record Reference(String name, double value) {
    }

    /** A row as drawn. {@code rangeWidth} is empty when the row has no values (then {@code note} is written). */
    public record DrawnRow(String labelY, String label, String rangeX, String rangeY, String rangeWidth, String rangeHeight,
                           String medianPath, String text, String noteX, String note) {
    }

    /** A reference line as drawn, with its name written at the top and its dash pattern. */
    public record DrawnReference(int index, String x, String y1, String y2, String labelY, String name, String dash,
                                 String colour) {
    }

    /** A value on the axis. */
    public record Tick(String x, String text) {
    }

    public static final int WIDTH = 640;
    static final int LEFT = 132;
    static final int RIGHT = 24;
    static final int ROW = 30;
    static final int BAR = 14;
    static final int BOTTOM = 30;

    public RangeChart {
        rows = List.copyOf(rows);
        references = List.copyOf(references);
    }

    /** Above the rows: a line of text a reference, so their names never overlap. */
    int top() {
        return 10 + 16 * references.size();
    }

    public int height() {
        return top() + Math.max(1, rows.size()) * ROW + BOTTOM;
    }

    public String viewBox() {
        return "0 0 " + WIDTH + " " + height();
    }

    /** The axis: whole pounds, from below the lowest value to above the highest. */
    double low() {
        double least = values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        return Math.max(0, Math.floor(least - 0.5));
    }

    double high() {
        double most = values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        double top = Math.ceil(most + 0.5);
        return top <= low() ? low() + 1 : top;
    }

    private List<Double> values() {
        List<Double> values = new ArrayList<>();
        for (Row r : rows) {
            for (Double v : new Double[] {r.low(), r.middle(), r.high()}) {
                if (v != null) {
                    values.add(v);
                }
            }
        }
        references.forEach(r -> values.add(r.value()));
        return values;
    }

    double x(double value) {
        return LEFT + (value - low()) / (high() - low()) * (WIDTH - LEFT - RIGHT);
    }

    public String axisLeft() {
        return num(LEFT);
    }

    public String axisRight() {
        return num(WIDTH - RIGHT);
    }

    public String axisBottom() {
        return num(top() + Math.max(1, rows.size()) * ROW);
    }

    public String axisTop() {
        return num(top());
    }

    public List<DrawnRow> drawnRows() {
        List<DrawnRow> drawn = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            double centre = top() + ROW * i + ROW / 2.0;
            if (r.low() == null || r.high() == null) {
                drawn.add(new DrawnRow(num(centre + 4), r.label(), "", "", "", "", "", r.text(), num(LEFT + 6), r.note()));
                continue;
            }
            double from = x(r.low());
            double to = x(r.high());
            String median = "";
            if (r.middle() != null) {
                double m = x(r.middle());
                median = "M" + num(m) + " " + num(centre - 9) + "l7 9l-7 9l-7 -9Z";
            }
            drawn.add(new DrawnRow(num(centre + 4), r.label(), num(from), num(centre - BAR / 2.0), num(Math.max(1, to - from)),
                    num(BAR), median, r.text(), "", ""));
        }
        return drawn;
    }

    public List<DrawnReference> drawnReferences() {
        List<DrawnReference> drawn = new ArrayList<>();
        for (int i = 0; i < references.size(); i++) {
            Reference r = references.get(i);
            drawn.add(new DrawnReference(i, num(x(r.value())), num(top() - 4), axisBottom(), num(22 + 16 * i),
                    r.name() + " " + pounds(r.value()), i % 2 == 0 ? "6 3" : "2 3", i % 2 == 0 ? "#d4351c" : "#1d70b8"));
        }
        return drawn;
    }

    /** Where each reference's name is written: left-aligned at the line, or right-aligned if it would run off. */
    public String referenceAnchor(DrawnReference r) {
        return Double.parseDouble(r.x()) > WIDTH * 0.6 ? "end" : "start";
    }

    public List<Tick> ticks() {
        List<Tick> ticks = new ArrayList<>();
        double span = high() - low();
        double step = span <= 6 ? 1 : span <= 12 ? 2 : span <= 30 ? 5 : 10;
        for (double v = Math.ceil(low() / step) * step; v <= high() + 1e-9; v += step) {
            ticks.add(new Tick(num(x(v)), pounds(v)));
        }
        return ticks;
    }

    /** Marker shape for the legend's median, in a 20 by 20 box. */
    public String legendMedian() {
        return "M10 1l7 9l-7 9l-7 -9Z";
    }

    public String patternId() {
        return id + "-pattern";
    }

    static String pounds(double value) {
        return String.format(Locale.ROOT, value == Math.rint(value) ? "£%.0f" : "£%.2f", value);
    }

    static String num(double n) {
        return String.format(Locale.ROOT, "%.1f", n);
    }
}
