package org.dphub.insights.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dphub.insights.Figure;
import org.dphub.insights.PaMarket;
import org.dphub.insights.Percent;
import org.dphub.insights.Percentiles;
import org.dphub.insights.Period;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The PA market. Vacancies are the council's own; the register is national, so a council counts
 * the profiles live and visible at each month end whose home postcode district is one its people
 * live in. A profile's status on a past day is its last status change (from the audit trail, as the
 * register's own history copies it) on or before that day; before its first recorded change, the
 * status that change started from; with none recorded (rows loaded as they are), its status now, from
 * the day it was created.
 */
@Component
public class PaMarketFigure implements Figure<PaMarket> {

    private final JdbcClient jdbc;

    PaMarketFigure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "vacancies";
    }

    @Override
    public PaMarket compute(CouncilFacts council, Period period) {
        Map<YearMonth, Long> opened = new HashMap<>();
        jdbc.sql("""
                        SELECT date_trunc('month', v.opened_on)::date AS month, count(*) AS n FROM insights_vacancy v
                        WHERE v.council_id = :council AND v.opened_on BETWEEN :from AND :to GROUP BY 1""")
                .param("council", council.id()).param("from", period.from()).param("to", period.to())
                .query(rs -> {
                    opened.put(YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getLong("n"));
                });
        Histograms days = new Histograms();
        jdbc.sql("""
                        SELECT date_trunc('month', v.filled_on)::date AS month, (v.filled_on - v.opened_on) AS days, count(*) AS n
                        FROM insights_vacancy v
                        WHERE v.council_id = :council AND v.filled_on BETWEEN :from AND :to GROUP BY 1, 2""")
                .param("council", council.id()).param("from", period.from()).param("to", period.to())
                .query(rs -> {
                    days.add(YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getLong("days"), rs.getLong("n"));
                });
        Map<YearMonth, Long> live = liveProfiles(council.id(), period);
        List<PaMarket.Month> months = period.months().stream().map(m -> {
            Percentiles p = days.month(m);
            return new PaMarket.Month(m, opened.getOrDefault(m, 0L), p.count(), Percent.oneDecimal(p.median()),
                    live.getOrDefault(m, 0L));
        }).toList();
        Percentiles all = days.overall();
        return new PaMarket(months.stream().mapToLong(PaMarket.Month::opened).sum(), all.count(), Percent.oneDecimal(all.median()),
                months.get(months.size() - 1).liveProfiles(), months);
    }

    private Map<YearMonth, Long> liveProfiles(long councilId, Period period) {
        Map<YearMonth, Long> live = new HashMap<>();
        List<YearMonth> months = period.months();
        jdbc.sql("""
                        WITH months AS (
                            SELECT m::date AS month_start,
                                   least((m + interval '1 month' - interval '1 day')::date, CAST(:to AS date)) AS month_end
                            FROM generate_series(date_trunc('month', CAST(:from AS date)),
                                                 date_trunc('month', CAST(:to AS date)), interval '1 month') m),
                        nearby AS MATERIALIZED (
                            SELECT p.id, p.status, p.created_at FROM insights_pa_profile p
                            WHERE p.visible AND p.home_district IN (SELECT d.district FROM insights_person_district d
                                                                    WHERE d.council_id = :council)),
                        -- each profile's LIVE spans: after each change to LIVE until its next change, and before its first
                        -- change (from its creation) if the status that change started from was LIVE, or, with none
                        -- recorded, if it is LIVE now. The register's own history (marketplace's pa_profile_status_history,
                        -- copied from the audit trail as each change is recorded) keeps which change is a profile's first
                        -- and when the next one happened, so nothing is sorted here.
                        spans AS (
                            SELECT c.profile_id, c.occurred_at AS valid_from, coalesce(c.next_occurred_at, TIMESTAMPTZ 'infinity') AS valid_to,
                                   c.after_status AS status
                            FROM insights_pa_profile_status_change c
                            WHERE c.after_status = 'LIVE' AND c.profile_id IN (SELECT id FROM nearby)
                            UNION ALL
                            SELECT p.id, p.created_at, coalesce(f.occurred_at, TIMESTAMPTZ 'infinity'), coalesce(f.before_status, p.status)
                            FROM nearby p LEFT JOIN insights_pa_profile_status_change f ON f.profile_id = p.id AND f.first_change),
                        month_ends AS (
                            -- the instant each month ends (the period's last day for the last month), in order
                            SELECT array_agg(((month_end + 1)::timestamp AT TIME ZONE 'Europe/London') ORDER BY month_start) AS e
                            FROM months),
                        -- each LIVE span covers a run of those instants: from the first after it starts to the last
                        -- on or before it ends, as a bit mask; a profile's masks OR-ed so it counts once a month
                        live AS (
                            SELECT s.profile_id, bit_or((1::bigint << width_bucket(s.valid_to, x.e))
                                                        - (1::bigint << width_bucket(s.valid_from, x.e))) AS mask
                            FROM spans s CROSS JOIN month_ends x
                            WHERE s.status = 'LIVE' AND width_bucket(s.valid_from, x.e) < width_bucket(s.valid_to, x.e)
                            GROUP BY s.profile_id)
                        SELECT mask, count(*) AS n FROM live GROUP BY mask""")
                .param("council", councilId).param("from", period.from()).param("to", period.to())
                .query(rs -> {
                    long mask = rs.getLong("mask");
                    for (int i = 0; i < months.size(); i++) {
                        if ((mask & (1L << i)) != 0) {
                            live.merge(months.get(i), rs.getLong("n"), Long::sum);
                        }
                    }
                });
        return live;
    }
}
