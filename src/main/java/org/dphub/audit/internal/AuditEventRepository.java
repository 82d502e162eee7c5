package org.dphub.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads and appends audit events. There is deliberately no update or delete. */
@Repository
public class AuditEventRepository {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditEventRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The same change to many entities in one statement (a payment run's first payments, say). */
    public int insertSame(long[] councilIds, long[] entityIds, String actor, AuditAction action, String entityType,
                          Object before, Object after) {
        Long[] councils = java.util.Arrays.stream(councilIds).boxed().toArray(Long[]::new);
        String[] ids = java.util.Arrays.stream(entityIds).mapToObj(String::valueOf).toArray(String[]::new);
        return jdbc.sql("""
                        INSERT INTO audit_event (council_id, actor, action, entity_type, entity_id, before_state, after_state)
                        SELECT u.council, :actor, :action, :type, u.id, CAST(:before AS jsonb), CAST(:after AS jsonb)
                        FROM unnest(:councils, :ids) AS u(council, id)""")
                .param("councils", new org.springframework.jdbc.support.SqlArrayValue("bigint", (Object[]) councils))
                .param("ids", new org.springframework.jdbc.support.SqlArrayValue("text", (Object[]) ids))
                .param("actor", actor).param("action", action.name()).param("type", entityType)
                .param("before", before == null ? null : json.writeValueAsString(before))
                .param("after", after == null ? null : json.writeValueAsString(after))
                .update();
    }

    public void insert(Long councilId, String actor, AuditAction action, String entityType, String entityId,
                       Object before, Object after) {
        jdbc.sql("""
                        INSERT INTO audit_event (council_id, actor, action, entity_type, entity_id, before_state, after_state)
                        VALUES (:council, :actor, :action, :type, :id, CAST(:before AS jsonb), CAST(:after AS jsonb))
                        """)
                .param("council", councilId)
                .param("actor", actor)
                .param("action", action.name())
                .param("type", entityType)
                .param("id", entityId)
                .param("before", before == null ? null : json.writeValueAsString(before))
                .param("after", after == null ? null : json.writeValueAsString(after))
                .update();
    }

    public List<AuditEvent> forCouncil(long councilId, int offset, int limit) {
        return jdbc.sql("""
                        SELECT * FROM audit_event WHERE council_id = :council
                        ORDER BY occurred_at DESC, id DESC OFFSET :offset LIMIT :limit
                        """)
                .param("council", councilId).param("offset", offset).param("limit", limit)
                .query(this::map).list();
    }

    public long countForCouncil(long councilId) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE council_id = :council")
                .param("council", councilId).query(Long.class).single();
    }

    public List<AuditEvent> forEntity(String entityType, String entityId) {
        return jdbc.sql("""
                        SELECT * FROM audit_event WHERE entity_type = :type AND entity_id = :id
                        ORDER BY occurred_at, id
                        """)
                .param("type", entityType).param("id", entityId)
                .query(this::map).list();
    }

    private AuditEvent map(ResultSet rs, int row) throws SQLException {
        Long council = rs.getObject("council_id", Long.class);
        return new AuditEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                council, rs.getString("actor"), AuditAction.valueOf(rs.getString("action")),
                rs.getString("entity_type"), rs.getString("entity_id"),
                read(rs.getString("before_state")), read(rs.getString("after_state")));
    }

    private Map<String, Object> read(String text) {
        return text == null ? null : json.readValue(text, MAP);
    }
}
