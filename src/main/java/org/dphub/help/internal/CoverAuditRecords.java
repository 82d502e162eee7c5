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

/** Cover bookings (issue 18) in the audit trail's words, and the person each concerns. */
@Component
class CoverAuditRecords implements AuditDescriptions, AuditSubjects {

    static final String BOOKING = "cover_booking";

    @Override
    public Set<String> entityTypes() {
        return Set.of(BOOKING);
    }

    @Override
    public Map<String, Long> citizens(String entityType, List<String> entityIds, Map<String, Object> values) {
        return AuditSubjects.all(entityIds, values.get("citizenId"));
    }

    @Override
    public Optional<String> describe(AuditEvent event, AuditWording words) {
        if (event.action() == AuditAction.CREATE) {
            return Optional.of(words.say("audit.say.cover_booking.asked", event.value("paName"), event.value("date")));
        }
        Object status = event.value("status");
        return status == null ? Optional.empty()
                : Optional.of(words.say("audit.say.cover_booking.changed", event.value("paName"), words.word("cover.status.", status)));
    }
}
