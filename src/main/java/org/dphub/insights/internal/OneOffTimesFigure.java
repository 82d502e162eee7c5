package org.dphub.insights.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.dphub.insights.Figure;
import org.dphub.insights.OneOffTimes;
import org.dphub.insights.Percent;
import org.dphub.insights.Percentiles;
import org.dphub.insights.Period;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Connect and Enable one-offs approved in the period (by the UK day of the approval): minutes from
 * request to approval, counted by SQL, shown in hours. A practitioner's own approval within their
 * limit is immediate, so it counts as 0 hours.
 */
@Component
public class OneOffTimesFigure implements Figure<OneOffTimes> {

    private final JdbcClient jdbc;

    OneOffTimesFigure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "oneOffs";
    }

    @Override
    public OneOffTimes compute(CouncilFacts council, Period period) {
        Histograms minutes = new Histograms();
        jdbc.sql("""
                        SELECT date_trunc('month', (o.decided_at AT TIME ZONE 'Europe/London'))::date AS month,
                               greatest(0, round(extract(epoch FROM o.decided_at - o.requested_at) / 60))::bigint AS minutes,
                               count(*) AS n
                        FROM insights_one_off o
                        WHERE o.council_id = :council AND o.status = 'APPROVED' AND o.decided_at IS NOT NULL
                          AND (o.decided_at AT TIME ZONE 'Europe/London')::date BETWEEN :from AND :to
                        GROUP BY 1, 2""")
                .param("council", council.id()).param("from", period.from()).param("to", period.to())
                .query(rs -> {
                    minutes.add(YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getLong("minutes"), rs.getLong("n"));
                });
        List<OneOffTimes.Month> months = period.months().stream().map(m -> {
            Percentiles p = minutes.month(m);
            return new OneOffTimes.Month(m, p.count(), hours(p.median()), hours(p.percentile(0.9)));
        }).toList();
        Percentiles all = minutes.overall();
        return new OneOffTimes(hours(all.median()), hours(all.percentile(0.9)), all.count(), months);
    }

    private static java.math.BigDecimal hours(Double minutes) {
        return minutes == null ? null : Percent.oneDecimal(minutes / 60.0);
    }
}
