package org.dphub.insights.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dphub.councils.Councils;
import org.dphub.insights.Figure;
import org.dphub.insights.Period;
import org.dphub.insights.SavingsVsAgency;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Savings against agency care, Flintshire's comparison made from payroll: each month (of the pay
 * date), the hours of work on payslips of approved runs, what agency care would have cost for them
 * at the council's agency rate (its setting today, for the whole period), less what the PAs were
 * paid for them. Separately, and never added in, the "planned" saving of people who employ no PA
 * through dphub: the hourly direct payment lines of their plan version in force at the month's end
 * (while the direct payment is), weekly hours × the month's days in the period ÷ 7 × (agency rate −
 * the line's rate).
 */
@Component
public class SavingsVsAgencyFigure implements Figure<SavingsVsAgency> {

    private static final String PLANNED = """
            WITH payments AS (
                SELECT d.plan_id, d.citizen_id, width_bucket(d.active_from - 1, CAST(:ends AS date[])) AS a, width_bucket(coalesce(d.ended_on - 1, DATE 'infinity'), CAST(:ends AS date[])) AS b
                FROM insights_direct_payment d
                WHERE d.council_id = :council AND d.active_from <= :to AND (d.ended_on IS NULL OR d.ended_on > date_trunc('month', CAST(:from AS date))::date)),
            employed AS (
                SELECT e.citizen_id, -(1::bigint << width_bucket(min(e.started_on) - 1, CAST(:ends AS date[]))) AS since
                FROM insights_pa_employment e WHERE e.council_id = :council GROUP BY e.citizen_id),
            plans AS (
                SELECT p.plan_id, bit_or(((1::bigint << p.b) - (1::bigint << p.a)) & ~coalesce(m.since, 0)) AS live
                FROM payments p LEFT JOIN employed m ON m.citizen_id = p.citizen_id WHERE p.a < p.b GROUP BY p.plan_id),
            -- each version keeps the months no later version of its plan covers: read in the order of
            -- plan_version_support_plan_idx (plan, then version, latest first), so the window needs no sort
            versions AS (
                SELECT v.plan_id, v.dp_hourly_hours, v.dp_hourly_rate_hours,
                       v.m & ~coalesce(bit_or(v.m) OVER (PARTITION BY v.plan_id ORDER BY v.version DESC
                                                         ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS m
                FROM (SELECT v.plan_id, v.version, v.dp_hourly_hours, v.dp_hourly_rate_hours,
                             (1::bigint << width_bucket(coalesce(v.end_date, DATE 'infinity'), CAST(:ends AS date[]))) - (1::bigint << width_bucket(v.start_date - 1, CAST(:ends AS date[]))) AS m
                      FROM insights_plan_version_support v
                      WHERE v.council_id = :council AND v.start_date <= :to AND (v.end_date IS NULL OR v.end_date >= date_trunc('month', CAST(:from AS date))::date)
                        AND width_bucket(v.start_date - 1, CAST(:ends AS date[])) < width_bucket(coalesce(v.end_date, DATE 'infinity'), CAST(:ends AS date[]))
                      ORDER BY v.plan_id, v.version DESC) v)
            SELECT v.m & p.live AS mask, sum(v.dp_hourly_hours) AS hours, sum(:agency * v.dp_hourly_hours - v.dp_hourly_rate_hours) AS savings
            FROM versions v JOIN plans p ON p.plan_id = v.plan_id
            WHERE v.m & p.live <> 0 AND v.dp_hourly_hours > 0
            GROUP BY 1""";

    private final JdbcClient jdbc;
    private final Councils councils;

    SavingsVsAgencyFigure(JdbcClient jdbc, Councils councils) {
        this.jdbc = jdbc;
        this.councils = councils;
    }

    @Override
    public String key() {
        return "savingsVsAgency";
    }

    private record Paid(long minutes, long paidPence) {
    }

    private record Planned(BigDecimal hourDays, BigDecimal savingDays) {
    }

