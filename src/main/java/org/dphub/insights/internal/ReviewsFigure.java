package org.dphub.insights.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dphub.councils.CouncilSettings;
import org.dphub.councils.Councils;
import org.dphub.insights.Figure;
import org.dphub.insights.Percent;
import org.dphub.insights.Period;
import org.dphub.insights.Reviews;
import org.dphub.plans.ReviewSchedule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reviews, scheduled exactly as {@link ReviewSchedule#nextReviewDue} does (and the plans module's
 * SQL count of overdue reviews): the first due the council's first-review months after the direct
 * payment's start date, each next one the review interval after the last review done. Review n (in
 * the order done) meets the review that was due after review n − 1 (the first meets the first).
 */
@Component
public class ReviewsFigure implements Figure<Reviews> {

    private final JdbcClient jdbc;
    private final Councils councils;

    ReviewsFigure(JdbcClient jdbc, Councils councils) {
        this.jdbc = jdbc;
        this.councils = councils;
    }

    @Override
    public String key() {
        return "reviews";
    }

    @Override
    public Reviews compute(CouncilFacts council, Period period) {
        CouncilSettings settings = councils.settings(council.id()).settings();
        int first = ReviewSchedule.firstReviewMonths(settings);
        int interval = ReviewSchedule.reviewIntervalMonths(settings);
        Map<YearMonth, long[]> byMonth = new HashMap<>();
        List<YearMonth> periodMonths = period.months();
        jdbc.sql("""
                        WITH months AS (
                            SELECT m::date AS month_start,
                                   least((m + interval '1 month' - interval '1 day')::date, CAST(:to AS date)) AS month_end
                            FROM generate_series(date_trunc('month', CAST(:from AS date)),
                                                 date_trunc('month', CAST(:to AS date)), interval '1 month') m),
                        payments AS MATERIALIZED (
                            SELECT d.id, d.start_date, d.active_from, d.ended_on FROM insights_direct_payment d
                            WHERE d.council_id = :council AND d.active_from IS NOT NULL AND d.active_from <= :to
                              AND (d.ended_on IS NULL OR d.ended_on >= date_trunc('month', CAST(:from AS date))::date)),
                        -- each review done by the period's end with its payment, and each payment with none (reviewed_on
                        -- null). A review keeps the days of the reviews done before and after it (plans keep them on the
                        -- row, in the order done: by day, then as written), so nothing here sorts or numbers the reviews.
                        reviewed AS MATERIALIZED (
                            SELECT p.id, p.start_date, p.active_from, p.ended_on, r.reviewed_on, r.previous_reviewed_on, r.next_reviewed_on
                            FROM payments p LEFT JOIN insights_review_done r
                              ON r.direct_payment_id = p.id AND r.council_id = :council AND r.reviewed_on <= :to),
                        -- the first review, due the first-review months after the start, once a payment (on the row of its
                        -- first review, or of no review); and after each review the next, due the interval after it. Each
                        -- is the payment's next review from valid_from until the next review is done.
                        occasions AS MATERIALIZED (
                            SELECT x.id, o.due_on, o.valid_from, o.valid_to, x.active_from, x.ended_on
                            FROM reviewed x CROSS JOIN LATERAL (VALUES
                                (x.previous_reviewed_on IS NULL, CAST(x.start_date + make_interval(months => :first) AS date),
                                 DATE '-infinity', coalesce(x.reviewed_on, DATE 'infinity')),
                                (x.reviewed_on IS NOT NULL, CAST(x.reviewed_on + make_interval(months => :interval) AS date),
                                 x.reviewed_on, coalesce(x.next_reviewed_on, DATE 'infinity'))) AS o(counts, due_on, valid_from, valid_to)
                            WHERE o.counts),
                        due AS (
                            SELECT date_trunc('month', o.due_on)::date AS month_start, count(*) AS n FROM occasions o
                            WHERE o.due_on BETWEEN :from AND :to AND (o.ended_on IS NULL OR o.ended_on > o.due_on)
                            GROUP BY 1),
                        -- a review meets the one due after the review before it (the first, the first review)
                        met AS (
                            SELECT date_trunc('month', x.reviewed_on)::date AS month_start, count(*) AS n,
                                   count(*) FILTER (WHERE x.reviewed_on <= coalesce(CAST(x.previous_reviewed_on + make_interval(months => :interval) AS date),
                                                                                CAST(x.start_date + make_interval(months => :first) AS date))) AS on_time
                            FROM reviewed x WHERE x.reviewed_on BETWEEN :from AND :to
                            GROUP BY 1),
                        -- overdue at a month end: in force then, and the review it was waiting for then was due
                        -- before it. Each occasion is overdue on a run of days, so on a run of the months' last
                        -- days: a bit mask (as UptakeFigure), counted by mask and spread over the months below.
                        ends AS (
                            SELECT array_agg(month_end ORDER BY month_start) AS e FROM months),
                        overdue_runs AS (
                            SELECT width_bucket(greatest(o.valid_from, o.due_on + 1, o.active_from) - 1, x.e) AS a,
                                   width_bucket(least(o.valid_to - 1, coalesce(o.ended_on - 1, DATE 'infinity')), x.e) AS b
                            FROM occasions o CROSS JOIN ends x),
                        overdue AS (
                            SELECT (1::bigint << b) - (1::bigint << a) AS mask, count(*) AS n FROM overdue_runs WHERE a < b GROUP BY 1)
                        SELECT m.month_start, coalesce(du.n, 0) AS due, coalesce(me.n, 0) AS done, coalesce(me.on_time, 0) AS on_time,
                               NULL::bigint AS mask, 0::bigint AS overdue
                        FROM months m
                        LEFT JOIN due du ON du.month_start = m.month_start
                        LEFT JOIN met me ON me.month_start = m.month_start
                        UNION ALL
                        SELECT NULL, 0, 0, 0, o.mask, o.n FROM overdue o""")
                .param("council", council.id()).param("from", period.from()).param("to", period.to())
                .param("first", first).param("interval", interval)
                .query(rs -> {
                    LocalDate month = rs.getObject("month_start", LocalDate.class);
                    if (month != null) {
                        long[] v = byMonth.computeIfAbsent(YearMonth.from(month), m -> new long[4]);
                        v[0] += rs.getLong("due");
                        v[1] += rs.getLong("done");
                        v[2] += rs.getLong("on_time");
                    } else {
                        long mask = rs.getLong("mask");
                        for (int i = 0; i < periodMonths.size(); i++) {
                            if ((mask & (1L << i)) != 0) {
                                byMonth.computeIfAbsent(periodMonths.get(i), m -> new long[4])[3] += rs.getLong("overdue");
                            }
                        }
                    }
                });
        List<Reviews.Month> months = period.months().stream().map(m -> {
            long[] v = byMonth.getOrDefault(m, new long[4]);
            return new Reviews.Month(m, v[0], v[1], v[2], v[3]);
        }).toList();
        long done = months.stream().mapToLong(Reviews.Month::done).sum();
        long onTime = months.stream().mapToLong(Reviews.Month::doneOnTime).sum();
        return new Reviews(months.stream().mapToLong(Reviews.Month::due).sum(), done, onTime,
                months.get(months.size() - 1).overdueAtMonthEnd(), Percent.of(onTime, done), first, interval, months);
    }
}
