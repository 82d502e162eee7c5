package org.dphub.payments.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dphub.audit.AuditSubjects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/** Whose account each audited money change is about (a payment run and the council's own bank accounts are nobody's). */
@Component
class PaymentAuditSubjects implements AuditSubjects {

    private final JdbcClient jdbc;

    PaymentAuditSubjects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> entityTypes() {
        return PaymentAuditDescriptions.TYPES;
    }

    @Override
    public Map<String, Long> citizens(String entityType, List<String> entityIds, Map<String, Object> values) {
        return switch (entityType) {
            case PaymentAuditDescriptions.ACCOUNT -> AuditSubjects.query(jdbc,
                    "SELECT id, citizen_id FROM dp_account WHERE id = ANY(:ids)", entityIds);
            case PaymentAuditDescriptions.SCHEDULE -> AuditSubjects.query(jdbc, """
                    SELECT s.id, a.citizen_id FROM payment_schedule s JOIN dp_account a ON a.id = s.account_id
                    WHERE s.id = ANY(:ids)""", entityIds);
            case PaymentAuditDescriptions.BANK_DETAILS -> AuditSubjects.query(jdbc, """
                    SELECT b.id, a.citizen_id FROM bank_details b JOIN dp_account a ON a.id = b.account_id
                    WHERE b.id = ANY(:ids)""", entityIds);
            case PaymentAuditDescriptions.RECOVERY -> AuditSubjects.query(jdbc, """
                    SELECT r.id, a.citizen_id FROM surplus_recovery r JOIN dp_account a ON a.id = r.account_id
                    WHERE r.id = ANY(:ids)""", entityIds);
            case PaymentAuditDescriptions.PROVIDER_CHARGE -> AuditSubjects.query(jdbc, """
                    SELECT c.id, a.citizen_id FROM provider_charge c JOIN dp_account a ON a.id = c.account_id
                    WHERE c.id = ANY(:ids)""", entityIds);
            case PaymentAuditDescriptions.PROVIDER_REFUND -> AuditSubjects.query(jdbc, """
                    SELECT f.id, a.citizen_id FROM provider_refund f JOIN provider_charge c ON c.id = f.charge_id
                    JOIN dp_account a ON a.id = c.account_id WHERE f.id = ANY(:ids)""", entityIds);
            case PaymentAuditDescriptions.LEDGER -> ledger(entityIds);
            default -> Map.of();
        };
    }

    /** A ledger transaction is known by its idempotency key; the account its legs move money in is the person's. */
    private Map<String, Long> ledger(List<String> keys) {
        Map<String, Long> found = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT t.idempotency_key, min(a.citizen_id) AS citizen_id
                        FROM ledger_transaction t JOIN ledger_leg l ON l.transaction_id = t.id
                        JOIN dp_account a ON a.id = l.account_id
                        WHERE t.idempotency_key = ANY(:keys) GROUP BY t.idempotency_key""")
                .param("keys", new SqlArrayValue("text", keys.toArray()))
                .query((rs, row) -> found.put(rs.getString("idempotency_key"), rs.getLong("citizen_id")))
                .list();
        return found;
    }
}
