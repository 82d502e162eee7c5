package org.dphub.insights.web;

import java.util.List;
import org.dphub.web.RangeChart;
import org.dphub.web.SeriesChart;

/**
 * One figure as the insights page shows it: a heading, a plain sentence, a chart (none when there
 * is nothing to draw) — bars or lines, or a range chart — the same numbers as a table, notes on
 * what it cannot see, and its CSV.
 */
record FigureSection(String key, String heading, String sentence, SeriesChart chart, Table table, List<String> notes,
                     RangeChart rangeChart) {

    FigureSection(String key, String heading, String sentence, SeriesChart chart, Table table, List<String> notes) {
        this(key, heading, sentence, chart, table, notes, null);
    }

    /** A table: its caption, column headings (numeric ones right-aligned) and rows of text. */
    record Table(String caption, List<String> headings, List<Boolean> numeric, List<List<String>> rows) {

        /** The table as CSV, headings first; cells never read as formulas by a spreadsheet. */
        String csv() {
            StringBuilder csv = new StringBuilder();
            csv.append(String.join(",", headings.stream().map(Table::cell).toList())).append("\r\n");
            for (List<String> row : rows) {
                csv.append(String.join(",", row.stream().map(Table::cell).toList())).append("\r\n");
            }
            return csv.toString();
        }

        static String cell(String text) {
            String t = text == null ? "" : text;
            // a leading = + - @ would be read as a formula: quote it, except a plain negative number (a negative saving)
            if (!t.isEmpty() && "=+-@\t\r".indexOf(t.charAt(0)) >= 0 && !t.matches("-[0-9]+(\\.[0-9]+)?")) {
                t = "'" + t;
            }
            return t.matches("(?s).*[\",\\r\\n].*") ? "\"" + t.replace("\"", "\"\"") + "\"" : t;
        }
    }

    public String id() {
        return "figure-" + key;
    }
}
