package org.dphub.directory.internal;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditDescriptions;
import org.dphub.audit.AuditEvent;
import org.dphub.audit.AuditWording;
import org.springframework.stereotype.Component;

/** Providers' organisations, services, the DP team's checks and suspensions, reports and council terms, in words. */
@Component
class DirectoryAuditDescriptions implements AuditDescriptions {

    static final String ORGANIZATION = "directory_organization";
    static final String SERVICE = "directory_service";
    static final String REPORT = "directory_service_report";
    static final String TERM = "directory_taxonomy_term";
    static final Set<String> TYPES = Set.of(ORGANIZATION, SERVICE, REPORT, TERM);

    private final Function<UUID, Optional<String>> serviceNames;

    @org.springframework.beans.factory.annotation.Autowired
    DirectoryAuditDescriptions(DirectoryRepository repository) {
        this(repository::serviceName);
    }

    DirectoryAuditDescriptions(Function<UUID, Optional<String>> serviceNames) {
        this.serviceNames = serviceNames;
    }

    @Override
    public Set<String> entityTypes() {
        return TYPES;
    }

    @Override
    public Optional<String> describe(AuditEvent event, AuditWording words) {
        return Optional.ofNullable(switch (event.entityType()) {
            case ORGANIZATION -> words.say(event.action() == AuditAction.CREATE ? "audit.say.directory_organization.created"
                    : "audit.say.directory_organization.changed", words.quote(event.value("name")));
            case SERVICE -> service(event, words);
            case REPORT -> words.say("audit.say.directory_service_report.reported", serviceName(event.value("serviceId"), words),
                    words.quote(event.value("reason")));
            case TERM -> words.say("audit.say.directory_taxonomy_term.added",
                    words.quote("cy".equals(words.locale().getLanguage()) ? event.value("nameCy") : event.value("name")));
            default -> null;
        });
    }

    private String service(AuditEvent event, AuditWording words) {
        String name = event.value("name") != null ? words.quote(event.value("name")) : serviceName(event.entityId(), words);
        if (event.action() == AuditAction.CREATE) {
            return words.say("audit.say.directory_service.added", name);
        }
        if (event.after() != null && event.after().containsKey("insuranceChecked")) {
            return words.say("audit.say.directory_service.checked", name);
        }
        Object before = event.valueBefore("status");
        Object after = event.after() == null ? null : event.after().get("status");
        if ("SUSPENDED".equals(after) && !"SUSPENDED".equals(before)) {
            return words.say("audit.say.directory_service.suspended", name, words.quote(event.after().get("reason")));
        }
        if ("SUSPENDED".equals(before) && !"SUSPENDED".equals(after)) {
            return words.say("audit.say.directory_service.restored", name);
        }
        if ("WITHDRAWN".equals(after) && !"WITHDRAWN".equals(before)) {
            return words.say("audit.say.directory_service.withdrawn", name);
        }
        return words.say("audit.say.directory_service.changed", name);
    }

    private String serviceName(Object id, AuditWording words) {
        try {
            return serviceNames.apply(UUID.fromString(String.valueOf(id))).map(words::quote)
                    .orElseGet(() -> words.text("audit.a-service"));
        } catch (IllegalArgumentException e) {
            return words.text("audit.a-service");
        }
    }
}
