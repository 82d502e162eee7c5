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
import org.dphub.insights.HowSupportIsTaken;
import org.dphub.insights.InsightsReport;
import org.dphub.insights.MoneyReturned;
import org.dphub.insights.MonitoringEffort;
import org.dphub.insights.OneOffTimes;
import org.dphub.insights.PaMarket;
import org.dphub.insights.PaPayRates;
import org.dphub.insights.Percent;
import org.dphub.insights.Period;
import org.dphub.insights.Reviews;
import org.dphub.insights.SavingsVsAgency;
import org.dphub.insights.TimeToMoney;
import org.dphub.insights.Uptake;
import org.dphub.shared.Money;
import org.dphub.web.RangeChart;
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
        sections.add(savingsVsAgency(report.savingsVsAgency(), report, locale));
        sections.add(paPayRates(report.paPayRates(), locale));
        sections.add(moneyReturned(report.moneyReturned(), locale));
        sections.add(paMarket(report.paMarket(), report, locale));
        sections.add(monitoring(report.monitoring(), locale));
        sections.add(reviews(report.reviews(), report, locale));
        sections.add(howTaken(report.howTaken(), locale));
        sections.add(holders(report.howTaken(), locale));
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
                                u.months().stream().map(m -> (long) m.activeDirectPayments()).toList()),
                        new SeriesChart.Series(msg(locale, "insights.uptake.with-plan"),
                                u.months().stream().map(m -> (long) m.peopleWithPlan()).toList())));
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

    /** Savings against agency care: the payroll figure by month, and the planned figure beside it, never added in. */
    FigureSection savingsVsAgency(SavingsVsAgency s, InsightsReport report, Locale locale) {
        boolean paid = s.hours().signum() > 0;
        String over = over(report.period(), locale);
        String rate = Money.ofPence(s.agencyHourlyRatePence()).formatWithPence();
        StringBuilder sentence = new StringBuilder();
        if (!paid) {
            sentence.append(msg(locale, "insights.savings.sentence.none"));
        } else {
            String key = s.totalPence() >= 0 ? "insights.savings.sentence" : "insights.savings.sentence.more";
            sentence.append(msg(locale, key, about(s.totalPence()), over))
                    .append(' ').append(msg(locale, "insights.savings.sentence.detail", plain(s.hours()),
                            Money.ofPence(s.paidPence()).format(), rate, Money.ofPence(s.agencyPence()).format()));
        }
        if (s.planned().hours().signum() > 0) {
            sentence.append(' ').append(msg(locale, s.planned().savingsPence() >= 0 ? "insights.savings.sentence.planned"
                    : "insights.savings.sentence.planned-more", plain(s.planned().hours()), about(s.planned().savingsPence())));
        }
        List<SavingsVsAgency.Month> months = s.months();
        SeriesChart chart = !paid ? null : SeriesChart.bars("savings-chart", msg(locale, "insights.savings.chart.title"),
                msg(locale, "insights.savings.chart.desc", rate), months.stream().map(m -> shortMonth(m.month(), locale)).toList(),
                List.of(new SeriesChart.Series(msg(locale, "insights.savings.agency"),
                                months.stream().map(m -> m.agencyPence() / 100.0).toList()),
                        new SeriesChart.Series(msg(locale, "insights.savings.paid"),
                                months.stream().map(m -> m.paidPence() / 100.0).toList())));
        FigureSection.Table table = new FigureSection.Table(msg(locale, "insights.savings.table"),
                List.of(msg(locale, "insights.month"), msg(locale, "insights.savings.hours"), msg(locale, "insights.savings.paid.pounds"),
                        msg(locale, "insights.savings.agency.pounds"), msg(locale, "insights.savings.saving.pounds"),
                        msg(locale, "insights.savings.planned-hours"), msg(locale, "insights.savings.planned-saving.pounds")),
                List.of(false, true, true, true, true, true, true),
                months.stream().map(m -> List.of(longMonth(m.month(), locale), plain(m.hours()), pounds(m.paidPence()),
                        pounds(m.agencyPence()), pounds(m.savingsPence()), plain(m.plannedHours()),
                        pounds(m.plannedSavingsPence()))).toList());
        return new FigureSection("savingsVsAgency", msg(locale, "insights.savings.heading"), sentence.toString(), chart, table,
                List.of(msg(locale, "insights.savings.note.counts", rate), msg(locale, "insights.savings.note.planned"),
                        msg(locale, "insights.savings.note.negative")));
    }

    /** PA rates of pay: the council's and every council's, and a row a district, with small numbers suppressed. */
    FigureSection paPayRates(PaPayRates p, Locale locale) {
        String sentence;
        if (p.overall().suppressed()) {
            sentence = msg(locale, "insights.pay.sentence.few", PaPayRates.FEWEST);
        } else {
            sentence = msg(locale, "insights.pay.sentence", perHour(p.overall().medianPence()), p.overall().count(),
                    perHour(p.overall().p10Pence()), perHour(p.overall().p90Pence()));
        }
        if (!p.national().suppressed()) {
            sentence += " " + msg(locale, "insights.pay.sentence.national", perHour(p.national().medianPence()), p.national().count());
        }
        sentence += " " + (p.nationalLivingWagePence() == null
                ? msg(locale, "insights.pay.sentence.rate", perHour(p.councilPaRatePence()))
                : msg(locale, "insights.pay.sentence.wage", perHour(p.nationalLivingWagePence()), perHour(p.councilPaRatePence())));
        List<String[]> names = new ArrayList<>();
        List<PaPayRates.Rates> groups = new ArrayList<>();
        names.add(new String[] {msg(locale, "insights.pay.council")});
        groups.add(p.overall());
        names.add(new String[] {msg(locale, "insights.pay.national")});
        groups.add(p.national());
        for (PaPayRates.District d : p.byDistrict()) {
            names.add(new String[] {d.district() == null ? msg(locale, "insights.pay.district.unknown") : d.district()});
            groups.add(d.rates());
        }
        String few = msg(locale, "insights.pay.few", PaPayRates.FEWEST);
        List<RangeChart.Row> rows = new ArrayList<>();
        List<List<String>> cells = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            PaPayRates.Rates r = groups.get(i);
            String name = names.get(i)[0];
            if (r.suppressed()) {
                rows.add(new RangeChart.Row(name, null, null, null, few, name + ": " + few));
                String hidden = msg(locale, "insights.pay.hidden");
                cells.add(List.of(name, few, hidden, hidden, hidden));
            } else {
                rows.add(new RangeChart.Row(name, r.p10Pence() / 100.0, r.medianPence() / 100.0, r.p90Pence() / 100.0, "",
                        msg(locale, "insights.pay.row", name, perHour(r.p10Pence()), perHour(r.p90Pence()), perHour(r.medianPence()))));
                cells.add(List.of(name, Long.toString(r.count()), pounds(r.p10Pence()), pounds(r.medianPence()), pounds(r.p90Pence())));
            }
        }
        List<RangeChart.Reference> references = new ArrayList<>();
        if (p.nationalLivingWagePence() != null) {
            references.add(new RangeChart.Reference(msg(locale, "insights.pay.wage"), p.nationalLivingWagePence() / 100.0));
        }
        references.add(new RangeChart.Reference(msg(locale, "insights.pay.council-rate"), p.councilPaRatePence() / 100.0));
        boolean anything = groups.stream().anyMatch(r -> !r.suppressed());
        RangeChart chart = !anything ? null : new RangeChart("pay-chart", msg(locale, "insights.pay.chart.title"),
                msg(locale, "insights.pay.chart.desc", date(p.asAt(), locale)), msg(locale, "insights.pay.range"),
                msg(locale, "insights.pay.median"), rows, references);
        FigureSection.Table table = new FigureSection.Table(msg(locale, "insights.pay.table"),
                List.of(msg(locale, "insights.pay.area"), msg(locale, "insights.pay.count"), msg(locale, "insights.pay.p10.pounds"),
                        msg(locale, "insights.pay.median.pounds"), msg(locale, "insights.pay.p90.pounds")),
                List.of(false, true, true, true, true), cells);
        return new FigureSection("paPayRates", msg(locale, "insights.pay.heading"), sentence, null, table,
                List.of(msg(locale, "insights.pay.note.counts"), msg(locale, "insights.pay.note.district"),
                        msg(locale, "insights.pay.note.small", PaPayRates.FEWEST)), chart);
    }

    /** "these 12 months" when the period is whole months from its first day, else "this period". */
    private String over(Period period, Locale locale) {
        long months = java.time.temporal.ChronoUnit.MONTHS.between(period.from(), period.to().plusDays(1));
        return months > 0 && period.from().plusMonths(months).equals(period.to().plusDays(1))
                ? msg(locale, "insights.savings.over.months", months) : msg(locale, "insights.savings.over.period");
    }

    /** An amount to the nearest pound, without its sign: "£1,234". */
    private static String about(long pence) {
        long pounds = java.math.BigDecimal.valueOf(Math.abs(pence)).divide(java.math.BigDecimal.valueOf(100), 0,
                java.math.RoundingMode.HALF_UP).longValueExact();
        return Money.ofPounds(pounds).format();
    }

    /** An amount in pounds for a table or CSV: "1234.56", "-12.00". */
    private static String pounds(long pence) {
        return java.math.BigDecimal.valueOf(pence, 2).toPlainString();
    }

    private static String perHour(long pence) {
        return Money.ofPence(pence).formatWithPence();
    }

    // money returned, the PA market, monitoring and reviews (issue 16, second part)

    FigureSection moneyReturned(MoneyReturned m, Locale locale) {
        MoneyReturned.AboveLimit above = m.aboveLimit();
        String sentence = (m.recoveries() == 0 ? msg(locale, "insights.returned.sentence.none")
                : msg(locale, "insights.returned.sentence", Money.ofPence(m.recoveredPence()).format(), m.recoveries()))
                + " " + (above.accounts() == 0 ? msg(locale, "insights.returned.above.none", date(above.asAt(), locale))
                : msg(locale, "insights.returned.above", Money.ofPence(above.pence()).format(), above.accounts(),
                date(above.asAt(), locale)));
        List<MoneyReturned.Month> months = m.months();
        SeriesChart chart = m.recoveries() == 0 ? null : SeriesChart.bars("returned-chart", msg(locale, "insights.returned.chart.title"),
                msg(locale, "insights.returned.chart.desc"), months.stream().map(x -> shortMonth(x.month(), locale)).toList(),
                List.of(new SeriesChart.Series(msg(locale, "insights.returned.pounds"),
                        months.stream().map(x -> (long) wholePounds(x.recoveredPence())).toList())));
        FigureSection.Table table = new FigureSection.Table(msg(locale, "insights.returned.table"),
                List.of(msg(locale, "insights.month"), msg(locale, "insights.returned.recoveries"), msg(locale, "insights.returned.amount")),
                List.of(false, true, true),
                months.stream().map(x -> List.of(longMonth(x.month(), locale), Long.toString(x.recoveries()),
                        Money.ofPence(x.recoveredPence()).formatWithPence())).toList());
        return new FigureSection("moneyReturned", msg(locale, "insights.returned.heading"), sentence, chart, table,
                List.of(msg(locale, "insights.returned.note.recovered"),
                        msg(locale, "insights.returned.note.above", above.surplusWeeks(), date(above.asAt(), locale))));
    }

    FigureSection paMarket(PaMarket p, InsightsReport report, Locale locale) {
        String sentence = (p.opened() == 0 && p.filled() == 0 ? msg(locale, "insights.market.sentence.none")
                : msg(locale, "insights.market.sentence", p.opened(), p.filled())
                + (p.medianDaysToFill() == null ? "" : " " + msg(locale, "insights.market.sentence.median", plain(p.medianDaysToFill()))))
                + " " + msg(locale, "insights.market.sentence.live", p.liveProfiles(), date(report.period().to(), locale));
        List<PaMarket.Month> months = p.months();
        SeriesChart chart = p.opened() == 0 && p.filled() == 0 ? null : SeriesChart.bars("market-chart", msg(locale, "insights.market.chart.title"),
                msg(locale, "insights.market.chart.desc"), months.stream().map(x -> shortMonth(x.month(), locale)).toList(),
                List.of(new SeriesChart.Series(msg(locale, "insights.market.opened"),
                                months.stream().map(x -> (long) x.opened()).toList()),
                        new SeriesChart.Series(msg(locale, "insights.market.filled"),
                                months.stream().map(x -> (long) x.filled()).toList())));
        FigureSection.Table table = new FigureSection.Table(msg(locale, "insights.market.table"),
                List.of(msg(locale, "insights.month"), msg(locale, "insights.market.opened"), msg(locale, "insights.market.filled"),
                        msg(locale, "insights.market.median"), msg(locale, "insights.market.live")),
                List.of(false, true, true, true, true),
                months.stream().map(x -> List.of(longMonth(x.month(), locale), Long.toString(x.opened()), Long.toString(x.filled()),
                        orDash(x.medianDaysToFill(), locale), Long.toString(x.liveProfiles()))).toList());
        return new FigureSection("vacancies", msg(locale, "insights.market.heading"), sentence, chart, table,
                List.of(msg(locale, "insights.market.note.vacancies"), msg(locale, "insights.market.note.register")));
    }

    FigureSection monitoring(MonitoringEffort e, Locale locale) {
        long allWell = e.byOutcome().stream().filter(p -> p.name().equals(MonitoringEffort.ALL_WELL))
                .mapToLong(MonitoringEffort.Part::checks).sum();
        String sentence = e.checks() == 0 ? msg(locale, "insights.monitoring.sentence.none")
                : msg(locale, "insights.monitoring.sentence", plain(Percent.oneDecimal(e.minutes() / 60.0)), e.checks(),
                plain(Percent.of(allWell, e.checks())));
        List<String> outcomes = e.byOutcome().stream().map(p -> msg(locale, "checks.outcome." + p.name())).toList();
        SeriesChart chart = e.checks() == 0 ? null : SeriesChart.bars("monitoring-chart", msg(locale, "insights.monitoring.chart.title"),
                msg(locale, "insights.monitoring.chart.desc"), outcomes,
                List.of(new SeriesChart.Series(msg(locale, "insights.monitoring.minutes"),
                        e.byOutcome().stream().map(p -> (long) p.minutes()).toList())));
        List<String> headings = new ArrayList<>(List.of(msg(locale, "insights.month"), msg(locale, "insights.monitoring.checks"),
                msg(locale, "insights.monitoring.with-findings"), msg(locale, "insights.monitoring.minutes")));
        outcomes.forEach(o -> headings.add(msg(locale, "insights.monitoring.minutes-for", o)));
        List<Boolean> numeric = new ArrayList<>(List.of(false, true, true, true));
        outcomes.forEach(o -> numeric.add(true));
        List<List<String>> rows = new ArrayList<>();
        for (MonitoringEffort.Month m : e.months()) {
            List<String> row = new ArrayList<>(List.of(longMonth(m.month(), locale), Long.toString(m.checks()),
                    Long.toString(m.withFindings()), Long.toString(m.minutes())));
            m.minutesByOutcome().forEach(x -> row.add(Long.toString(x)));
            rows.add(row);
        }
        // the chart's numbers: each outcome's minutes over the whole period
        List<String> total = new ArrayList<>(List.of(msg(locale, "insights.monitoring.whole-period"), Long.toString(e.checks()),
                Long.toString(e.withFindings()), Long.toString(e.minutes())));
        e.byOutcome().forEach(p -> total.add(Long.toString(p.minutes())));
        rows.add(total);
        FigureSection.Table table = new FigureSection.Table(msg(locale, "insights.monitoring.table"), headings, numeric, rows);
        String reasons = String.join("; ", e.byReason().stream().filter(p -> p.checks() > 0)
                .map(p -> msg(locale, "insights.monitoring.reason", reasonName(p.name(), locale), p.checks(), p.minutes())).toList());
        List<String> notes = new ArrayList<>(List.of(msg(locale, "insights.monitoring.note")));
        if (!reasons.isEmpty()) {
            notes.add(msg(locale, "insights.monitoring.reasons", reasons));
        }
        return new FigureSection("monitoring", msg(locale, "insights.monitoring.heading"), sentence, chart, table, notes);
    }

    private String reasonName(String reason, Locale locale) {
        return MonitoringEffort.NO_REASON.equals(reason) ? msg(locale, "insights.monitoring.reason.none")
                : msg(locale, "checks.reason." + reason);
    }

    FigureSection reviews(Reviews r, InsightsReport report, Locale locale) {
        String sentence = (r.done() == 0 ? msg(locale, "insights.reviews.sentence.none")
                : msg(locale, "insights.reviews.sentence", r.done(), plain(r.onTimePercent())))
                + " " + msg(locale, "insights.reviews.sentence.due", r.due(), r.overdue(), date(report.period().to(), locale));
        List<Reviews.Month> months = r.months();
        boolean nothing = r.due() == 0 && r.done() == 0 && months.stream().allMatch(x -> x.overdueAtMonthEnd() == 0);
        SeriesChart chart = nothing ? null : SeriesChart.bars("reviews-chart", msg(locale, "insights.reviews.chart.title"),
                msg(locale, "insights.reviews.chart.desc"), months.stream().map(x -> shortMonth(x.month(), locale)).toList(),
                List.of(new SeriesChart.Series(msg(locale, "insights.reviews.due"), months.stream().map(x -> (long) x.due()).toList()),
                        new SeriesChart.Series(msg(locale, "insights.reviews.done"), months.stream().map(x -> (long) x.done()).toList()),
                        new SeriesChart.Series(msg(locale, "insights.reviews.overdue"),
                                months.stream().map(x -> (long) x.overdueAtMonthEnd()).toList())));
        FigureSection.Table table = new FigureSection.Table(msg(locale, "insights.reviews.table"),
                List.of(msg(locale, "insights.month"), msg(locale, "insights.reviews.due"), msg(locale, "insights.reviews.done"),
                        msg(locale, "insights.reviews.on-time"), msg(locale, "insights.reviews.overdue")),
                List.of(false, true, true, true, true),
                months.stream().map(x -> List.of(longMonth(x.month(), locale), Long.toString(x.due()), Long.toString(x.done()),
                        Long.toString(x.doneOnTime()), Long.toString(x.overdueAtMonthEnd()))).toList());
        return new FigureSection("reviews", msg(locale, "insights.reviews.heading"), sentence, chart, table,
                List.of(msg(locale, "insights.reviews.note", r.firstReviewMonths(), r.reviewIntervalMonths())));
    }

    // how support is taken and who holds the direct payments (issues 16 and 18)

    FigureSection howTaken(HowSupportIsTaken h, Locale locale) {
        long total = h.weeklyPence();
        List<HowSupportIsTaken.Mechanism> parts = h.byMechanism();
        boolean nothing = parts.stream().allMatch(m -> m.people() == 0);
        String sentence = nothing ? msg(locale, "insights.taken.sentence.none", date(h.asAt(), locale))
                : msg(locale, "insights.taken.sentence", date(h.asAt(), locale), Money.ofPence(total).format())
                + (total == 0 ? "" : " " + msg(locale, "insights.taken.sentence.share", plain(Percent.of(parts.get(0).weeklyPence(), total))))
                + " " + msg(locale, "insights.taken.sentence.people", parts.get(0).people(), parts.get(1).people(),
                parts.get(2).people(), parts.get(3).people());
        List<String> names = parts.stream().map(m -> msg(locale, "plans.mechanism." + m.mechanism())).toList();
        SeriesChart chart = nothing ? null : SeriesChart.bars("taken-chart", msg(locale, "insights.taken.chart.title"),
                msg(locale, "insights.taken.chart.desc", date(h.asAt(), locale)), names,
                List.of(new SeriesChart.Series(msg(locale, "insights.taken.weekly.pounds"),
                        parts.stream().map(m -> (long) wholePounds(m.weeklyPence())).toList())));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            HowSupportIsTaken.Mechanism m = parts.get(i);
            rows.add(List.of(names.get(i), Long.toString(m.people()), pounds(m.weeklyPence()), orDash(Percent.of(m.weeklyPence(), total), locale)));
        }
        rows.add(List.of(msg(locale, "insights.taken.all"), "", pounds(total), total == 0 ? msg(locale, "insights.none") : "100"));
        FigureSection.Table table = new FigureSection.Table(msg(locale, "insights.taken.table", date(h.asAt(), locale)),
                List.of(msg(locale, "insights.taken.how"), msg(locale, "insights.taken.people"), msg(locale, "insights.taken.weekly.pounds"),
                        msg(locale, "insights.taken.share")),
                List.of(false, true, true, true), rows);
        return new FigureSection("howTaken", msg(locale, "insights.taken.heading"), sentence, chart, table,
                List.of(msg(locale, "insights.taken.note.people"), msg(locale, "insights.taken.note.money")));
    }

    FigureSection holders(HowSupportIsTaken h, Locale locale) {
        List<HowSupportIsTaken.Recipient> kinds = h.byRecipient();
        long payments = h.directPayments();
        long managed = kinds.stream().mapToLong(HowSupportIsTaken.Recipient::managedAccounts).sum();
        String sentence = payments == 0 ? msg(locale, "insights.holders.sentence.none", date(h.asAt(), locale))
                : msg(locale, "insights.holders.sentence", date(h.asAt(), locale), payments, kinds.get(0).directPayments(),
                kinds.get(1).directPayments(), kinds.get(2).directPayments(), managed);
        List<String> names = kinds.stream().map(k -> msg(locale, "insights.holders." + k.recipientKind())).toList();
        SeriesChart chart = payments == 0 ? null : SeriesChart.bars("holders-chart", msg(locale, "insights.holders.chart.title"),
                msg(locale, "insights.holders.chart.desc", date(h.asAt(), locale)), names,
                List.of(new SeriesChart.Series(msg(locale, "insights.holders.with-plan"),
                                kinds.stream().map(k -> (long) k.peopleWithPlan()).toList()),
                        new SeriesChart.Series(msg(locale, "insights.holders.payments"),
                                kinds.stream().map(k -> (long) k.directPayments()).toList())));
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < kinds.size(); i++) {
            HowSupportIsTaken.Recipient k = kinds.get(i);
            rows.add(List.of(names.get(i), Long.toString(k.peopleWithPlan()), Long.toString(k.directPayments()),
                    Long.toString(k.bankAccounts()), Long.toString(k.prepaidCards()), Long.toString(k.managedAccounts())));
        }
        FigureSection.Table table = new FigureSection.Table(msg(locale, "insights.holders.table", date(h.asAt(), locale)),
                List.of(msg(locale, "insights.holders.who"), msg(locale, "insights.holders.with-plan"), msg(locale, "insights.holders.payments"),
                        msg(locale, "insights.holders.bank"), msg(locale, "insights.holders.card"),
                        msg(locale, "insights.holders.managed")),
                List.of(false, true, true, true, true, true), rows);
        return new FigureSection("holders", msg(locale, "insights.holders.heading"), sentence, chart, table,
                List.of(msg(locale, "insights.holders.note")));
    }

    /** Pence to the nearest whole pound (half up), in whole numbers: a chart's bar, never money to pay. */
    private static long wholePounds(long pence) {
        return Math.floorDiv(pence + 50, 100);
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
