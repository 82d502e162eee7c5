package org.dphub.audit;

import java.util.List;
import java.util.Map;
import org.dphub.audit.internal.AuditEventRepository;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail: every create, change or delete of personal or money data is recorded here,
 * in the same transaction as the change, so there is never a change without its record.
 */
@Service
public class AuditTrail {

    /** Who made a change when no person is signed in: start-up jobs, scheduled work. */
    public static final String SYSTEM_ACTOR = "system";

    private final AuditEventRepository events;

    AuditTrail(AuditEventRepository events) {
        this.events = events;
    }

    /**
     * Records a change. {@code before} and {@code after} are records or maps of the values;
     * pass null for "did not exist". Must be called inside the transaction that makes the change.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Long councilId, String entityType, Object entityId, AuditAction action, Object before, Object after) {
        events.insert(councilId, currentActor(), action, entityType, String.valueOf(entityId), before, after);
    }

    /** Records the same change to many entities at once: {@code councilIds[i]} owns {@code entityIds[i]}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordSame(long[] councilIds, String entityType, long[] entityIds, AuditAction action, Object before, Object after) {
        if (entityIds.length > 0) {
            events.insertSame(councilIds, entityIds, currentActor(), action, entityType, before, after);
        }
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> forCouncil(long councilId, int page, int pageSize) {
        return events.forCouncil(councilId, page * pageSize, pageSize);
    }

    @Transactional(readOnly = true)
    public long countForCouncil(long councilId) {
        return events.countForCouncil(councilId);
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> forEntity(String entityType, Object entityId) {
        return events.forEntity(entityType, String.valueOf(entityId));
    }

    /** The signed-in username, or "system" for start-up and scheduled work. */
    public static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null
                || "anonymousUser".equals(authentication.getName())) {
            return SYSTEM_ACTOR;
        }
        return authentication.getName();
    }

    /** A helper for callers that hold values as a map already. */
    public static Map<String, Object> values(Object... namesAndValues) {
        var map = new java.util.LinkedHashMap<String, Object>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            map.put(String.valueOf(namesAndValues[i]), namesAndValues[i + 1]);
        }
        return map;
    }
}
