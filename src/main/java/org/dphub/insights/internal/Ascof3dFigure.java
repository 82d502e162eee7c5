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
        // Each plan's version in force on the day (the latest, if two are), from the versions' kept mechanisms
        // (plans' plan_version_support: a bit a delivery mechanism a version has a line of), not from every budget
        // line: the first of each plan's versions in force, read latest first from plan_version_support_plan_idx
        // (DISTINCT ON over the index's order: nothing grouped by plan, nothing sorted). A direct payment line counts
        // only while a direct payment of the plan is in force (bit 1 dropped otherwise); then each person's plans
        // OR-ed: any line left (the cohort), a direct payment (2a), a direct payment, an individual service fund or
        // a council-managed budget (1a).
        long[] counts = jdbc.sql("""
                        WITH latest AS (
                            SELECT DISTINCT ON (v.plan_id) v.plan_id, v.citizen_id, v.mechanisms
                            FROM insights_plan_version_support v
                            WHERE v.council_id = :council AND v.start_date <= :at AND (v.end_date IS NULL OR v.end_date >= :at)
                              AND v.recipient_kind = 'ADULT'
                            ORDER BY v.plan_id, v.version DESC),
                        supported AS (
                            SELECT f.citizen_id,
                                   bit_or(CASE WHEN f.plan_id IN (SELECT d.plan_id FROM insights_direct_payment d
                                                                  WHERE d.council_id = :council AND d.active_from <= :at
                                                                    AND (d.ended_on IS NULL OR d.ended_on > :at) AND d.recipient_kind = 'ADULT')
                                               THEN f.mechanisms ELSE f.mechanisms & ~1 END) AS m
                            FROM latest f JOIN insights_person p ON p.id = f.citizen_id
                            WHERE p.council_id = :council AND p.date_of_birth <= CAST(:at AS date) - interval '18 years'
                            GROUP BY f.citizen_id)
                        SELECT count(*) FILTER (WHERE s.m <> 0), count(*) FILTER (WHERE s.m & 1 <> 0), count(*) FILTER (WHERE s.m & 7 <> 0)
                        FROM supported s""")
                .param("council", council.id()).param("at", period.to())
                .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
        return new Ascof3d(period.to(), Ascof3d.Measure.of(counts[1], counts[0]), Ascof3d.Measure.of(counts[2], counts[0]));
    }
}
