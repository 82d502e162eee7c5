package org.dphub.insights.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.dphub.insights.Figure;
import org.dphub.insights.Percent;
import org.dphub.insights.Period;
import org.dphub.insights.Uptake;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Uptake by month. A direct payment is active from the day it was agreed (not before its start
 * date) until the day it ends; a suspended one still counts, as CLD counts a suspended service as
 * ongoing. A person has a plan on a day when a version of their plan covers it.
 */
@Component
public class UptakeFigure implements Figure<Uptake> {

    private final JdbcClient jdbc;

    UptakeFigure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "uptake";
    }

    @Override
    public Uptake compute(CouncilFacts council, Period period) {
        // The council's direct payments and plan versions are read once. "At least one in force on the
        // month's last day" is counted without a join of every month to every row: each person's spans
        // (days with a direct payment, days with a plan) are merged where they overlap or touch, so
        // each person is in at most one merged span a day; each span covers a run of month ends,
        // from its first month to its last, so the count at each month end is a running sum of
        // spans opening minus spans closing (docs/PERFORMANCE.md, "bin/bench insights").
        List<Uptake.Month> months = jdbc.sql("""
                        WITH months AS (
                            SELECT m::date AS month_start
                            FROM generate_series(date_trunc('month', CAST(:from AS date)),
                                                 date_trunc('month', CAST(:to AS date)), interval '1 month') m),
                        payments AS MATERIALIZED (
                            SELECT d.citizen_id, d.active_from, d.ended_on FROM insights_direct_payment d
                            WHERE d.council_id = :council AND d.active_from <= :to),
                        spans AS (
                            -- inclusive days; a direct payment no longer counts from the day it ended
                            SELECT 'DP' AS kind, p.citizen_id, p.active_from AS first_day, p.ended_on - 1 AS last_day
                            FROM payments p
                            WHERE p.ended_on IS NULL
                               OR p.ended_on > greatest(p.active_from, date_trunc('month', CAST(:from AS date))::date)
                            UNION ALL
                            SELECT 'PLAN', v.citizen_id, v.start_date, v.end_date FROM insights_plan_version v
                            WHERE v.council_id = :council AND v.start_date <= :to
                              AND (v.end_date IS NULL OR v.end_date >= date_trunc('month', CAST(:from AS date))::date)),
                        marked AS (
                            SELECT kind, citizen_id, first_day, coalesce(last_day, 'infinity') AS last_day,
                                   CASE WHEN first_day <= 1 + max(coalesce(last_day, 'infinity')) OVER (
                                            PARTITION BY kind, citizen_id ORDER BY first_day, last_day
                                            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) THEN 0 ELSE 1 END AS opens
                            FROM spans),
                        numbered AS (
                            SELECT kind, citizen_id, first_day, last_day,
                                   sum(opens) OVER (PARTITION BY kind, citizen_id ORDER BY first_day, last_day
                                                    ROWS UNBOUNDED PRECEDING) AS span
                            FROM marked),
                        merged AS (
                            -- the months whose last day (the period's last day for the last month) the span covers
                            SELECT kind, greatest(date_trunc('month', min(first_day)), date_trunc('month', CAST(:from AS date)))::date
                                       AS from_month,
                                   CASE WHEN max(last_day) >= CAST(:to AS date) THEN date_trunc('month', CAST(:to AS date))
                                        ELSE date_trunc('month', max(last_day) + 1) - interval '1 month' END::date AS to_month
                            FROM numbered GROUP BY kind, citizen_id, span),
                        steps AS (
                            SELECT kind, from_month AS month_start, 1 AS step FROM merged WHERE from_month <= to_month
                            UNION ALL
                            SELECT kind, (to_month + interval '1 month')::date, -1 FROM merged WHERE from_month <= to_month),
                        counted AS (
                            SELECT m.month_start,
                                   sum(coalesce(sum(s.step) FILTER (WHERE s.kind = 'DP'), 0)) OVER (ORDER BY m.month_start) AS active,
                                   sum(coalesce(sum(s.step) FILTER (WHERE s.kind = 'PLAN'), 0)) OVER (ORDER BY m.month_start)
                                       AS with_plan
                            FROM months m LEFT JOIN steps s ON s.month_start = m.month_start
                            GROUP BY m.month_start),
                        started AS (
                            SELECT date_trunc('month', p.active_from)::date AS month_start, count(*) AS n FROM payments p
                            WHERE p.active_from BETWEEN :from AND :to GROUP BY 1),
                        ended AS (
                            SELECT date_trunc('month', p.ended_on)::date AS month_start, count(*) AS n FROM payments p
                            WHERE p.ended_on BETWEEN :from AND :to GROUP BY 1)
                        SELECT c.month_start, c.active, c.with_plan, coalesce(s.n, 0) AS started, coalesce(e.n, 0) AS ended
                        FROM counted c
                        LEFT JOIN started s ON s.month_start = c.month_start
                        LEFT JOIN ended e ON e.month_start = c.month_start
                        ORDER BY c.month_start""")
                .param("council", council.id()).param("from", period.from()).param("to", period.to())
                .query((rs, row) -> {
                    long active = rs.getLong("active");
                    long withPlan = rs.getLong("with_plan");
                    return new Uptake.Month(YearMonth.from(rs.getObject("month_start", LocalDate.class)), active, withPlan,
                            Percent.of(active, withPlan), rs.getLong("started"), rs.getLong("ended"));
                })
                .list();
        Uptake.Month last = months.get(months.size() - 1);
        return new Uptake(last.activeDirectPayments(), last.peopleWithPlan(), last.sharePercent(),
                months.stream().mapToLong(Uptake.Month::newDirectPayments).sum(),
                months.stream().mapToLong(Uptake.Month::endedDirectPayments).sum(), months);
    }

    /** People with a direct payment in force today (counted for the home page: one indexed count). */
    public long activeOn(long councilId, LocalDate day) {
        return jdbc.sql("""
                        SELECT count(DISTINCT d.citizen_id) FROM insights_direct_payment d
                        WHERE d.council_id = :council AND d.status IN ('ACTIVE', 'SUSPENDED') AND d.active_from <= :day""")
                .param("council", councilId).param("day", day).query(Long.class).single();
    }
}
