package org.dphub.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One recorded change: who made it, when, to what, and the values before and after (as
 * name → value maps; empty for a create's "before" and a delete's "after").
 */
public record AuditEvent(long id, Instant occurredAt, Long councilId, String actor, AuditAction action,
                         String entityType, String entityId, Map<String, Object> before, Map<String, Object> after) {

    /** The fields whose value differs between before and after, in a stable order. */
    public java.util.List<String> changedFields() {
        var names = new java.util.TreeSet<String>();
        if (before != null) {
            names.addAll(before.keySet());
        }
        if (after != null) {
            names.addAll(after.keySet());
        }
        return names.stream()
                .filter(n -> !java.util.Objects.equals(before == null ? null : before.get(n),
                        after == null ? null : after.get(n)))
                .toList();
    }
}
