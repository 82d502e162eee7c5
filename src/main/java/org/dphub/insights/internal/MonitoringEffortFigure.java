package org.dphub.insights.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dphub.insights.Figure;
import org.dphub.insights.MonitoringEffort;
import org.dphub.insights.Period;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Monitoring effort against findings, as {@code monitoring.Checks.effort} counts it (per outcome:
 * checks and minutes) but for the chosen period, by month and by the reason each account was
 * selected. Every outcome and reason is listed, with 0 where there were none, so charts and CSVs
 * keep the same columns from one period to the next.
 */
@Component
public class MonitoringEffortFigure implements Figure<MonitoringEffort> {

    /** The outcomes (monitoring.CheckOutcome) and reasons (monitoring.CheckReason), in the order shown. */
    static final List<String> OUTCOMES = List.of("ALL_WELL", "QUESTION_ASKED", "SURPLUS_RECOVERY_PROPOSED", "REFERRAL");
    static final List<String> REASONS = List.of("NEW_DIRECT_PAYMENT", "SURPLUS", "UNLINKED_SPENDING", "MISSING_STATEMENTS",
            "CONCERN", MonitoringEffort.NO_REASON);

    private final JdbcClient jdbc;

    MonitoringEffortFigure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "monitoring";
    }

    @Override
    public MonitoringEffort compute(CouncilFacts council, Period period) {
        // month × outcome: checks and minutes
        Map<YearMonth, Map<String, long[]>> cells = new HashMap<>();
        jdbc.sql("""
                        SELECT date_trunc('month', k.checked_on)::date AS month, k.outcome, count(*) AS n,
                               coalesce(sum(k.minutes), 0) AS minutes
                        FROM insights_monitoring_check k
                        WHERE k.council_id = :council AND k.checked_on BETWEEN :from AND :to
                        GROUP BY 1, 2""")
                .param("council", council.id()).param("from", period.from()).param("to", period.to())
                .query(rs -> {
                    cells.computeIfAbsent(YearMonth.from(rs.getObject("month", LocalDate.class)), m -> new HashMap<>())
                            .put(rs.getString("outcome"), new long[] {rs.getLong("n"), rs.getLong("minutes")});
                });
        Map<String, long[]> reasons = new HashMap<>();
        jdbc.sql("""
                        SELECT coalesce(r.reason, 'NONE') AS reason, count(*) AS n, coalesce(sum(k.minutes), 0) AS minutes
                        FROM insights_monitoring_check k
                        LEFT JOIN LATERAL unnest(k.reasons) AS r(reason) ON true
                        WHERE k.council_id = :council AND k.checked_on BETWEEN :from AND :to
                        GROUP BY 1""")
                .param("council", council.id()).param("from", period.from()).param("to", period.to())
                .query(rs -> {
                    reasons.put(rs.getString("reason"), new long[] {rs.getLong("n"), rs.getLong("minutes")});
                });
        List<MonitoringEffort.Month> months = new ArrayList<>();
        long[][] byOutcome = new long[OUTCOMES.size()][2];
        for (YearMonth m : period.months()) {
            Map<String, long[]> cell = cells.getOrDefault(m, Map.of());
            long checks = 0;
            long minutes = 0;
            long findings = 0;
            List<Long> minutesByOutcome = new ArrayList<>();
            for (int i = 0; i < OUTCOMES.size(); i++) {
                long[] v = cell.getOrDefault(OUTCOMES.get(i), new long[2]);
                checks += v[0];
                minutes += v[1];
                if (!OUTCOMES.get(i).equals(MonitoringEffort.ALL_WELL)) {
                    findings += v[0];
                }
                byOutcome[i][0] += v[0];
                byOutcome[i][1] += v[1];
                minutesByOutcome.add(v[1]);
            }
            months.add(new MonitoringEffort.Month(m, checks, minutes, findings, minutesByOutcome));
        }
        List<MonitoringEffort.Part> outcomes = new ArrayList<>();
        for (int i = 0; i < OUTCOMES.size(); i++) {
            outcomes.add(new MonitoringEffort.Part(OUTCOMES.get(i), byOutcome[i][0], byOutcome[i][1]));
        }
        List<MonitoringEffort.Part> byReason = REASONS.stream().map(r -> {
            long[] v = reasons.getOrDefault(r, new long[2]);
            return new MonitoringEffort.Part(r, v[0], v[1]);
        }).toList();
        return new MonitoringEffort(months.stream().mapToLong(MonitoringEffort.Month::checks).sum(),
                months.stream().mapToLong(MonitoringEffort.Month::minutes).sum(),
                months.stream().mapToLong(MonitoringEffort.Month::withFindings).sum(), outcomes, byReason, months);
    }
}
