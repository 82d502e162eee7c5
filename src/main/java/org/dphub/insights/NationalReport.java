package org.dphub.insights;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The national view for a period: a row for each council with its figures after small-number
 * suppression ({@link SmallNumbers}), and the totals of the count columns. Never a person's data:
 * only counts and figures worked out from them, each council's own, as its page shows them.
 */
public record NationalReport(Period period, List<NationalColumn> columns, List<Row> rows, Map<String, NationalCell> totals) {

    /** A council's row: the council by its code and names, and a cell a column (by key). */
    public record Row(String councilCode, String councilName, String councilNameCy, boolean england,
                      Map<String, NationalCell> cells) {

        public NationalCell cell(String key) {
            return cells.get(key);
        }

        public String councilName(java.util.Locale locale) {
            return "cy".equals(locale.getLanguage()) ? councilNameCy : councilName;
        }
    }

    /** A council's report with the names to show it by. */
    public record CouncilFigures(String name, String nameCy, InsightsReport report) {
    }

    public NationalReport {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        totals = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(totals));
    }

    /** Suppresses each council's figures and totals the counts; rows by council name. */
    public static NationalReport of(Period period, List<NationalColumn> columns, List<CouncilFigures> councils) {
        List<Row> rows = new ArrayList<>();
        for (CouncilFigures c : councils) {
            rows.add(new Row(c.report().council().code(), c.name(), c.nameCy(), c.report().council().england(),
                    cells(columns, c.report())));
        }
        rows.sort(Comparator.comparing((Row r) -> r.councilName()).thenComparing(Row::councilCode));
        Map<String, NationalCell> totals = new LinkedHashMap<>();
        for (NationalColumn column : columns) {
            if (column.isCount()) {
                totals.put(column.key(), SmallNumbers.total(rows.stream().map(r -> r.cell(column.key())).toList()));
            }
        }
        return new NationalReport(period, columns, rows, totals);
    }

    static Map<String, NationalCell> cells(List<NationalColumn> columns, InsightsReport report) {
        Map<String, NationalColumn> byKey = new LinkedHashMap<>();
        columns.forEach(c -> byKey.put(c.key(), c));
        Map<String, NationalCell> cells = new LinkedHashMap<>();
        for (NationalColumn column : columns) {
            cells.put(column.key(), cell(column, byKey, report));
        }
        return cells;
    }

    private static NationalCell cell(NationalColumn column, Map<String, NationalColumn> byKey, InsightsReport report) {
        if (!column.appliesTo().test(report)) {
            return NationalCell.DOES_NOT_APPLY;
        }
        if (column.isCount()) {
            return SmallNumbers.count(column.value().apply(report).longValue());
        }
        long[] from = new long[column.basedOn().size()];
        for (int i = 0; i < from.length; i++) {
            NationalColumn base = byKey.get(column.basedOn().get(i));
            if (!base.appliesTo().test(report)) {
                return NationalCell.DOES_NOT_APPLY;
            }
            from[i] = base.value().apply(report).longValue();
        }
        Number value = column.value().apply(report);
        return SmallNumbers.figure(value == null ? null : new java.math.BigDecimal(value.toString()), from);
    }
}
