package org.dphub.rights.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dphub.audit.AuditDescriptions;
import org.dphub.audit.AuditEvent;
import org.dphub.audit.AuditSubjects;
import org.dphub.audit.AuditWording;
import org.springframework.stereotype.Component;

/** Subject access requests and erasures in the audit trail's words. */
@Component
class RightsAuditRecords implements AuditDescriptions, AuditSubjects {

    static final String SUBJECT_ACCESS = "subject_access";
    static final String ERASURE = "personal_data_erasure";

    @Override
    public Set<String> entityTypes() {
        return Set.of(SUBJECT_ACCESS, ERASURE);
    }

    @Override
    public Map<String, Long> citizens(String entityType, List<String> entityIds, Map<String, Object> values) {
        return AuditSubjects.all(entityIds, values.get("citizenId"));
    }

    @Override
    public Optional<String> describe(AuditEvent event, AuditWording words) {
        if (SUBJECT_ACCESS.equals(event.entityType())) {
            return Optional.of(words.say("pdf".equals(event.value("format")) ? "audit.say.subject_access.pdf" : "audit.say.subject_access.json"));
        }
        if (ERASURE.equals(event.entityType()) && event.value("representativeId") != null) {
            return Optional.of(words.say("audit.say.personal_data_erasure.representative-erasure"));
        }
        if (ERASURE.equals(event.entityType()) && event.value("organizationId") != null) {
            return Optional.of(words.say("RETENTION".equals(event.value("step")) ? "audit.say.personal_data_erasure.provider-retention"
                    : "audit.say.personal_data_erasure.provider-erasure"));
        }
        if (ERASURE.equals(event.entityType()) && event.value("paProfileId") != null) {
            return Optional.of(words.say("RETENTION".equals(event.value("step")) ? "audit.say.personal_data_erasure.pa-retention"
                    : "audit.say.personal_data_erasure.pa-erasure"));
        }
        if (ERASURE.equals(event.entityType())) {
            return Optional.of(words.say("RETENTION".equals(event.value("step")) ? "audit.say.personal_data_erasure.retention"
                    : "audit.say.personal_data_erasure.erasure"));
        }
        return Optional.empty();
    }
}
