package org.dphub.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One recorded change: who made it, when, to what, and the values before and after (as
 * name → value maps; empty for a create's "before" and a delete's "after"), with the person
 * (citizen) it concerns when there is one.
 */
public record AuditEvent(long id, Instant occurredAt, Long councilId, String actor, AuditAction action,
                         String entityType, String entityId, Map<String, Object> before, Map<String, Object> after,
                         Long citizenId) {

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

    /** A recorded value after the change (or before it, for a removal); null when it was not recorded. */
    public Object value(String name) {
        if (after != null && after.containsKey(name)) {
            return after.get(name);
        }
        return before == null ? null : before.get(name);
    }

    /** A recorded value before the change; null when there was none. */
    public Object valueBefore(String name) {
        return before == null ? null : before.get(name);
    }

    /** Whether the change was made by dphub itself (start-up work, the nightly payment run) rather than a person. */
    public boolean bySystem() {
        return AuditTrail.isSystem(actor);
    }
}
