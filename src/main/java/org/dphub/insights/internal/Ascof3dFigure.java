package org.dphub.insights.internal;

import org.dphub.insights.Ascof3d;
import org.dphub.insights.Figure;
import org.dphub.insights.Period;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * ASCOF 3D as NHS England's method over Client Level Data (ASCOF 2023-24 onwards): the cohort is
 * adults (18 or over on the period's last day) whose long-term community support is open on that
 * day, each counted once. In dphub a person's support is each budget line of the plan version in
 * force that day: a direct payment line counts only while the direct payment itself is in force
 * (agreed, started and not ended); other lines count while the plan is in force. Numerator 2a:
 * any line taken as a direct payment; 1a: a direct payment or a council-managed personal budget,
 * an individual service fund counted as one. Only service users count (issue 18): a carer's support
 * plan and its direct payment ({@code recipient_kind} CARER) are not long-term support for a service
 * user, and a child's plan is children's services, so both are left out.
 */
@Component
public class Ascof3dFigure implements Figure<Ascof3d> {

    private final JdbcClient jdbc;

    Ascof3dFigure(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String key() {
        return "ascof3d";
    }

    @Override
    public Ascof3d compute(CouncilFacts council, Period period) {
        if (!council.england()) {
            return null;
        }
        long[] counts = jdbc.sql("""
                        WITH versions AS MATERIALIZED (
                            SELECT v.plan_id, v.citizen_id, v.version_id, v.version FROM insights_plan_version v
                            WHERE v.council_id = :council AND v.start_date <= :at AND (v.end_date IS NULL OR v.end_date >= :at)
                              AND v.recipient_kind = 'ADULT'),
                        latest AS (
                            SELECT v.* FROM versions v
                            WHERE NOT EXISTS (SELECT 1 FROM versions w WHERE w.plan_id = v.plan_id AND w.version > v.version)),
                        live_payment AS (
                            SELECT DISTINCT d.plan_id FROM insights_direct_payment d
                            WHERE d.council_id = :council AND d.active_from <= :at AND (d.ended_on IS NULL OR d.ended_on > :at)
                              AND d.recipient_kind = 'ADULT'),
                        supported AS (
                            SELECT f.citizen_id,
                                   bool_or(l.delivery_mechanism = 'DIRECT_PAYMENT') AS dp,
                                   bool_or(l.delivery_mechanism IN ('DIRECT_PAYMENT', 'COUNCIL_MANAGED_BUDGET',
                                                                 'INDIVIDUAL_SERVICE_FUND')) AS personal_budget
                            FROM latest f JOIN insights_budget_line l ON l.version_id = f.version_id
                            WHERE l.delivery_mechanism <> 'DIRECT_PAYMENT' OR f.plan_id IN (SELECT plan_id FROM live_payment)
                            GROUP BY f.citizen_id)
                        SELECT count(*), count(*) FILTER (WHERE s.dp), count(*) FILTER (WHERE s.personal_budget)
                        FROM supported s JOIN insights_person p ON p.id = s.citizen_id
                        WHERE p.council_id = :council AND p.date_of_birth <= CAST(:at AS date) - interval '18 years'""")
                .param("council", council.id()).param("at", period.to())
                .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        return new Ascof3d(period.to(), Ascof3d.Measure.of(counts[1], counts[0]), Ascof3d.Measure.of(counts[2], counts[0]));
    }
}
