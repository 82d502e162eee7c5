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

/**
 * Group purchases (buying together) in the audit trail's words, and whose place each change to a
 * member concerns. A group itself concerns nobody in particular (its members may be of several councils).
 */
@Component
class GroupAuditDescriptions implements AuditDescriptions, AuditSubjects {

    static final String GROUP = "group_purchase";
    static final String MEMBER = "group_purchase_member";
    static final Set<String> TYPES = Set.of(GROUP, MEMBER);

    private final JdbcClient jdbc;

    GroupAuditDescriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> entityTypes() {
        return TYPES;
    }

    @Override
    public Map<String, Long> citizens(String entityType, List<String> entityIds, Map<String, Object> values) {
        return MEMBER.equals(entityType)
                ? AuditSubjects.query(jdbc, "SELECT id, citizen_id FROM directory_group_member WHERE id = ANY(:ids)", entityIds)
                : Map.of();
    }

    @Override
    public Optional<String> describe(AuditEvent event, AuditWording words) {
        Object title = words.quote(event.value("title"));
        Object status = event.after() == null ? null : event.after().get("status");
        Object before = event.valueBefore("status");
        if (GROUP.equals(event.entityType())) {
            if (event.action() == AuditAction.CREATE) {
                return Optional.of(words.say("audit.say.group_purchase.proposed", title, event.value("total")));
            }
            if ("CONFIRMED".equals(status)) {
                return Optional.of(words.say("audit.say.group_purchase.confirmed", title));
            }
            if ("CANCELLED".equals(status)) {
                return Optional.of(words.say("audit.say.group_purchase.cancelled", title));
            }
            return Optional.empty();
        }
        if (!MEMBER.equals(event.entityType())) {
            return Optional.empty();
        }
        if (event.action() == AuditAction.CREATE) {
            return Optional.of(words.say(Boolean.TRUE.equals(event.value("askedToJoin"))
                    ? "audit.say.group_purchase_member.asked" : "audit.say.group_purchase_member.invited", title, event.value("share")));
        }
        if ("CONSENTED".equals(status) && !"CONSENTED".equals(before)) {
            return Optional.of(words.say("audit.say.group_purchase_member.consented", title, event.value("share")));
        }
        if ("PAID".equals(status)) {
            return Optional.of(words.say("audit.say.group_purchase_member.paid", title, event.value("share")));
        }
        if ("LEFT".equals(status)) {
            return Optional.of(words.say("audit.say.group_purchase_member.left", title, event.value("refund")));
        }
        if (event.after() != null && event.after().containsKey("share")) {
            return Optional.of(words.say("audit.say.group_purchase_member.share", title, event.value("share")));
        }
        return Optional.empty();
    }
}
