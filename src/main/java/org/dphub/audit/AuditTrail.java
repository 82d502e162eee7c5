package org.dphub.audit;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dphub.audit.internal.AuditEventRepository;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail: every create, change or delete of personal or money data is recorded here,
 * in the same transaction as the change, so there is never a change without its record. Each
 * event also keeps the person it concerns, as the owning module says ({@link AuditSubjects}).
 */
@Service
public class AuditTrail {

    /** Who made a change when no person is signed in: start-up jobs, scheduled work. */
    public static final String SYSTEM_ACTOR = "system";
    /** The nightly payment run's name for itself. */
    static final String NIGHTLY_ACTOR = "nightly";

    private final AuditEventRepository events;
    private final ObjectProvider<AuditSubjects> subjectProviders;
    private volatile Map<String, AuditSubjects> subjectsByType;

    AuditTrail(AuditEventRepository events, ObjectProvider<AuditSubjects> subjectProviders) {
        this.events = events;
        this.subjectProviders = subjectProviders;
    }

    /**
     * Records a change. {@code before} and {@code after} are records or maps of the values;
     * pass null for "did not exist". Must be called inside the transaction that makes the change.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Long councilId, String entityType, Object entityId, AuditAction action, Object before, Object after) {
        String id = String.valueOf(entityId);
        long event = events.insert(councilId, currentActor(), action, entityType, id, before, after);
        Long citizen = citizensOf(entityType, List.of(id), before, after).get(id);
        if (citizen != null) {
            events.insertSubjects(Map.of(event, citizen));
        }
    }

    /**
     * Records a change in the name of someone other than the signed-in user: a person who is not signed in
     * yet, in a step of their own sign-in (a one-time code set up, a recovery code used or a code refused)
     * before the session is theirs; or an erasure step in the name recorded as carrying it out.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAs(String actor, Long councilId, String entityType, Object entityId, AuditAction action, Object before, Object after) {
        String id = String.valueOf(entityId);
        long event = events.insert(councilId, actor, action, entityType, id, before, after);
        Long citizen = citizensOf(entityType, List.of(id), before, after).get(id);
        if (citizen != null) {
            events.insertSubjects(Map.of(event, citizen));
        }
    }

    /** Records the same change to many entities at once: {@code councilIds[i]} owns {@code entityIds[i]}. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordSame(long[] councilIds, String entityType, long[] entityIds, AuditAction action, Object before, Object after) {
        if (entityIds.length == 0) {
            return;
        }
        Map<String, Long> eventByEntity = events.insertSame(councilIds, entityIds, currentActor(), action, entityType, before, after);
        Map<String, Long> citizens = citizensOf(entityType, List.copyOf(eventByEntity.keySet()), before, after);
        Map<Long, Long> subjects = new LinkedHashMap<>();
        eventByEntity.forEach((entity, event) -> {
            Long citizen = citizens.get(entity);
            if (citizen != null) {
                subjects.put(event, citizen);
            }
        });
        events.insertSubjects(subjects);
    }

    private Map<String, Long> citizensOf(String entityType, List<String> entityIds, Object before, Object after) {
        AuditSubjects subjects = subjectsByType().get(entityType);
        if (subjects == null) {
            return Map.of();
        }
        Object values = after != null ? after : before;
        @SuppressWarnings("unchecked")
        Map<String, Object> map = values instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        Map<String, Long> found = subjects.citizens(entityType, entityIds, map);
        return found == null ? Map.of() : found;
    }

    private Map<String, AuditSubjects> subjectsByType() {
        Map<String, AuditSubjects> byType = subjectsByType;
        if (byType == null) {
            byType = new HashMap<>();
            for (AuditSubjects subjects : subjectProviders.orderedStream().toList()) {
                for (String type : subjects.entityTypes()) {
                    byType.putIfAbsent(type, subjects);
                }
            }
            subjectsByType = Map.copyOf(byType);
        }
        return byType;
    }

    /** The council's changes that the filter lets through, newest first; {@code page} counts from 0. */
    @Transactional(readOnly = true)
    public List<AuditEvent> search(long councilId, AuditFilter filter, int page, int pageSize) {
        return events.search(councilId, filter, actors(filter), page * pageSize, pageSize);
    }

    @Transactional(readOnly = true)
    public long count(long councilId, AuditFilter filter) {
        return events.count(councilId, filter, actors(filter));
    }

    private static List<String> actors(AuditFilter filter) {
        if (filter.actor() == null) {
            return null;
        }
        return isSystem(filter.actor()) ? List.of(SYSTEM_ACTOR, NIGHTLY_ACTOR) : List.of(filter.actor());
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> forEntity(String entityType, Object entityId) {
        return events.forEntity(entityType, String.valueOf(entityId));
    }

    /** Whether this actor is dphub itself (start-up work, scheduled jobs) rather than a person. */
    public static boolean isSystem(String actor) {
        return SYSTEM_ACTOR.equals(actor) || NIGHTLY_ACTOR.equals(actor);
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

    /**
     * What a correction changed, for its audit entry: of the fields in {@code before}, only those whose
     * value in {@code after} differs, with what each was ({@code was}) and is now ({@code now}), in
     * {@code before}'s order. Empty when nothing changed (then there is nothing to write or record).
     */
    public static Changed changed(Map<String, Object> before, Map<String, Object> after) {
        var was = new java.util.LinkedHashMap<String, Object>();
        var now = new java.util.LinkedHashMap<String, Object>();
        before.forEach((field, value) -> {
            if (!java.util.Objects.equals(value, after.get(field))) {
                was.put(field, value);
                now.put(field, after.get(field));
            }
        });
        return new Changed(was, now);
    }

    /** See {@link #changed}: the maps may be added to (the record the change belongs to, say). */
    public record Changed(Map<String, Object> was, Map<String, Object> now) {

        public boolean isEmpty() {
            return now.isEmpty();
        }

        /** Adds a value to both sides: what the entry is about, which did not change. */
        public Changed with(String field, Object value) {
            was.put(field, value);
            now.put(field, value);
            return this;
        }
    }
}
