package org.dphub.insights.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.dphub.insights.Figure;
import org.dphub.insights.Percent;
import org.dphub.insights.Percentiles;
import org.dphub.insights.Period;
import org.dphub.insights.TimeToMoney;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Time to money: the request date and the first payment's date are both recorded on the direct
 * payment (the payment run records the first payment: {@code PaymentRunRepository.firstPayments}).
 * SQL counts the days by month; {@link Percentiles} does the rest.
 */
@Component
public class TimeToMoneyFigure implements Figure<TimeToMoney> {

    private final JdbcClient jdbc;

    TimeToMoneyFigure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "timeToMoney";
    }

    @Override
    public TimeToMoney compute(CouncilFacts council, Period period) {
        Histograms days = new Histograms();
        jdbc.sql("""
                        SELECT date_trunc('month', d.first_payment_date)::date AS month,
                               (d.first_payment_date - d.requested_on) AS days, count(*) AS n
                        FROM insights_direct_payment d
                        WHERE d.council_id = :council AND d.first_payment_date BETWEEN :from AND :to
                        GROUP BY 1, 2""")
                .param("council", council.id()).param("from", period.from()).param("to", period.to())
                .query(rs -> {
                    days.add(YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getLong("days"), rs.getLong("n"));
                });
        int target = council.targetDaysToMoney();
        List<TimeToMoney.Month> months = period.months().stream().map(m -> {
            Percentiles p = days.month(m);
            return new TimeToMoney.Month(m, p.count(), Percent.oneDecimal(p.median()), Percent.oneDecimal(p.percentile(0.9)),
                    Percent.of(p.atMost(target), p.count()));
        }).toList();
        Percentiles all = days.overall();
        return new TimeToMoney(Percent.oneDecimal(all.median()), Percent.oneDecimal(all.percentile(0.9)),
                Percent.of(all.atMost(target), all.count()), all.count(), all.atMost(target), target, months);
    }
}
