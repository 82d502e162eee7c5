package org.dphub.insights.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dphub.insights.Insights;
import org.dphub.insights.NationalCell;
import org.dphub.insights.NationalColumn;
import org.dphub.insights.NationalReport;
import org.dphub.insights.Period;
import org.dphub.insights.PeriodInput;
import org.dphub.insights.SmallNumbers;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The national view over JSON: every council's figures for the period, a row each, small numbers
 * suppressed. A suppressed value is left out of its row and its key listed in the row's
 * {@code suppressed}; a figure that does not apply (ASCOF in Wales) is left out and listed in
 * {@code doesNotApply}; nothing to measure is {@code null}. National analysts only (403 for everyone
 * else, council staff too).
 */
@RestController
@Tag(name = "Insights")
@PreAuthorize("hasRole('NATIONAL_ANALYST')")
class NationalInsightsApiController {

    private final Insights insights;
    private final MessageSource messages;
    private final Clock clock;

    NationalInsightsApiController(Insights insights, MessageSource messages, Clock clock) {
        this.insights = insights;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/api/v1/insights/national")
    @Operation(summary = "Every council's headline figures for a period (default the last 12 months), counts under 5 suppressed")
    Map<String, Object> national(SignedInUser analyst, @RequestParam(required = false) String from,
                                 @RequestParam(required = false) String to) {
        NationalReport report = insights.national(analyst, period(from, to));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", report.period().from());
        body.put("to", report.period().to());
        body.put("fewestShown", SmallNumbers.FEWEST_SHOWN);
        body.put("columns", report.columns().stream().map(c -> {
            Map<String, Object> column = new LinkedHashMap<>();
            column.put("key", c.key());
            column.put("kind", c.kind().name());
            column.put("basedOn", c.basedOn());
            return column;
        }).toList());
        body.put("councils", report.rows().stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("councilCode", r.councilCode());
            row.put("councilName", r.councilName());
            row.put("nation", r.england() ? "ENGLAND" : "WALES");
            cells(report.columns(), r.cells(), row);
            return row;
        }).toList());
        Map<String, Object> totals = new LinkedHashMap<>();
        cells(report.columns().stream().filter(NationalColumn::isCount).toList(), report.totals(), totals);
        body.put("totals", totals);
        return body;
    }

    /** Each column's value into {@code into}: shown as a number, none as null, the rest left out and listed. */
    static void cells(List<NationalColumn> columns, Map<String, NationalCell> cells, Map<String, Object> into) {
        List<String> suppressed = new ArrayList<>();
        List<String> doesNotApply = new ArrayList<>();
        for (NationalColumn column : columns) {
            NationalCell cell = cells.get(column.key());
            switch (cell.status()) {
                case SHOWN -> into.put(column.key(), cell.value());
                case NONE -> into.put(column.key(), null);
                case SUPPRESSED -> suppressed.add(column.key());
                case DOES_NOT_APPLY -> doesNotApply.add(column.key());
            }
        }
        into.put("suppressed", suppressed);
        into.put("doesNotApply", doesNotApply);
    }

    private Period period(String from, String to) {
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        LocalDate start = errors.isoDate("from", from, false, "insights.label.from");
        LocalDate end = errors.isoDate("to", to, false, "insights.label.to");
        Period period = PeriodInput.read(start, end, LocalDate.now(clock), errors);
        errors.throwIfAny();
        return period;
    }
}
