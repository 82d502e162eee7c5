package org.dphub.insights.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        // The council's direct payments and plan versions are read once, and nothing is sorted. Each
        // row covers a run of the months' last days (the period's last day for the last month): from
        // the first of those days on or after its first day to the last on or before its last day,
        // both found by width_bucket in the sorted array of those days. The run is a bit mask (a
        // period has at most 61 months); a person's masks are OR-ed together, so someone with two
        // direct payments (or plan versions) at a month's end is counted once; the people are then
        // counted by mask, and the masks' bits added up here (docs/PERFORMANCE.md, "bin/bench insights").
        List<YearMonth> periodMonths = period.months();
        long[] active = new long[periodMonths.size()];
        long[] withPlan = new long[periodMonths.size()];
        jdbc.sql("""
                        -- inclusive days; a direct payment no longer counts from the day it ended. The people with a
                        -- direct payment and the people with a plan are grouped apart: two smaller groupings are
                        -- cheaper than one of both kinds of row together (620,000 groups at the benchmark's scale)
                        WITH dp AS (
                            SELECT d.citizen_id, bit_or((1::bigint << width_bucket(coalesce(d.ended_on - 1, DATE 'infinity'), CAST(:ends AS date[])))
                                                        - (1::bigint << width_bucket(d.active_from - 1, CAST(:ends AS date[])))) AS mask
                            FROM insights_direct_payment d
                            WHERE d.council_id = :council AND d.active_from <= :to
                              AND (d.ended_on IS NULL OR d.ended_on > date_trunc('month', CAST(:from AS date))::date)
                              AND width_bucket(d.active_from - 1, CAST(:ends AS date[])) < width_bucket(coalesce(d.ended_on - 1, DATE 'infinity'), CAST(:ends AS date[]))
                            GROUP BY d.citizen_id),
                        plan AS (
                            SELECT v.citizen_id, bit_or((1::bigint << width_bucket(coalesce(v.end_date, DATE 'infinity'), CAST(:ends AS date[])))
                                                        - (1::bigint << width_bucket(v.start_date - 1, CAST(:ends AS date[])))) AS mask
                            FROM insights_plan_version v
                            WHERE v.council_id = :council AND v.start_date <= :to
                              AND (v.end_date IS NULL OR v.end_date >= date_trunc('month', CAST(:from AS date))::date)
                              AND width_bucket(v.start_date - 1, CAST(:ends AS date[])) < width_bucket(coalesce(v.end_date, DATE 'infinity'), CAST(:ends AS date[]))
                            GROUP BY v.citizen_id)
                        SELECT 'DP' AS kind, mask, count(*) AS n FROM dp GROUP BY mask
                        UNION ALL
                        SELECT 'PLAN', mask, count(*) FROM plan GROUP BY mask""")
                .param("council", council.id()).param("from", period.from()).param("to", period.to())
                .param("ends", MonthEnds.of(period))
                .query(rs -> {
                    long[] counts = "DP".equals(rs.getString("kind")) ? active : withPlan;
                    long mask = rs.getLong("mask");
                    long n = rs.getLong("n");
                    for (int i = 0; i < counts.length; i++) {
                        if ((mask & (1L << i)) != 0) {
                            counts[i] += n;
                        }
                    }
                });
        Map<YearMonth, long[]> startedEnded = new HashMap<>();
        jdbc.sql("""
                        SELECT date_trunc('month', d.active_from)::date AS month_start, 0 AS which, count(*) AS n
                        FROM insights_direct_payment d
                        WHERE d.council_id = :council AND d.active_from BETWEEN :from AND :to GROUP BY 1
                        UNION ALL
                        SELECT date_trunc('month', d.ended_on)::date, 1, count(*)
                        FROM insights_direct_payment d
                        WHERE d.council_id = :council AND d.active_from <= :to AND d.ended_on BETWEEN :from AND :to GROUP BY 1""")
                .param("council", council.id()).param("from", period.from()).param("to", period.to())
                .query(rs -> {
                    startedEnded.computeIfAbsent(YearMonth.from(rs.getObject("month_start", LocalDate.class)), m -> new long[2])
                            [rs.getInt("which")] += rs.getLong("n");
                });
        List<Uptake.Month> months = new ArrayList<>();
        for (int i = 0; i < periodMonths.size(); i++) {
            long[] se = startedEnded.getOrDefault(periodMonths.get(i), new long[2]);
            months.add(new Uptake.Month(periodMonths.get(i), active[i], withPlan[i], Percent.of(active[i], withPlan[i]), se[0], se[1]));
        }
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
