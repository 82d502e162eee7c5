package org.dphub.insights.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.dphub.insights.Ascof3d;
import org.dphub.insights.InsightsReport;
import org.dphub.insights.OneOffTimes;
import org.dphub.insights.TimeToMoney;
import org.dphub.insights.Uptake;
import org.dphub.web.SeriesChart;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Turns a report's numbers into the page's sections, in the page's language: one method a figure. */
@Component
class InsightsSections {

    private final MessageSource messages;

    InsightsSections(MessageSource messages) {
        this.messages = messages;
    }

    List<FigureSection> of(InsightsReport report, Locale locale) {
        List<FigureSection> sections = new ArrayList<>();
        sections.add(uptake(report.uptake(), report, locale));
        sections.add(timeToMoney(report.timeToMoney(), locale));
        sections.add(oneOffs(report.oneOffs(), locale));
        sections.add(ascof(report.ascof3d(), locale));
        return sections;
    }

    FigureSection section(String key, InsightsReport report, Locale locale) {
        return of(report, locale).stream().filter(s -> s.key().equals(key)).findFirst().orElse(null);
    }

    FigureSection uptake(Uptake u, InsightsReport report, Locale locale) {
        String sentence = u.peopleWithPlanAtEnd() == 0
                ? msg(locale, "insights.uptake.sentence.none", date(report.period().to(), locale))
                : msg(locale, "insights.uptake.sentence", date(report.period().to(), locale), u.activeAtEnd(),
                u.peopleWithPlanAtEnd(), plain(u.sharePercentAtEnd()))
                + " " + msg(locale, "insights.uptake.sentence.flow", u.newDirectPayments(), u.endedDirectPayments());
        List<String> months = u.months().stream().map(m -> shortMonth(m.month(), locale)).toList();
        SeriesChart chart = SeriesChart.bars("uptake-chart", msg(locale, "insights.uptake.chart.title"),
                msg(locale, "insights.uptake.chart.desc"), months, List.of(
                        new SeriesChart.Series(msg(locale, "insights.uptake.active"),
                                u.months().stream().map(m -> (Double) (double) m.activeDirectPayments()).toList()),
                        new SeriesChart.Series(msg(locale, "insights.uptake.with-plan"),
                                u.months().stream().map(m -> (Double) (double) m.peopleWithPlan()).toList())));
        FigureSection.Table table = new FigureSection.Table(msg(locale, "insights.uptake.table"),
                List.of(msg(locale, "insights.month"), msg(locale, "insights.uptake.active"), msg(locale, "insights.uptake.with-plan"),
                        msg(locale, "insights.uptake.share"), msg(locale, "insights.uptake.new"), msg(locale, "insights.uptake.ended")),
                List.of(false, true, true, true, true, true),
                u.months().stream().map(m -> List.of(longMonth(m.month(), locale), Long.toString(m.activeDirectPayments()),
                        Long.toString(m.peopleWithPlan()), orDash(m.sharePercent(), locale), Long.toString(m.newDirectPayments()),
                        Long.toString(m.endedDirectPayments()))).toList());
        return new FigureSection("uptake", msg(locale, "insights.uptake.heading"), sentence, chart, table,
                List.of(msg(locale, "insights.uptake.note")));
    }

    FigureSection timeToMoney(TimeToMoney t, Locale locale) {
        String sentence = t.count() == 0 ? msg(locale, "insights.time.sentence.none")
                : msg(locale, "insights.time.sentence", plain(t.medianDays()), plain(t.p90Days()), t.count())
                + " " + msg(locale, "insights.time.sentence.target", plain(t.withinTargetPercent()), t.targetDays());
        List<TimeToMoney.Month> months = t.months();
        SeriesChart chart = t.count() == 0 ? null : SeriesChart.lines("time-chart", msg(locale, "insights.time.chart.title"),
                msg(locale, "insights.time.chart.desc", t.targetDays()), months.stream().map(m -> shortMonth(m.month(), locale)).toList(),
                List.of(new SeriesChart.Series(msg(locale, "insights.time.median"), doubles(months, TimeToMoney.Month::medianDays)),
                        new SeriesChart.Series(msg(locale, "insights.time.p90"), doubles(months, TimeToMoney.Month::p90Days))));
        FigureSection.Table table = new FigureSection.Table(msg(locale, "insights.time.table"),
                List.of(msg(locale, "insights.month"), msg(locale, "insights.time.count"), msg(locale, "insights.time.median"),
                        msg(locale, "insights.time.p90"), msg(locale, "insights.time.within", t.targetDays())),
                List.of(false, true, true, true, true),
                months.stream().map(m -> List.of(longMonth(m.month(), locale), Long.toString(m.count()),
                        orDash(m.medianDays(), locale), orDash(m.p90Days(), locale), orDash(m.withinTargetPercent(), locale))).toList());
        return new FigureSection("timeToMoney", msg(locale, "insights.time.heading"), sentence, chart, table,
                List.of(msg(locale, "insights.time.note")));
    }

