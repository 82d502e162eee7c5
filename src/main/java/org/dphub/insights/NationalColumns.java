package org.dphub.insights;

import static org.dphub.insights.NationalColumn.count;
import static org.dphub.insights.NationalColumn.figure;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.dphub.insights.NationalColumn.Kind;

/**
 * The national view's columns, in order: each council's headline figures for the period. A new
 * figure is one line here (a count, or a figure with the counts it is based on) and its heading in
 * messages.properties and messages_cy.properties, e.g.
 * {@code count("vacanciesOpened", "insights.national.col.vacancies-opened", r -> r.vacancies().opened())}.
 */
public final class NationalColumns {

    static final Predicate<InsightsReport> ENGLAND = r -> r.council().england();

    public static final List<NationalColumn> ALL = checked(List.of(
            count("activeDirectPayments", "insights.national.col.active", r -> r.uptake().activeAtEnd()),
            count("peopleWithPlan", "insights.national.col.with-plan", r -> r.uptake().peopleWithPlanAtEnd()),
            figure("sharePercent", "insights.national.col.share", Kind.PERCENT, r -> r.uptake().sharePercentAtEnd(),
                    "activeDirectPayments", "peopleWithPlan"),
            count("newDirectPayments", "insights.national.col.new", r -> r.uptake().newDirectPayments()),
            count("endedDirectPayments", "insights.national.col.ended", r -> r.uptake().endedDirectPayments()),
            count("timeToMoneyCount", "insights.national.col.time-count", r -> r.timeToMoney().count()),
            figure("timeToMoneyMedianDays", "insights.national.col.time-median", Kind.DAYS, r -> r.timeToMoney().medianDays(),
                    "timeToMoneyCount"),
            figure("timeToMoneyP90Days", "insights.national.col.time-p90", Kind.DAYS, r -> r.timeToMoney().p90Days(),
                    "timeToMoneyCount"),
            count("timeToMoneyWithinTarget", "insights.national.col.time-within", r -> r.timeToMoney().withinTarget()),
            figure("timeToMoneyWithinTargetPercent", "insights.national.col.time-within-percent", Kind.PERCENT,
                    r -> r.timeToMoney().withinTargetPercent(), "timeToMoneyWithinTarget", "timeToMoneyCount"),
            count("oneOffsCount", "insights.national.col.one-offs", r -> r.oneOffs().count()),
            figure("oneOffsMedianHours", "insights.national.col.one-offs-median", Kind.HOURS,
                    r -> r.oneOffs().medianHoursToApproval(), "oneOffsCount"),
            count("ascof3dNumerator", "insights.national.col.ascof-numerator", r -> r.ascof3d().part2a().numerator())
                    .onlyWhere(ENGLAND),
            count("ascof3dDenominator", "insights.national.col.ascof-denominator", r -> r.ascof3d().part2a().denominator())
                    .onlyWhere(ENGLAND),
            figure("ascof3dPercent", "insights.national.col.ascof-percent", Kind.PERCENT, r -> r.ascof3d().part2a().percent(),
                    "ascof3dNumerator", "ascof3dDenominator").onlyWhere(ENGLAND),
            count("recoveries", "insights.national.col.recoveries", r -> r.moneyReturned().recoveries()),
            figure("returnedPence", "insights.national.col.returned", Kind.PENCE,
                    r -> java.math.BigDecimal.valueOf(r.moneyReturned().recoveredPence()), "recoveries"),
            count("vacanciesOpened", "insights.national.col.vacancies-opened", r -> r.paMarket().opened()),
            count("vacanciesFilled", "insights.national.col.vacancies-filled", r -> r.paMarket().filled()),
            figure("vacanciesMedianDaysToFill", "insights.national.col.vacancies-median", Kind.DAYS,
                    r -> r.paMarket().medianDaysToFill(), "vacanciesFilled"),
            count("monitoringChecks", "insights.national.col.checks", r -> r.monitoring().checks()),
            count("monitoringWithFindings", "insights.national.col.checks-findings", r -> r.monitoring().withFindings()),
            count("reviewsDone", "insights.national.col.reviews-done", r -> r.reviews().done()),
            count("reviewsDoneOnTime", "insights.national.col.reviews-on-time", r -> r.reviews().doneOnTime()),
            figure("reviewsOnTimePercent", "insights.national.col.reviews-on-time-percent", Kind.PERCENT,
                    r -> r.reviews().onTimePercent(), "reviewsDoneOnTime", "reviewsDone"),
            count("reviewsOverdue", "insights.national.col.reviews-overdue", r -> r.reviews().overdue()),
            count("paPayRatesCount", "insights.national.col.pay-count", r -> r.paPayRates().ratesCounted()),
            figure("paPayMedianPence", "insights.national.col.pay-median", Kind.PENCE,
                    r -> r.paPayRates().overall().medianPence() == null ? null
                            : java.math.BigDecimal.valueOf(r.paPayRates().overall().medianPence()), "paPayRatesCount"),
            // the payroll savings are the hours of the PAs counted in paPayRatesCount: too few PAs, and one PA's pay could be read
            figure("savingsVsAgencyPence", "insights.national.col.savings", Kind.PENCE,
                    r -> r.savingsVsAgency().hours().signum() == 0 ? null
                            : java.math.BigDecimal.valueOf(r.savingsVsAgency().totalPence()), "paPayRatesCount"),
            count("carerDirectPayments", "insights.national.col.carers", r -> recipient(r, "CARER").directPayments()),
            count("childDirectPayments", "insights.national.col.children", r -> recipient(r, "CHILD").directPayments()),
            count("managedAccounts", "insights.national.col.managed", r -> r.howTaken().byRecipient().stream()
                    .mapToLong(HowSupportIsTaken.Recipient::managedAccounts).sum())));

    private static HowSupportIsTaken.Recipient recipient(InsightsReport report, String kind) {
        return report.howTaken().byRecipient().stream().filter(k -> k.recipientKind().equals(kind)).findFirst()
                .orElse(new HowSupportIsTaken.Recipient(kind, 0, 0, 0, 0, 0));
    }

    private NationalColumns() {
    }

    /** Keys are unique, and a figure is based only on count columns listed before it. */
    static List<NationalColumn> checked(List<NationalColumn> columns) {
        Set<String> keys = new HashSet<>();
        Set<String> counts = new HashSet<>();
        for (NationalColumn c : columns) {
            if (!keys.add(c.key())) {
                throw new IllegalArgumentException("Two national columns are called " + c.key());
            }
            for (String base : c.basedOn()) {
                if (!counts.contains(base)) {
                    throw new IllegalArgumentException(c.key() + " is based on " + base + ", which is not a count column before it");
                }
            }
            if (c.isCount()) {
                counts.add(c.key());
            }
        }
        return List.copyOf(columns);
    }
}
