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
        // One pass: each review occasion (the first review, due the first-review months after the start; after
        // each review the next, due the interval after it) is made once and counted once, with the reviews done,
        // in one aggregate whose rows say what they count: a due month (an occasion due in the period while the
        // payment lasts), an overdue mask (the months' last days on which it was overdue, as UptakeFigure's
        // masks), or a month a review was done in (and whether it met the review due before it).
        jdbc.sql("""
                        WITH payments AS (
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
                        -- the first review, once a payment (on the row of its first review, or of no review), and after
                        -- each review the next. Each is the payment's next review from valid_from until the next review is done.
                        occasions AS (
                            SELECT CAST(x.start_date + make_interval(months => :first) AS date) AS due_on, DATE '-infinity' AS valid_from,
                                   coalesce(x.reviewed_on, DATE 'infinity') AS valid_to, x.active_from, x.ended_on
                            FROM reviewed x WHERE x.previous_reviewed_on IS NULL
                            UNION ALL
                            SELECT CAST(x.reviewed_on + make_interval(months => :interval) AS date), x.reviewed_on,
                                   coalesce(x.next_reviewed_on, DATE 'infinity'), x.active_from, x.ended_on
                            FROM reviewed x WHERE x.reviewed_on IS NOT NULL),
                        -- overdue at a month end: in force then, and the review it was waiting for then was due before it:
                        -- a run of the months' last days from a to b. A review done meets the one due after the review
                        -- before it (the first, the first review).
                        counted AS (
                            SELECT CASE WHEN o.due_on BETWEEN :from AND :to AND (o.ended_on IS NULL OR o.ended_on > o.due_on)
                                        THEN date_trunc('month', o.due_on)::date END AS due_month,
                                   width_bucket(greatest(o.valid_from, o.due_on + 1, o.active_from) - 1, CAST(:ends AS date[])) AS a,
                                   width_bucket(least(o.valid_to - 1, coalesce(o.ended_on - 1, DATE 'infinity')), CAST(:ends AS date[])) AS b,
                                   NULL::date AS done_month, NULL::boolean AS on_time
                            FROM occasions o
                            UNION ALL
                            SELECT NULL, 0, 0, date_trunc('month', x.reviewed_on)::date,
                                   x.reviewed_on <= coalesce(CAST(x.previous_reviewed_on + make_interval(months => :interval) AS date),
                                                             CAST(x.start_date + make_interval(months => :first) AS date))
                            FROM reviewed x WHERE x.reviewed_on BETWEEN :from AND :to)
                        SELECT c.due_month, CASE WHEN c.a < c.b THEN (1::bigint << c.b) - (1::bigint << c.a) ELSE 0 END AS mask,
                               c.done_month, c.on_time, count(*) AS n
                        FROM counted c
                        WHERE c.due_month IS NOT NULL OR c.a < c.b OR c.done_month IS NOT NULL
                        GROUP BY 1, 2, 3, 4""")
                .param("council", council.id()).param("from", period.from()).param("to", period.to())
                .param("first", first).param("interval", interval).param("ends", MonthEnds.of(period))
                .query(rs -> {
                    long n = rs.getLong("n");
                    LocalDate due = rs.getObject("due_month", LocalDate.class);
                    if (due != null) {
                        byMonth.computeIfAbsent(YearMonth.from(due), m -> new long[4])[0] += n;
                    }
                    LocalDate done = rs.getObject("done_month", LocalDate.class);
                    if (done != null) {
                        long[] v = byMonth.computeIfAbsent(YearMonth.from(done), m -> new long[4]);
                        v[1] += n;
                        if (rs.getBoolean("on_time")) {
                            v[2] += n;
                        }
                    }
                    long mask = rs.getLong("mask");
                    for (int i = 0; i < periodMonths.size(); i++) {
                        if ((mask & (1L << i)) != 0) {
                            byMonth.computeIfAbsent(periodMonths.get(i), m -> new long[4])[3] += n;
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
