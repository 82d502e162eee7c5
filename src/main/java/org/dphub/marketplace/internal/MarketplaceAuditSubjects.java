package org.dphub.marketplace.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dphub.audit.AuditSubjects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whose vacancy each audited marketplace change is about, and the PAs' names for the sentences.
 * A PA's profile concerns the PA, who is not a person the council supports, so it has no subject.
 */
@Component
class MarketplaceAuditSubjects implements AuditSubjects, PaNames {

    private final JdbcClient jdbc;

    MarketplaceAuditSubjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> entityTypes() {
        return MarketplaceAuditDescriptions.TYPES;
    }

    @Override
    public Map<String, Long> citizens(String entityType, List<String> entityIds, Map<String, Object> values) {
        return switch (entityType) {
            case MarketplaceAuditDescriptions.VACANCY -> AuditSubjects.query(jdbc,
                    "SELECT id, citizen_id FROM vacancy WHERE id = ANY(:ids)", entityIds);
            case MarketplaceAuditDescriptions.INTRODUCTION -> AuditSubjects.query(jdbc, """
                    SELECT i.id, v.citizen_id FROM introduction i JOIN vacancy v ON v.id = i.vacancy_id
                    WHERE i.id = ANY(:ids)""", entityIds);
            case MarketplaceAuditDescriptions.MESSAGE -> AuditSubjects.query(jdbc, """
                    SELECT m.id, v.citizen_id FROM introduction_message m JOIN introduction i ON i.id = m.introduction_id
                    JOIN vacancy v ON v.id = i.vacancy_id WHERE m.id = ANY(:ids)""", entityIds);
            case MarketplaceAuditDescriptions.HIRE -> AuditSubjects.query(jdbc,
                    "SELECT id, citizen_id FROM pa_hire WHERE id = ANY(:ids)", entityIds);
            case MarketplaceAuditDescriptions.REPORT -> AuditSubjects.query(jdbc, """
                    SELECT r.id, v.citizen_id FROM marketplace_report r JOIN vacancy v ON v.id = r.vacancy_id
                    WHERE r.id = ANY(:ids)""", entityIds);
            default -> Map.of();
        };
    }

    @Override
    public String ofProfile(long profileId) {
        return jdbc.sql("SELECT display_name FROM pa_profile WHERE id = :id").param("id", profileId)
                .query(String.class).optional().orElse(null);
    }

    @Override
    public String ofIntroduction(long introductionId) {
        return jdbc.sql("SELECT p.display_name FROM introduction i JOIN pa_profile p ON p.id = i.profile_id WHERE i.id = :id")
                .param("id", introductionId).query(String.class).optional().orElse(null);
    }
}
