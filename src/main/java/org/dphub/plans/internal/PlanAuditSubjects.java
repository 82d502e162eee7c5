package org.dphub.plans.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dphub.audit.AuditSubjects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Whose plan, direct payment or review each audited change is. */
@Component
class PlanAuditSubjects implements AuditSubjects {

    private final JdbcClient jdbc;

    PlanAuditSubjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> entityTypes() {
        return PlanAuditDescriptions.TYPES;
    }

    @Override
    public Map<String, Long> citizens(String entityType, List<String> entityIds, Map<String, Object> values) {
        return switch (entityType) {
            case PlanAuditDescriptions.PLAN_VERSION -> AuditSubjects.query(jdbc, """
                    SELECT v.id, p.citizen_id FROM care_plan_version v JOIN care_plan p ON p.id = v.plan_id
                    WHERE v.id = ANY(:ids)""", entityIds);
            case PlanAuditDescriptions.DIRECT_PAYMENT -> AuditSubjects.query(jdbc,
                    "SELECT id, citizen_id FROM direct_payment WHERE id = ANY(:ids)", entityIds);
            case PlanAuditDescriptions.REVIEW -> AuditSubjects.query(jdbc, """
                    SELECT r.id, d.citizen_id FROM review r JOIN direct_payment d ON d.id = r.direct_payment_id
                    WHERE r.id = ANY(:ids)""", entityIds);
            default -> Map.of();
        };
    }
}