    @Override
    public SavingsVsAgency compute(CouncilFacts council, Period period) {
        long agency = councils.settings(council.id()).settings().agencyHourlyRate().pence();
        Map<YearMonth, Paid> paid = new HashMap<>();
        jdbc.sql("""
                        SELECT date_trunc('month', w.pay_date)::date AS month, sum(w.minutes)::bigint AS minutes,
                               sum(w.amount_pence)::bigint AS paid
                        FROM insights_paid_work w
                        WHERE w.council_id = :council AND w.pay_date BETWEEN :from AND :to
                        GROUP BY 1""")
                .param("council", council.id()).param("from", period.from()).param("to", period.to())
                .query(rs -> {
                    paid.put(YearMonth.from(rs.getObject("month", LocalDate.class)), new Paid(rs.getLong("minutes"), rs.getLong("paid")));
                });
        // Planned: for each month, the hourly direct payment lines of the plan version in force at the
        // month's end (the latest, if two are) of each plan with a direct payment live then, for people
        // with no PA employed through dphub by then, × the month's days in the period. Read once, not
        // month by month: each payment, employment and version becomes a bit mask of the months' last
        // days it covers (as UptakeFigure does); a version keeps the months no later version of its plan
        // covers; its hourly direct payment lines, added up when they were written (plans' plan_version_support:
        // the hours and the hours × rate, exactly), are summed by mask and spread over the months here.
        List<YearMonth> periodMonths = period.months();
        BigDecimal[] hourDays = new BigDecimal[periodMonths.size()];
        BigDecimal[] savingDays = new BigDecimal[periodMonths.size()];
        java.util.Arrays.fill(hourDays, BigDecimal.ZERO);
        java.util.Arrays.fill(savingDays, BigDecimal.ZERO);
        jdbc.sql(PLANNED)
                .param("council", council.id()).param("from", period.from()).param("to", period.to()).param("ends", MonthEnds.of(period)).param("agency", agency)
                .query(rs -> {
                    long mask = rs.getLong("mask");
                    for (int i = 0; i < periodMonths.size(); i++) {
                        if ((mask & (1L << i)) != 0) {
                            YearMonth m = periodMonths.get(i);
                            LocalDate first = m.atDay(1).isBefore(period.from()) ? period.from() : m.atDay(1);
                            LocalDate last = m.atEndOfMonth().isAfter(period.to()) ? period.to() : m.atEndOfMonth();
                            BigDecimal days = BigDecimal.valueOf(java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1);
                            hourDays[i] = hourDays[i].add(rs.getBigDecimal("hours").multiply(days));
                            savingDays[i] = savingDays[i].add(rs.getBigDecimal("savings").multiply(days));
                        }
                    }
                });
        Map<YearMonth, Planned> planned = new HashMap<>();
        for (int i = 0; i < periodMonths.size(); i++) {
            if (hourDays[i].signum() != 0 || savingDays[i].signum() != 0) {
                planned.put(periodMonths.get(i), new Planned(hourDays[i], savingDays[i]));
            }
        }
        List<SavingsVsAgency.Month> months = new ArrayList<>();
        long minutes = 0;
        long paidTotal = 0;
        long agencyTotal = 0;
        BigDecimal plannedHours = BigDecimal.ZERO.setScale(2);
        long plannedSavings = 0;
        for (YearMonth m : period.months()) {
            Paid p = paid.getOrDefault(m, new Paid(0, 0));
            // what agency care would have cost for the same hours: minutes × rate ÷ 60, to the penny, half up
            long agencyPence = BigDecimal.valueOf(p.minutes()).multiply(BigDecimal.valueOf(agency))
                    .divide(BigDecimal.valueOf(60), 0, RoundingMode.HALF_UP).longValueExact();
            Planned plan = planned.getOrDefault(m, new Planned(BigDecimal.ZERO, BigDecimal.ZERO));
            BigDecimal planHours = plan.hourDays().divide(BigDecimal.valueOf(7), 2, RoundingMode.HALF_UP);
            long planSavings = plan.savingDays().divide(BigDecimal.valueOf(7), 0, RoundingMode.HALF_UP).longValueExact();
            months.add(new SavingsVsAgency.Month(m, hours(p.minutes()), p.paidPence(), agencyPence,
                    Math.subtractExact(agencyPence, p.paidPence()), planHours, planSavings));
            minutes = Math.addExact(minutes, p.minutes());
            paidTotal = Math.addExact(paidTotal, p.paidPence());
            agencyTotal = Math.addExact(agencyTotal, agencyPence);
            plannedHours = plannedHours.add(planHours);
            plannedSavings = Math.addExact(plannedSavings, planSavings);
        }
        return new SavingsVsAgency(Math.subtractExact(agencyTotal, paidTotal), hours(minutes), paidTotal, agencyTotal, agency,
                months, new SavingsVsAgency.Planned(plannedHours, plannedSavings));
    }

    private static BigDecimal hours(long minutes) {
        return BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }
}
