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

/** Regular payments to providers (set up, stopped, an instalment missed), in the audit trail's words, and whose they are. */
@Component
class RegularPaymentAuditDescriptions implements AuditDescriptions, AuditSubjects {

    static final String REGULAR = "regular_payment";

    private final JdbcClient jdbc;

    RegularPaymentAuditDescriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> entityTypes() {
        return Set.of(REGULAR);
    }

    @Override
    public Optional<String> describe(AuditEvent event, AuditWording words) {
        if (!REGULAR.equals(event.entityType())) {
            return Optional.empty();
        }
        if (event.action() == AuditAction.CREATE) {
            return Optional.of(words.say("audit.say.regular_payment.created", words.quote(event.value("provider")),
                    words.money(event.value("amount")), words.word("regular.every.", event.value("frequency")),
                    words.date(event.value("firstDate"))));
        }
        if (event.value("missed") != null) {
            return Optional.of(words.say("audit.say.regular_payment.missed", words.quote(event.value("provider")),
                    words.money(event.value("amount")), words.date(event.value("dueOn")),
                    words.text("regular.missed." + event.value("reason"))));
        }
        Object status = event.after() == null ? null : event.after().get("status");
        if ("STOPPED".equals(status)) {
            return Optional.of(words.say("audit.say.regular_payment.stopped", words.quote(event.value("provider")),
                    words.money(event.value("amount")), words.date(event.value("from"))));
        }
        return Optional.empty();
    }

    @Override
    public Map<String, Long> citizens(String entityType, List<String> entityIds, Map<String, Object> values) {
        return switch (entityType) {
            case REGULAR -> AuditSubjects.query(jdbc, "SELECT id, citizen_id FROM directory_regular_payment WHERE id = ANY(:ids)",
                    entityIds);
            default -> Map.of();
        };
    }
}
