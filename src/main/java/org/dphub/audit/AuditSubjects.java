package org.dphub.audit;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Implemented by each module that records changes: which person (citizen) each of its records
 * concerns. The audit module sits below every module, so it cannot look this up itself; it asks,
 * when the change is recorded, and keeps the answer beside the event, so the trail can be
 * filtered and paged by person in SQL.
 */
public interface AuditSubjects {

    /** The entity types (as passed to {@link AuditTrail#record}) this module answers for. */
    Set<String> entityTypes();

    /**
     * The citizen each record concerns, by entity id; records that concern nobody are left out.
     * Called inside the transaction that records the change, so it sees the new rows. It must not
     * fail: an error would undo the change it describes. {@code values} are the recorded values
     * (after, or before for a removal) when they were a map, otherwise empty.
     */
    Map<String, Long> citizens(String entityType, List<String> entityIds, Map<String, Object> values);

    /** The entity ids that are whole numbers (row ids), as numbers. */
    static List<Long> ids(List<String> entityIds) {
        return entityIds.stream().map(AuditSubjects::id).filter(java.util.Objects::nonNull).toList();
    }

    /** A recorded id (a number, or text that is one), or null. */
    static Long id(Object value) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String text && text.matches("[0-9]{1,18}")) {
            return Long.parseLong(text);
        }
        return null;
    }

    /** Every entity id with the same citizen: for values that name the person, such as {@code citizenId}. */
    static Map<String, Long> all(List<String> entityIds, Object citizenId) {
        Long citizen = id(citizenId);
        if (citizen == null) {
            return Map.of();
        }
        Map<String, Long> found = new java.util.LinkedHashMap<>();
        entityIds.forEach(id -> found.put(id, citizen));
        return found;
    }

    /**
     * Runs {@code sql}, which selects {@code id} (the entity id) and {@code citizen_id} for the row
     * ids in the bigint array {@code :ids}, for the entity ids that are row ids.
     */
    static Map<String, Long> query(org.springframework.jdbc.core.simple.JdbcClient jdbc, String sql, List<String> entityIds) {
        List<Long> ids = ids(entityIds);
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> found = new java.util.LinkedHashMap<>();
        jdbc.sql(sql).param("ids", new org.springframework.jdbc.support.SqlArrayValue("bigint", ids.toArray()))
                .query((rs, row) -> {
                    Long citizen = rs.getObject("citizen_id", Long.class);
                    if (citizen != null) {
                        found.put(String.valueOf(rs.getLong("id")), citizen);
                    }
                    return row;
                })
                .list();
        return found;
    }
}
