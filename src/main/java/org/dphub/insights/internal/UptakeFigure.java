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
        // the council's direct payments and plan versions are read once, then counted for every month end
        List<Uptake.Month> months = jdbc.sql("""
                        WITH months AS (
                            SELECT m::date AS month_start,
                                   least((m + interval '1 month' - interval '1 day')::date, CAST(:to AS date)) AS month_end
                            FROM generate_series(date_trunc('month', CAST(:from AS date)),
                                                 date_trunc('month', CAST(:to AS date)), interval '1 month') m),
                        payments AS MATERIALIZED (
                            SELECT d.citizen_id, d.active_from, d.ended_on FROM insights_direct_payment d
                            WHERE d.council_id = :council AND d.active_from <= :to
                              AND (d.ended_on IS NULL OR d.ended_on >= date_trunc('month', CAST(:from AS date))::date)),
                        versions AS MATERIALIZED (
                            SELECT v.citizen_id, v.start_date, v.end_date FROM insights_plan_version v
                            WHERE v.council_id = :council AND v.start_date <= :to
                              AND (v.end_date IS NULL OR v.end_date >= date_trunc('month', CAST(:from AS date))::date)),
                        active AS (
                            SELECT m.month_start, count(DISTINCT p.citizen_id) AS n FROM months m
                            JOIN payments p ON p.active_from <= m.month_end AND (p.ended_on IS NULL OR p.ended_on > m.month_end)
                            GROUP BY m.month_start),
                        with_plan AS (
                            SELECT m.month_start, count(DISTINCT v.citizen_id) AS n FROM months m
                            JOIN versions v ON v.start_date <= m.month_end AND (v.end_date IS NULL OR v.end_date >= m.month_end)
                            GROUP BY m.month_start),
                        started AS (
                            SELECT date_trunc('month', p.active_from)::date AS month_start, count(*) AS n FROM payments p
                            WHERE p.active_from BETWEEN :from AND :to GROUP BY 1),
                        ended AS (
                            SELECT date_trunc('month', p.ended_on)::date AS month_start, count(*) AS n FROM payments p
                            WHERE p.ended_on BETWEEN :from AND :to GROUP BY 1)
                        SELECT m.month_start, coalesce(a.n, 0) AS active, coalesce(w.n, 0) AS with_plan,
                               coalesce(s.n, 0) AS started, coalesce(e.n, 0) AS ended
                        FROM months m
                        LEFT JOIN active a ON a.month_start = m.month_start
                        LEFT JOIN with_plan w ON w.month_start = m.month_start
                        LEFT JOIN started s ON s.month_start = m.month_start
                        LEFT JOIN ended e ON e.month_start = m.month_start
                        ORDER BY m.month_start""")
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
