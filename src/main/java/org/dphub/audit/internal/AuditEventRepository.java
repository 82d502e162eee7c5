package org.dphub.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditEvent;
import org.dphub.audit.AuditFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads and appends audit events and whom they concern. There is deliberately no update or delete. */
@Repository
public class AuditEventRepository {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    /** Dates people filter by are UK dates. */
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final JdbcClient jdbc;
    private final JsonMapper json;

    AuditEventRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The same change to many entities in one statement (a payment run's first payments, say): entity id → event id. */
    public Map<String, Long> insertSame(long[] councilIds, long[] entityIds, String actor, AuditAction action, String entityType,
                                        Object before, Object after) {
        Long[] councils = Arrays.stream(councilIds).boxed().toArray(Long[]::new);
        String[] ids = Arrays.stream(entityIds).mapToObj(String::valueOf).toArray(String[]::new);
        Map<String, Long> events = new LinkedHashMap<>();
        jdbc.sql("""
                        INSERT INTO audit_event (council_id, actor, action, entity_type, entity_id, before_state, after_state)
                        SELECT u.council, :actor, :action, :type, u.id, CAST(:before AS jsonb), CAST(:after AS jsonb)
                        FROM unnest(:councils, :ids) AS u(council, id)
                        RETURNING id, entity_id""")
                .param("councils", new SqlArrayValue("bigint", (Object[]) councils))
                .param("ids", new SqlArrayValue("text", (Object[]) ids))
                .param("actor", actor).param("action", action.name()).param("type", entityType)
                .param("before", before == null ? null : json.writeValueAsString(before))
                .param("after", after == null ? null : json.writeValueAsString(after))
                .query((rs, row) -> events.put(rs.getString("entity_id"), rs.getLong("id")))
                .list();
        return events;
    }

    public long insert(Long councilId, String actor, AuditAction action, String entityType, String entityId,
                       Object before, Object after) {
        return jdbc.sql("""
                        INSERT INTO audit_event (council_id, actor, action, entity_type, entity_id, before_state, after_state)
                        VALUES (:council, :actor, :action, :type, :id, CAST(:before AS jsonb), CAST(:after AS jsonb))
                        RETURNING id""")
                .param("council", councilId)
                .param("actor", actor)
                .param("action", action.name())
                .param("type", entityType)
                .param("id", entityId)
                .param("before", before == null ? null : json.writeValueAsString(before))
                .param("after", after == null ? null : json.writeValueAsString(after))
                .query(Long.class).single();
    }

    /** Records whom each event concerns: event id → citizen id. */
    public void insertSubjects(Map<Long, Long> citizenByEvent) {
        if (citizenByEvent.isEmpty()) {
            return;
        }
        jdbc.sql("""
                        INSERT INTO audit_event_subject (event_id, citizen_id)
                        SELECT * FROM unnest(:events, :citizens) ON CONFLICT DO NOTHING""")
                .param("events", new SqlArrayValue("bigint", citizenByEvent.keySet().toArray()))
                .param("citizens", new SqlArrayValue("bigint", citizenByEvent.values().toArray()))
                .update();
    }

    /** The council's events the filter lets through, newest first. */
    public List<AuditEvent> search(long councilId, AuditFilter filter, List<String> actors, int offset, int limit) {
        Where where = where(councilId, filter, actors);
        var statement = jdbc.sql("""
                        SELECT e.*, (SELECT min(s.citizen_id) FROM audit_event_subject s WHERE s.event_id = e.id) AS subject
                        FROM audit_event e WHERE %s
                        ORDER BY e.occurred_at DESC, e.id DESC OFFSET :offset LIMIT :limit""".formatted(where.sql()))
                .param("offset", offset).param("limit", limit);
        for (Map.Entry<String, Object> p : where.params().entrySet()) {
            statement = statement.param(p.getKey(), p.getValue());
        }
        return statement.query(this::map).list();
    }

    public long count(long councilId, AuditFilter filter, List<String> actors) {
        Where where = where(councilId, filter, actors);
        var statement = jdbc.sql("SELECT count(*) FROM audit_event e WHERE " + where.sql());
        for (Map.Entry<String, Object> p : where.params().entrySet()) {
            statement = statement.param(p.getKey(), p.getValue());
        }
        return statement.query(Long.class).single();
    }

    private record Where(String sql, Map<String, Object> params) {
    }

    /** Only fixed SQL is added here; every value the reader gave is a parameter. */
    private static Where where(long councilId, AuditFilter filter, List<String> actors) {
        List<String> conditions = new ArrayList<>(List.of("e.council_id = :council"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("council", councilId);
        if (filter.citizenIds() != null) {
            conditions.add("""
                    EXISTS (SELECT 1 FROM audit_event_subject s WHERE s.event_id = e.id AND s.citizen_id = ANY(:citizens))""");
            params.put("citizens", new SqlArrayValue("bigint", filter.citizenIds().toArray()));
        }
        if (actors != null) {
            conditions.add("e.actor = ANY(:actors)");
            params.put("actors", new SqlArrayValue("text", actors.toArray()));
        }
        if (filter.from() != null) {
            conditions.add("e.occurred_at >= :from");
            params.put("from", java.sql.Timestamp.from(filter.from().atStartOfDay(UK).toInstant()));
        }
        if (filter.to() != null) {
            conditions.add("e.occurred_at < :to");
            LocalDate dayAfter = filter.to().plusDays(1);
            params.put("to", java.sql.Timestamp.from(dayAfter.atStartOfDay(UK).toInstant()));
        }
        if (filter.entityType() != null) {
            conditions.add("e.entity_type = :type");
            params.put("type", filter.entityType());
        }
        return new Where(String.join(" AND ", conditions), params);
    }

    public List<AuditEvent> forEntity(String entityType, String entityId) {
        return jdbc.sql("""
                        SELECT e.*, (SELECT min(s.citizen_id) FROM audit_event_subject s WHERE s.event_id = e.id) AS subject
                        FROM audit_event e WHERE e.entity_type = :type AND e.entity_id = :id
                        ORDER BY e.occurred_at, e.id
                        """)
                .param("type", entityType).param("id", entityId)
                .query(this::map).list();
    }

    private AuditEvent map(ResultSet rs, int row) throws SQLException {
        Long council = rs.getObject("council_id", Long.class);
        return new AuditEvent(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                council, rs.getString("actor"), AuditAction.valueOf(rs.getString("action")),
                rs.getString("entity_type"), rs.getString("entity_id"),
                read(rs.getString("before_state")), read(rs.getString("after_state")),
                rs.getObject("subject", Long.class));
    }

    private Map<String, Object> read(String text) {
        return text == null ? null : json.readValue(text, MAP);
    }
}
