package org.dphub.feedback.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.dphub.feedback.Results;
import org.dphub.feedback.RoleKind;
import org.dphub.feedback.Stage;
import org.dphub.web.SeriesChart;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A round's results as the results page and its CSVs show them, in the reader's language: each a
 * table (the CSV is the same table), and the charts drawn from the same numbers.
 */
@Component
class ResultTables {

    /** A table: caption, headings (numeric ones right-aligned by index), rows of text. */
    record Table(String caption, List<String> heads, List<Integer> numeric, List<List<String>> rows) {

        /** Headings first; cells never read as formulas by a spreadsheet. */
        String csv() {
            StringBuilder csv = new StringBuilder();
            csv.append(String.join(",", heads.stream().map(Table::cell).toList())).append("\r\n");
            for (List<String> row : rows) {
                csv.append(String.join(",", row.stream().map(Table::cell).toList())).append("\r\n");
            }
            return csv.toString();
        }

        static String cell(String text) {
            String t = text == null ? "" : text;
            if (!t.isEmpty() && "=+-@\t\r".indexOf(t.charAt(0)) >= 0) {
                t = "'" + t;
            }
            return t.matches("(?s).*[\",\\r\\n].*") ? "\"" + t.replace("\"", "\"\"") + "\"" : t;
        }
    }

    private final MessageSource messages;

    ResultTables(MessageSource messages) {
        this.messages = messages;
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    String stage(Stage stage, Locale locale) {
        return msg(locale, "feedback.stage." + stage.key());
    }

    String number(BigDecimal average, Locale locale) {
        return average == null ? msg(locale, "feedback.results.none") : average.toPlainString();
    }

    Table stages(Results r, Locale locale) {
        List<List<String>> rows = r.stages().stream().map(s -> List.of(stage(s.stage(), locale), Long.toString(s.answers()),
                Long.toString(s.rated()), number(s.averageRating(), locale))).toList();
        return new Table(msg(locale, "feedback.results.stages.caption"), List.of(msg(locale, "feedback.results.col.stage"),
                msg(locale, "feedback.results.col.answers"), msg(locale, "feedback.results.col.rated"),
                msg(locale, "feedback.results.col.average")), List.of(1, 2, 3), rows);
    }

    Table roles(Results r, Locale locale) {
        List<List<String>> rows = new ArrayList<>();
        for (RoleKind kind : RoleKind.values()) {
            rows.add(List.of(msg(locale, "feedback.kind." + kind.key()), Long.toString(r.byRole().getOrDefault(kind, 0L))));
        }
        rows.add(List.of(msg(locale, "feedback.results.anonymous-row"), Long.toString(r.anonymous())));
        rows.add(List.of(msg(locale, "feedback.results.total"), Long.toString(r.answers())));
        return new Table(msg(locale, "feedback.results.roles.caption"), List.of(msg(locale, "feedback.results.col.who"),
                msg(locale, "feedback.results.col.answers")), List.of(1), rows);
    }

    Table quarters(Results r, Locale locale) {
        List<List<String>> rows = r.trend().stream().map(q -> List.of(quarter(q.quarter(), locale), stage(q.stage(), locale),
                Long.toString(q.rated()), number(q.averageRating(), locale))).toList();
        return new Table(msg(locale, "feedback.results.quarters.caption"), List.of(msg(locale, "feedback.results.col.quarter"),
                msg(locale, "feedback.results.col.stage"), msg(locale, "feedback.results.col.rated"),
                msg(locale, "feedback.results.col.average")), List.of(2, 3), rows);
    }

    Table comments(Results r, Locale locale) {
        List<List<String>> rows = r.comments().stream().map(c -> List.of(stage(c.stage(), locale),
                msg(locale, c.working() ? "feedback.results.working" : "feedback.results.not-working"), c.text(),
                msg(locale, "feedback.kind." + c.roleKind().key()), quarter(c.quarter(), locale))).toList();
        return new Table(msg(locale, "feedback.results.comments.caption"), List.of(msg(locale, "feedback.results.col.stage"),
                msg(locale, "feedback.results.col.about"), msg(locale, "feedback.results.col.comment"),
                msg(locale, "feedback.results.col.who"), msg(locale, "feedback.results.col.quarter")), List.of(), rows);
    }

    /** "2026-Q4" → "October to December 2026" ("Hydref i Rhagfyr 2026"). */
    String quarter(String quarter, Locale locale) {
        int year = Integer.parseInt(quarter.substring(0, 4));
        int q = Integer.parseInt(quarter.substring(6));
        return msg(locale, "feedback.quarter." + q, Integer.toString(year));
    }

    SeriesChart stageChart(Results r, Locale locale) {
        return SeriesChart.bars("stages-chart", msg(locale, "feedback.results.stages.chart.title"),
                msg(locale, "feedback.results.stages.chart.desc"),
                r.stages().stream().map(s -> msg(locale, "feedback.stage.short." + s.stage().key())).toList(),
                List.of(new SeriesChart.Series(msg(locale, "feedback.results.col.average"),
                        r.stages().stream().map(s -> s.averageRating() == null ? null : s.averageRating().doubleValue()).toList())));
    }

    /** Each stage's average in the three latest quarters with ratings (three patterns a chart can tell apart); null with none. */
    SeriesChart trendChart(Results r, Locale locale) {
        TreeSet<String> quarters = new TreeSet<>();
        r.trend().forEach(q -> quarters.add(q.quarter()));
        if (quarters.isEmpty()) {
            return null;
        }
        List<String> latest = new ArrayList<>(quarters.descendingSet()).subList(0, Math.min(3, quarters.size()));
        java.util.Collections.reverse(latest);
        Map<String, BigDecimal> averages = new TreeMap<>();
        r.trend().forEach(q -> averages.put(q.quarter() + " " + q.stage(), q.averageRating()));
        List<SeriesChart.Series> series = latest.stream().map(q -> new SeriesChart.Series(quarter(q, locale),
                java.util.Arrays.stream(Stage.values()).map(s -> {
                    BigDecimal a = averages.get(q + " " + s);
                    return a == null ? null : a.doubleValue();
                }).toList())).toList();
        return SeriesChart.bars("trend-chart", msg(locale, "feedback.results.trend.chart.title"),
                msg(locale, "feedback.results.trend.chart.desc", latest.size()),
                java.util.Arrays.stream(Stage.values()).map(s -> msg(locale, "feedback.stage.short." + s.key())).toList(), series);
    }
}
