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
        // Each plan's latest version in force (DISTINCT ON, the highest version first) with what its lines add up
        // to by mechanism, kept beside the version (plans' plan_version_support), not every budget line. People
        // are counted once a mechanism and once a kind of plan: each person's versions OR-ed into a mechanism
        // mask (bits 1 DIRECT_PAYMENT, 2 INDIVIDUAL_SERVICE_FUND, 4 COUNCIL_MANAGED_BUDGET, 8 COUNCIL_COMMISSIONED)
        // and a kind mask (1 ADULT, 2 CARER, 4 CHILD); the weekly money is every latest version's added up.
        jdbc.sql("""
                        WITH latest AS MATERIALIZED (
                            SELECT DISTINCT ON (v.plan_id) v.citizen_id, v.recipient_kind, v.mechanisms,
                                   v.dp_weekly_pence, v.isf_weekly_pence, v.cmb_weekly_pence, v.cc_weekly_pence
                            FROM insights_plan_version_support v
                            WHERE v.council_id = :council AND v.start_date <= :at AND (v.end_date IS NULL OR v.end_date >= :at)
                            ORDER BY v.plan_id, v.version DESC),
                        people AS (
                            SELECT bit_or(f.mechanisms) AS m,
                                   bit_or(CASE f.recipient_kind WHEN 'ADULT' THEN 1 WHEN 'CARER' THEN 2 WHEN 'CHILD' THEN 4 ELSE 0 END) AS k
                            FROM latest f GROUP BY f.citizen_id),
                        counts AS (
                            SELECT count(*) FILTER (WHERE m & 1 <> 0) AS dp, count(*) FILTER (WHERE m & 2 <> 0) AS isf,
                                   count(*) FILTER (WHERE m & 4 <> 0) AS cmb, count(*) FILTER (WHERE m & 8 <> 0) AS cc,
                                   count(*) FILTER (WHERE k & 1 <> 0) AS adult, count(*) FILTER (WHERE k & 2 <> 0) AS carer,
                                   count(*) FILTER (WHERE k & 4 <> 0) AS child
                            FROM people),
                        pence AS (
                            SELECT coalesce(sum(dp_weekly_pence), 0) AS dp, coalesce(sum(isf_weekly_pence), 0) AS isf,
                                   coalesce(sum(cmb_weekly_pence), 0) AS cmb, coalesce(sum(cc_weekly_pence), 0) AS cc
                            FROM latest)
                        SELECT x.part, x.name, x.people, x.pence FROM counts c CROSS JOIN pence p
                        CROSS JOIN LATERAL (VALUES ('M', 'DIRECT_PAYMENT', c.dp, p.dp), ('M', 'INDIVIDUAL_SERVICE_FUND', c.isf, p.isf),
                                                   ('M', 'COUNCIL_MANAGED_BUDGET', c.cmb, p.cmb), ('M', 'COUNCIL_COMMISSIONED', c.cc, p.cc),
                                                   ('R', 'ADULT', c.adult, 0), ('R', 'CARER', c.carer, 0), ('R', 'CHILD', c.child, 0))
                            AS x(part, name, people, pence)
                        WHERE x.people > 0""")
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
