package org.dphub.approvals.internal;

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

/** One-off payments in the audit trail: whose they are, and what was asked for and decided, in words. */
@Component
class OneOffAuditRecords implements AuditDescriptions, AuditSubjects {

    static final String ONE_OFF = "one_off_payment";

    private final JdbcClient jdbc;

    OneOffAuditRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of(ONE_OFF);
    }

    @Override
    public Map<String, Long> citizens(String entityType, List<String> entityIds, Map<String, Object> values) {
        return AuditSubjects.query(jdbc, "SELECT id, citizen_id FROM one_off_payment WHERE id = ANY(:ids)", entityIds);
    }

    @Override
    public Optional<String> describe(AuditEvent event, AuditWording words) {
        Object status = event.value("status");
        if (event.action() == AuditAction.CREATE) {
            String key = "APPROVED".equals(status) ? "audit.say.one_off_payment.made" : "audit.say.one_off_payment.asked";
            return Optional.of(words.say(key, words.money(event.value("amount")), words.quote(event.value("purpose"))));
        }
        if ("APPROVED".equals(status)) {
            return Optional.of(words.say("audit.say.one_off_payment.approved"));
        }
        if ("DECLINED".equals(status)) {
            Object reason = event.value("decisionReason");
            return Optional.of(reason == null || String.valueOf(reason).isBlank()
                    ? words.say("audit.say.one_off_payment.declined")
                    : words.say("audit.say.one_off_payment.declined.reason", words.quote(reason)));
        }
        return Optional.empty();
    }
}
