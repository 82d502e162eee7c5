package org.dphub.help.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditDescriptions;
import org.dphub.audit.AuditEvent;
import org.dphub.audit.AuditSubjects;
import org.dphub.audit.AuditWording;
import org.springframework.stereotype.Component;

/** Requests for help and their replies, in the audit trail's words, and the person each concerns. */
@Component
class HelpAuditRecords implements AuditDescriptions, AuditSubjects {

    static final String REQUEST = "help_request";
    static final String REPLY = "help_reply";

    @Override
    public Set<String> entityTypes() {
        return Set.of(REQUEST, REPLY);
    }

    @Override
    public Map<String, Long> citizens(String entityType, List<String> entityIds, Map<String, Object> values) {
        return AuditSubjects.all(entityIds, values.get("citizenId"));
    }

    @Override
    public Optional<String> describe(AuditEvent event, AuditWording words) {
        if (REPLY.equals(event.entityType())) {
            return Optional.of(words.say(Boolean.TRUE.equals(event.value("fromTeam"))
                    ? "audit.say.help_reply.team" : "audit.say.help_reply.asker", event.value("requestId")));
        }
        if (event.action() == AuditAction.CREATE) {
            return Optional.of(words.say("audit.say.help_request.created", words.word("help.topic.", event.value("kind"))));
        }
        if ("CLOSED".equals(event.value("status"))) {
            return Optional.of(words.say("audit.say.help_request.closed", words.quote(event.value("whatWasDone"))));
        }
        if (event.value("assignedName") != null) {
            return Optional.of(words.say("audit.say.help_request.assigned", event.value("assignedName")));
        }
        return Optional.empty();
    }
}
