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
        List<Uptake.Month> months = jdbc.sql("""
                        WITH months AS (
                            SELECT m::date AS month_start,
                                   least((m + interval '1 month' - interval '1 day')::date, CAST(:to AS date)) AS month_end
                            FROM generate_series(date_trunc('month', CAST(:from AS date)),
                                                 date_trunc('month', CAST(:to AS date)), interval '1 month') m)
                        SELECT mo.month_start,
                            (SELECT count(DISTINCT d.citizen_id) FROM insights_direct_payment d
                             WHERE d.council_id = :council AND d.active_from <= mo.month_end
                               AND (d.ended_on IS NULL OR d.ended_on > mo.month_end)) AS active,
                            (SELECT count(DISTINCT v.citizen_id) FROM insights_plan_version v
                             WHERE v.council_id = :council AND v.start_date <= mo.month_end
                               AND (v.end_date IS NULL OR v.end_date >= mo.month_end)) AS with_plan,
                            (SELECT count(*) FROM insights_direct_payment d
                             WHERE d.council_id = :council
                               AND d.active_from BETWEEN greatest(mo.month_start, CAST(:from AS date)) AND mo.month_end) AS started,
                            (SELECT count(*) FROM insights_direct_payment d
                             WHERE d.council_id = :council
                               AND d.ended_on BETWEEN greatest(mo.month_start, CAST(:from AS date)) AND mo.month_end) AS ended
                        FROM months mo ORDER BY mo.month_start""")
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
