package org.dphub.insights.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dphub.insights.Insights;
import org.dphub.insights.NationalCell;
import org.dphub.insights.NationalColumn;
import org.dphub.insights.NationalReport;
import org.dphub.insights.Period;
import org.dphub.insights.PeriodInput;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.SeriesChart;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The national view for a national analyst: the period (a GET form, as the council's page), a bar
 * chart of each council's share with a direct payment (a suppressed share is a labelled gap), and
 * every council's figures as a table and a CSV, small numbers shown as "fewer than 5".
 */
@Controller
@PreAuthorize("hasRole('NATIONAL_ANALYST')")
class NationalInsightsPage {

    static final String SHARE = "sharePercent";

    private final Insights insights;
    private final MessageSource messages;
    private final Clock clock;

    NationalInsightsPage(Insights insights, MessageSource messages, Clock clock) {
        this.insights = insights;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/insights/national")
    String page(SignedInUser analyst, @RequestParam MultiValueMap<String, String> params, Model model, Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        Period period = read(params, errors);
        model.addAttribute("errors", errors);
        if (period == null) {
            model.addAttribute("form", new InsightsPage.PeriodForm(InsightsPage.value(params, "from-day"),
                    InsightsPage.value(params, "from-month"), InsightsPage.value(params, "from-year"),
                    InsightsPage.value(params, "to-day"), InsightsPage.value(params, "to-month"), InsightsPage.value(params, "to-year")));
            return "insights/national";
        }
        NationalReport report = insights.national(analyst, period);
        model.addAttribute("form", InsightsPage.PeriodForm.of(period));
        model.addAttribute("period", period);
        model.addAttribute("chart", chart(report, locale));
        model.addAttribute("chartTable", chartTable(report, locale));
        model.addAttribute("table", table(report, locale, false));
        return "insights/national";
    }

    /** Every council's figures as CSV, for the same period, with the same words for suppressed values as the page. */
    @GetMapping("/insights/national.csv")
    ResponseEntity<byte[]> csv(SignedInUser analyst, @RequestParam MultiValueMap<String, String> params, Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        Period period = read(params, errors);
        if (period == null) {
            errors.throwIfAny();
        }
        FigureSection.Table table = table(insights.national(analyst, period), locale, true);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"national-" + period.from() + "-to-"
                        + period.to() + ".csv\"")
                .body(table.csv().getBytes(StandardCharsets.UTF_8));
    }

    /** A bar a council, in the table's order; a suppressed share is a gap named in the legend and the bar's title. */
    SeriesChart chart(NationalReport report, Locale locale) {
        List<String> categories = report.rows().stream().map(NationalReport.Row::councilCode).toList();
        List<Double> values = new ArrayList<>();
        List<String> gaps = new ArrayList<>();
        for (NationalReport.Row row : report.rows()) {
            NationalCell share = row.cell(SHARE);
            values.add(share.status() == NationalCell.Status.SHOWN ? share.value().doubleValue() : null);
            gaps.add(share.suppressed() ? msg(locale, "insights.national.chart.gap.label", row.councilName(locale)) : null);
        }
        return SeriesChart.bars("national-share-chart", msg(locale, "insights.national.chart.title",
                        InsightsSections.date(report.period().to(), locale)), msg(locale, "insights.national.chart.desc"), categories,
                        List.of(new SeriesChart.Series(msg(locale, "insights.national.col.share"), values)))
                .withGaps(new SeriesChart.Gaps(msg(locale, "insights.national.chart.gap"), "<5", gaps));
    }

    FigureSection.Table chartTable(NationalReport report, Locale locale) {
        return new FigureSection.Table(msg(locale, "insights.national.chart.table"),
                List.of(msg(locale, "insights.national.council"), msg(locale, "insights.national.col.share")),
                List.of(false, true),
                report.rows().stream().map(r -> List.of(r.councilName(locale), text(r.cell(SHARE), locale))).toList());
    }

    /** A row a council and the totals last; the CSV starts with the council's code. */
    FigureSection.Table table(NationalReport report, Locale locale, boolean withCode) {
        List<String> headings = new ArrayList<>();
        List<Boolean> numeric = new ArrayList<>();
        headings.add(msg(locale, "insights.national.council"));
        numeric.add(false);
        if (withCode) {
            headings.add(0, msg(locale, "insights.national.council-code"));
            numeric.add(false);
        }
        for (NationalColumn column : report.columns()) {
            headings.add(msg(locale, column.heading()));
            numeric.add(true);
        }
        List<List<String>> rows = new ArrayList<>();
        for (NationalReport.Row row : report.rows()) {
            List<String> cells = new ArrayList<>();
            if (withCode) {
                cells.add(row.councilCode());
            }
            cells.add(row.councilName(locale));
            report.columns().forEach(c -> cells.add(text(row.cell(c.key()), locale)));
            rows.add(cells);
        }
        List<String> totals = new ArrayList<>();
        if (withCode) {
            totals.add("");
        }
        totals.add(msg(locale, "insights.national.total"));
        report.columns().forEach(c -> totals.add(c.isCount() ? text(report.totals().get(c.key()), locale) : ""));
        rows.add(totals);
        return new FigureSection.Table(msg(locale, "insights.national.table.caption",
                InsightsSections.date(report.period().from(), locale), InsightsSections.date(report.period().to(), locale)),
                headings, numeric, rows);
    }

    /** A cell as a reader sees it: its number, "fewer than 5", "none" or "does not apply" — never a suppressed number. */
    String text(NationalCell cell, Locale locale) {
        return switch (cell.status()) {
            case SHOWN -> cell.value() instanceof BigDecimal d ? InsightsSections.plain(d) : cell.value().toString();
            case SUPPRESSED -> msg(locale, "insights.national.fewer-than-5");
            case NONE -> msg(locale, "insights.none");
            case DOES_NOT_APPLY -> msg(locale, "insights.national.does-not-apply");
        };
    }

    private Period read(MultiValueMap<String, String> params, FormErrors errors) {
        LocalDate from = InsightsPage.date(params, "from", "insights.label.from", errors);
        LocalDate to = InsightsPage.date(params, "to", "insights.label.to", errors);
        return PeriodInput.read(from, to, LocalDate.now(clock), errors);
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
