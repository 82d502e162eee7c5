package org.dphub.insights.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dphub.insights.Figure;
import org.dphub.insights.HowSupportIsTaken;
import org.dphub.insights.Period;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How support is taken on the period's last day. The plan in force is each plan's latest version
 * started by that day and not ended, as ASCOF 3D reads it; a line's weekly money is the view's
 * {@code weekly_cost_pence}, worked out as {@code plans.BudgetCalculation} does (hours × rate, rounded
 * half up to the penny; a weekly amount; nothing for a one-off). A direct payment is in force from
 * its start while agreed, until it ended.
 * Every mechanism and kind is listed, with 0 where there are none, so the CSV keeps its columns.
 */
@Component
public class HowSupportIsTakenFigure implements Figure<HowSupportIsTaken> {

    private final JdbcClient jdbc;

    HowSupportIsTakenFigure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "howTaken";
    }

    @Override
    public HowSupportIsTaken compute(CouncilFacts council, Period period) {
        Map<String, long[]> mechanisms = new HashMap<>();
        Map<String, Long> plans = new HashMap<>();
        jdbc.sql("""
                        WITH versions AS MATERIALIZED (
                            SELECT v.plan_id, v.citizen_id, v.version_id, v.version, v.recipient_kind FROM insights_plan_version v
                            WHERE v.council_id = :council AND v.start_date <= :at AND (v.end_date IS NULL OR v.end_date >= :at)),
                        latest AS MATERIALIZED (
                            SELECT v.* FROM versions v
                            WHERE NOT EXISTS (SELECT 1 FROM versions w WHERE w.plan_id = v.plan_id AND w.version > v.version)),
                        lines AS (
                            SELECT f.citizen_id, l.delivery_mechanism, l.weekly_cost_pence AS weekly_pence
                            FROM latest f JOIN insights_budget_line l ON l.version_id = f.version_id)
                        SELECT 'M' AS part, delivery_mechanism AS name, count(DISTINCT citizen_id) AS people, sum(weekly_pence) AS pence
                        FROM lines GROUP BY delivery_mechanism
                        UNION ALL
                        SELECT 'R', recipient_kind, count(DISTINCT citizen_id), 0 FROM latest GROUP BY recipient_kind""")
                .param("council", council.id()).param("at", period.to())
                .query(rs -> {
                    if (rs.getString("part").equals("M")) {
                        mechanisms.put(rs.getString("name"), new long[] {rs.getLong("people"), rs.getLong("pence")});
                    } else {
                        plans.put(rs.getString("name"), rs.getLong("people"));
                    }
                });
        Map<String, long[]> payments = new HashMap<>();
        jdbc.sql("""
                        SELECT d.recipient_kind, count(*),
                               count(*) FILTER (WHERE d.account_type = 'BANK_ACCOUNT'),
                               count(*) FILTER (WHERE d.account_type = 'PREPAID_CARD'),
                               count(*) FILTER (WHERE d.account_type = 'MANAGED_ACCOUNT')
                        FROM insights_direct_payment d
                        WHERE d.council_id = :council AND d.active_from <= :at AND (d.ended_on IS NULL OR d.ended_on > :at)
                        GROUP BY d.recipient_kind""")
                .param("council", council.id()).param("at", period.to())
                .query(rs -> {
                    payments.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
                });
        List<HowSupportIsTaken.Mechanism> byMechanism = HowSupportIsTaken.MECHANISMS.stream().map(m -> {
            long[] n = mechanisms.getOrDefault(m, new long[2]);
            return new HowSupportIsTaken.Mechanism(m, n[0], n[1]);
        }).toList();
        List<HowSupportIsTaken.Recipient> byRecipient = HowSupportIsTaken.RECIPIENTS.stream().map(k -> {
            long[] n = payments.getOrDefault(k, new long[4]);
            return new HowSupportIsTaken.Recipient(k, plans.getOrDefault(k, 0L), n[0], n[1], n[2], n[3]);
        }).toList();
        return new HowSupportIsTaken(period.to(), byMechanism, byRecipient);
    }
}
