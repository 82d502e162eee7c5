package org.dphub.insights.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dphub.councils.Councils;
import org.dphub.insights.Figure;
import org.dphub.insights.PaPayRates;
import org.dphub.insights.Percentiles;
import org.dphub.insights.Period;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * PA rates of pay: each employment with a payslip in an approved run paid in the period counts
 * once, at its agreed hourly rate in force on its last pay date in the period. By the postcode
 * district of the PA's home (their marketplace profile), for the council's employers; and across
 * every council (national: one overall figure, never a district or a council). SQL counts each
 * rate; {@link Percentiles} interpolates as {@code percentile_cont} does; groups under 5 rates are
 * suppressed.
 */
@Component
public class PaPayRatesFigure implements Figure<PaPayRates> {

    /** Each rate counted, by district, for one council or (council null) every council. */
    private static final String RATES = """
            WITH paid AS (
                -- each employment's last approved payslip in the period: one index look-up an employment
                SELECT e.id AS employment_id, e.pa_postcode_district, last.pay_date AS last_paid
                FROM insights_pa_employment e
                CROSS JOIN LATERAL (SELECT s.pay_date FROM insights_paid_payslip s
                                    WHERE s.employment_id = e.id AND s.pay_date BETWEEN :from AND :to
                                    ORDER BY s.pay_date DESC LIMIT 1) last
                WHERE %s)
            SELECT p.pa_postcode_district AS district, r.hourly_rate_pence AS rate, count(*) AS n
            FROM paid p
            CROSS JOIN LATERAL (
                SELECT t.hourly_rate_pence FROM insights_pa_employment_rate t
                WHERE t.employment_id = p.employment_id
                ORDER BY (t.effective_from <= p.last_paid) DESC, t.effective_from DESC, t.id DESC LIMIT 1) r
            GROUP BY 1, 2""";

    private final JdbcClient jdbc;
    private final Councils councils;

    PaPayRatesFigure(JdbcClient jdbc, Councils councils) {
        this.jdbc = jdbc;
        this.councils = councils;
    }

    @Override
    public String key() {
        return "paPayRates";
    }

    @Override
    public PaPayRates compute(CouncilFacts council, Period period) {
        Map<String, Map<Long, Long>> byDistrict = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        Map<Long, Long> overall = new TreeMap<>();
        rates(council.id(), period, (district, rate, n) -> {
            byDistrict.computeIfAbsent(district, d -> new TreeMap<>()).merge(rate, n, Long::sum);
            overall.merge(rate, n, Long::sum);
        });
        Map<Long, Long> national = new TreeMap<>();
        rates(null, period, (district, rate, n) -> national.merge(rate, n, Long::sum));
        List<PaPayRates.District> districts = new ArrayList<>();
        byDistrict.forEach((district, rates) -> districts.add(new PaPayRates.District(district,
                PaPayRates.Rates.of(Percentiles.of(rates)))));
        Long livingWage = jdbc.sql("""
                        SELECT w.hourly_pence FROM insights_national_living_wage w
                        WHERE w.effective_from <= :at ORDER BY w.effective_from DESC LIMIT 1""")
                .param("at", period.to()).query(Long.class).optional().orElse(null);
        Percentiles councilRates = Percentiles.of(overall);
        return new PaPayRates(PaPayRates.Rates.of(councilRates), districts,
                PaPayRates.Rates.of(Percentiles.of(national)), livingWage,
                councils.settings(council.id()).settings().paHourlyRate().pence(), period.to(), councilRates.count());
    }

    private interface RateCount {
        void add(String district, long rate, long count);
    }

    private void rates(Long councilId, Period period, RateCount sink) {
        var query = councilId == null ? jdbc.sql(RATES.formatted("TRUE"))
                : jdbc.sql(RATES.formatted("e.council_id = :council")).param("council", councilId);
        query.param("from", period.from()).param("to", period.to())
                .query(rs -> {
                    sink.add(rs.getString("district"), rs.getLong("rate"), rs.getLong("n"));
                });
    }
}
