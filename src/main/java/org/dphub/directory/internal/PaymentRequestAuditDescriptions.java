package org.dphub.directory.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditDescriptions;
import org.dphub.audit.AuditEvent;
import org.dphub.audit.AuditSubjects;
import org.dphub.audit.AuditWording;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Requests for payment from providers, in the audit trail's words, and whose they are. */
@Component
class PaymentRequestAuditDescriptions implements AuditDescriptions, AuditSubjects {

    static final String REQUEST = "payment_request";

    private final JdbcClient jdbc;

    PaymentRequestAuditDescriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of(REQUEST);
    }

    @Override
    public Optional<String> describe(AuditEvent event, AuditWording words) {
        if (REQUEST.equals(event.entityType())) {
            if (event.action() == AuditAction.CREATE) {
                return Optional.of(words.say("audit.say.payment_request.sent", words.quote(event.value("provider")),
                        words.money(event.value("amount"))));
            }
            Object status = event.after() == null ? null : event.after().get("status");
            if (status instanceof String s && Set.of("WAITING", "WITHDRAWN", "AGREED", "QUERIED").contains(s)) {
                return Optional.of(words.say("audit.say.payment_request." + s, words.quote(event.value("provider")),
                        words.money(event.value("amount"))));
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    @Override
    public Map<String, Long> citizens(String entityType, List<String> entityIds, Map<String, Object> values) {
        return switch (entityType) {
            case REQUEST -> AuditSubjects.query(jdbc, "SELECT id, citizen_id FROM directory_payment_request WHERE id = ANY(:ids)",
                    entityIds);
            default -> Map.of();
        };
    }
}
