package org.dphub.employment.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dphub.audit.AuditSubjects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Whose employment each audited change is about (the employer, a person the council supports), and the PAs' names. */
@Component
class EmploymentAuditSubjects implements AuditSubjects, EmployeeNames {

    private final JdbcClient jdbc;

    EmploymentAuditSubjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> entityTypes() {
        return EmploymentAuditDescriptions.TYPES;
    }

    @Override
    public Map<String, Long> citizens(String entityType, List<String> entityIds, Map<String, Object> values) {
        return switch (entityType) {
            // terms are recorded against their employment's id
            case EmploymentAuditDescriptions.EMPLOYMENT, EmploymentAuditDescriptions.TERMS -> AuditSubjects.query(jdbc,
                    "SELECT id, citizen_id FROM pa_employment WHERE id = ANY(:ids)", entityIds);
            case EmploymentAuditDescriptions.TIMESHEET -> AuditSubjects.query(jdbc, """
                    SELECT t.id, e.citizen_id FROM timesheet t JOIN pa_employment e ON e.id = t.employment_id
                    WHERE t.id = ANY(:ids)""", entityIds);
            case EmploymentAuditDescriptions.PAYROLL -> AuditSubjects.query(jdbc,
                    "SELECT id, citizen_id FROM payroll_run WHERE id = ANY(:ids)", entityIds);
            default -> Map.of();
        };
    }

    @Override
    public String ofEmployment(long employmentId) {
        return jdbc.sql("SELECT pa_given_name || ' ' || pa_family_name FROM pa_employment WHERE id = :id")
                .param("id", employmentId).query(String.class).optional().orElse(null);
    }

    @Override
    public String ofTimesheet(long timesheetId) {
        return jdbc.sql("""
                        SELECT e.pa_given_name || ' ' || e.pa_family_name FROM timesheet t JOIN pa_employment e ON e.id = t.employment_id
                        WHERE t.id = :id""")
                .param("id", timesheetId).query(String.class).optional().orElse(null);
    }
}
