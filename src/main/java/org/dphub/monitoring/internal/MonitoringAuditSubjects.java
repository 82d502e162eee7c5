package org.dphub.monitoring.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dphub.audit.AuditSubjects;
import org.dphub.payments.Account;
import org.dphub.payments.Accounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whose records each audited monitoring change is about. Most are about an account: its person
 * comes from the payments module's public face, never its tables.
 */
@Component
class MonitoringAuditSubjects implements AuditSubjects {

    private final JdbcClient jdbc;
    private final Accounts accounts;

    MonitoringAuditSubjects(JdbcClient jdbc, Accounts accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    @Override
    public Set<String> entityTypes() {
        return MonitoringAuditDescriptions.TYPES;
    }

    @Override
    public Map<String, Long> citizens(String entityType, List<String> entityIds, Map<String, Object> values) {
        return switch (entityType) {
            case MonitoringAuditDescriptions.QUESTION -> AuditSubjects.query(jdbc,
                    "SELECT id, citizen_id FROM monitoring_question WHERE id = ANY(:ids)", entityIds);
            case MonitoringAuditDescriptions.ANSWER -> AuditSubjects.query(jdbc, """
                    SELECT a.id, q.citizen_id FROM monitoring_answer a JOIN monitoring_question q ON q.id = a.question_id
                    WHERE a.id = ANY(:ids)""", entityIds);
            case MonitoringAuditDescriptions.TRANSACTION -> ofAccounts(AuditSubjects.query(jdbc,
                    "SELECT id, account_id AS citizen_id FROM account_transaction WHERE id = ANY(:ids)", entityIds));
            case MonitoringAuditDescriptions.RETURN -> ofAccounts(AuditSubjects.query(jdbc,
                    "SELECT id, account_id AS citizen_id FROM financial_return WHERE id = ANY(:ids)", entityIds));
            case MonitoringAuditDescriptions.RECEIPT -> ofAccounts(AuditSubjects.query(jdbc, """
                    SELECT rr.id, r.account_id AS citizen_id FROM return_receipt rr JOIN financial_return r ON r.id = rr.return_id
                    WHERE rr.id = ANY(:ids)""", entityIds));
            case MonitoringAuditDescriptions.IMPORT, MonitoringAuditDescriptions.CHECK, MonitoringAuditDescriptions.CONCERN ->
                    ofAccounts(AuditSubjects.all(entityIds, values.get("accountId")));
            default -> Map.of();
        };
    }

    /** Entity id → account id, to entity id → the account's person. */
    private Map<String, Long> ofAccounts(Map<String, Long> accountByEntity) {
        Map<String, Long> found = new LinkedHashMap<>();
        accountByEntity.forEach((entity, account) -> accounts.account(account).map(Account::citizenId)
                .ifPresent(citizen -> found.put(entity, citizen)));
        return found;
    }
}
