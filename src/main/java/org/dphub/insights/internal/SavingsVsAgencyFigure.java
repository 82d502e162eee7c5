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
        Map<YearMonth, Planned> planned = new HashMap<>();
        jdbc.sql("""
                        WITH months AS (
                            SELECT m::date AS month_start, greatest(m::date, CAST(:from AS date)) AS first_day,
                                   least((m + interval '1 month' - interval '1 day')::date, CAST(:to AS date)) AS month_end
                            FROM generate_series(date_trunc('month', CAST(:from AS date)),
                                                 date_trunc('month', CAST(:to AS date)), interval '1 month') m),
                        live AS (
                            SELECT m.month_start, m.first_day, m.month_end, d.citizen_id, d.plan_id
                            FROM months m JOIN insights_direct_payment d ON d.council_id = :council
                             AND d.active_from <= m.month_end AND (d.ended_on IS NULL OR d.ended_on > m.month_end)
                            WHERE NOT EXISTS (SELECT 1 FROM insights_pa_employment e
                                              WHERE e.council_id = :council AND e.citizen_id = d.citizen_id
                                                AND e.started_on <= m.month_end)),
                        in_force AS (
                            SELECT DISTINCT ON (l.month_start, l.plan_id) l.month_start, l.first_day, l.month_end, v.version_id
                            FROM live l JOIN insights_plan_version v ON v.plan_id = l.plan_id AND v.council_id = :council
                             AND v.start_date <= l.month_end AND (v.end_date IS NULL OR v.end_date >= l.month_end)
                            ORDER BY l.month_start, l.plan_id, v.version DESC)
                        SELECT f.month_start,
                               sum(h.hours_per_week * (f.month_end - f.first_day + 1)) AS hour_days,
                               sum(h.hours_per_week * (f.month_end - f.first_day + 1) * (:agency - h.hourly_rate_pence)) AS saving_days
                        FROM in_force f JOIN insights_plan_hourly_line h ON h.version_id = f.version_id AND h.council_id = :council
                        WHERE h.delivery_mechanism = 'DIRECT_PAYMENT' AND h.hours_per_week > 0 AND h.hourly_rate_pence IS NOT NULL
                        GROUP BY f.month_start""")
                .param("council", council.id()).param("from", period.from()).param("to", period.to()).param("agency", agency)
                .query(rs -> {
                    planned.put(YearMonth.from(rs.getObject("month_start", LocalDate.class)),
                            new Planned(rs.getBigDecimal("hour_days"), rs.getBigDecimal("saving_days")));
                });
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
