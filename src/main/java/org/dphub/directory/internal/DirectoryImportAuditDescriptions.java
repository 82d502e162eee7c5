package org.dphub.directory.internal;

import java.util.Optional;
import java.util.Set;
import org.dphub.audit.AuditDescriptions;
import org.dphub.audit.AuditEvent;
import org.dphub.audit.AuditWording;
import org.springframework.stereotype.Component;

/** An Open Referral UK feed imported by the DP team, in the audit trail's words. */
@Component
class DirectoryImportAuditDescriptions implements AuditDescriptions {

    @Override
    public Set<String> entityTypes() {
        return Set.of(FeedImporter.AUDIT_TYPE);
    }

    @Override
    public Optional<String> describe(AuditEvent event, AuditWording words) {
        if (!FeedImporter.AUDIT_TYPE.equals(event.entityType())) {
            return Optional.empty();
        }
        return Optional.of(words.say("audit.say.directory_import.imported", words.quote(event.value("fileName")),
                AuditWording.number(event.value("servicesCreated")), AuditWording.number(event.value("servicesUpdated")),
                AuditWording.number(event.value("organizationsCreated"))));
    }
}