    FigureSection oneOffs(OneOffTimes o, Locale locale) {
        String sentence = o.count() == 0 ? msg(locale, "insights.one-offs.sentence.none")
                : msg(locale, "insights.one-offs.sentence", plain(o.medianHoursToApproval()), plain(o.p90HoursToApproval()), o.count());
        List<OneOffTimes.Month> months = o.months();
        SeriesChart chart = o.count() == 0 ? null : SeriesChart.lines("one-offs-chart", msg(locale, "insights.one-offs.chart.title"),
                msg(locale, "insights.one-offs.chart.desc"), months.stream().map(m -> shortMonth(m.month(), locale)).toList(),
                List.of(new SeriesChart.Series(msg(locale, "insights.one-offs.median"), doubles(months, OneOffTimes.Month::medianHoursToApproval)),
                        new SeriesChart.Series(msg(locale, "insights.one-offs.p90"), doubles(months, OneOffTimes.Month::p90HoursToApproval))));
        FigureSection.Table table = new FigureSection.Table(msg(locale, "insights.one-offs.table"),
                List.of(msg(locale, "insights.month"), msg(locale, "insights.one-offs.count"), msg(locale, "insights.one-offs.median"),
                        msg(locale, "insights.one-offs.p90")),
                List.of(false, true, true, true),
                months.stream().map(m -> List.of(longMonth(m.month(), locale), Long.toString(m.count()),
                        orDash(m.medianHoursToApproval(), locale), orDash(m.p90HoursToApproval(), locale))).toList());
        return new FigureSection("oneOffs", msg(locale, "insights.one-offs.heading"), sentence, chart, table,
                List.of(msg(locale, "insights.one-offs.note")));
    }

    FigureSection ascof(Ascof3d a, Locale locale) {
        if (a == null) {
            return new FigureSection("ascof3d", msg(locale, "insights.ascof.heading"), msg(locale, "insights.ascof.wales"),
                    null, null, List.of());
        }
        String sentence = a.part2a().denominator() == 0
                ? msg(locale, "insights.ascof.sentence.none", date(a.asAt(), locale))
                : msg(locale, "insights.ascof.sentence", plain(a.part2a().percent()), date(a.asAt(), locale),
                a.part2a().numerator(), a.part2a().denominator())
                + " " + msg(locale, "insights.ascof.sentence.1a", plain(a.part1a().percent()), a.part1a().numerator());
        List<String> measures = List.of(msg(locale, "insights.ascof.2a"), msg(locale, "insights.ascof.1a"));
        SeriesChart chart = a.part2a().denominator() == 0 ? null : SeriesChart.bars("ascof-chart",
                msg(locale, "insights.ascof.chart.title"), msg(locale, "insights.ascof.chart.desc", date(a.asAt(), locale)),
                List.of(msg(locale, "insights.ascof.2a.short"), msg(locale, "insights.ascof.1a.short")),
                List.of(new SeriesChart.Series(msg(locale, "insights.ascof.percent"),
                        List.of(a.part2a().percent().doubleValue(), a.part1a().percent().doubleValue()))));
        FigureSection.Table table = new FigureSection.Table(msg(locale, "insights.ascof.table", date(a.asAt(), locale)),
                List.of(msg(locale, "insights.ascof.measure"), msg(locale, "insights.ascof.numerator"),
                        msg(locale, "insights.ascof.denominator"), msg(locale, "insights.ascof.percent")),
                List.of(false, true, true, true),
                List.of(row(measures.get(0), a.part2a(), locale), row(measures.get(1), a.part1a(), locale)));
        return new FigureSection("ascof3d", msg(locale, "insights.ascof.heading"), sentence, chart, table,
                List.of(msg(locale, "insights.ascof.note.method"), msg(locale, "insights.ascof.note.cannot-see")));
    }

    private List<String> row(String name, Ascof3d.Measure m, Locale locale) {
        return List.of(name, Long.toString(m.numerator()), Long.toString(m.denominator()), orDash(m.percent(), locale));
    }

    private static <M> List<Double> doubles(List<M> months, Function<M, BigDecimal> value) {
        return months.stream().map(m -> {
            BigDecimal v = value.apply(m);
            return v == null ? null : v.doubleValue();
        }).toList();
    }

    /** 19.0 as "19", 6.5 as "6.5". */
    static String plain(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private String orDash(BigDecimal value, Locale locale) {
        return value == null ? msg(locale, "insights.none") : plain(value);
    }

    static String shortMonth(YearMonth month, Locale locale) {
        return month.format(DateTimeFormatter.ofPattern("MMM yyyy", locale));
    }

    static String longMonth(YearMonth month, Locale locale) {
        return month.format(DateTimeFormatter.ofPattern("MMMM yyyy", locale));
    }

    static String date(LocalDate date, Locale locale) {
        return date.format(DateTimeFormatter.ofPattern("d MMMM yyyy", locale));
    }

    private String msg(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
