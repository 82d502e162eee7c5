package org.dphub.help.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dphub.shared.database.Read;
import org.dphub.shared.database.Reads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Requests for help and their replies; every query names the council or the asker. */
@Repository
public class HelpRepository {

    /** A request as stored, with user ids; names are added by the public face. */
    public record Row(long id, long councilId, Long citizenId, long askedBy, String askerRole, String kind, String text,
                      String language, List<String> outcomes, String status, Long assignedTo, Instant askedAt,
                      Instant firstReplyAt, Instant closedAt, Long closedBy, String whatWasDone, long version) {
    }

    public record ReplyRow(long id, long authorId, boolean fromTeam, String text, Instant writtenAt) {
    }

    private final JdbcClient jdbc;
    private final Reads reads;

    HelpRepository(JdbcClient jdbc, Reads reads) {
        this.jdbc = jdbc;
        this.reads = reads;
    }

    public long insert(long councilId, Long citizenId, long askedBy, String askerRole, String kind, String text, String language,
                       List<String> outcomes, Long assignedTo, Instant askedAt) {
        return jdbc.sql("""
                        INSERT INTO help_request (council_id, citizen_id, asked_by, asker_role, kind, text, language, outcomes,
                            status, assigned_to, asked_at)
                        VALUES (:council, :citizen, :asker, :role, :kind, :text, :language, :outcomes, 'OPEN', :assigned, :at)
                        RETURNING id""")
                .param("council", councilId).param("citizen", citizenId).param("asker", askedBy).param("role", askerRole)
                .param("kind", kind).param("text", text).param("language", language)
                .param("outcomes", new org.springframework.jdbc.support.SqlArrayValue("text", outcomes.toArray())).param("assigned", assignedTo)
                .param("at", java.sql.Timestamp.from(askedAt))
                .query(Long.class).single();
    }

    public Optional<Row> find(long id) {
        return jdbc.sql("SELECT * FROM help_request WHERE id = :id").param("id", id).query(HelpRepository::row).optional();
    }

    public List<ReplyRow> replies(long councilId, long requestId) {
        return jdbc.sql("SELECT * FROM help_reply WHERE council_id = :council AND request_id = :id ORDER BY id")
                .param("council", councilId).param("id", requestId)
                .query((rs, row) -> new ReplyRow(rs.getLong("id"), rs.getLong("author_id"), rs.getBoolean("from_team"),
                        rs.getString("text"), rs.getTimestamp("written_at").toInstant()))
                .list();
    }

    public long insertReply(long councilId, long requestId, long authorId, boolean fromTeam, String text, Instant at) {
        return jdbc.sql("""
                        INSERT INTO help_reply (request_id, council_id, author_id, from_team, text, written_at)
                        VALUES (:id, :council, :author, :team, :text, :at) RETURNING id""")
                .param("id", requestId).param("council", councilId).param("author", authorId).param("team", fromTeam)
                .param("text", text).param("at", java.sql.Timestamp.from(at))
                .query(Long.class).single();
    }

    /** Moves the request on if nobody else did since {@code version}: the status, and the first reply's time once. */
    public boolean update(long id, long version, String status, Instant firstReplyAt, Long assignedTo) {
        return jdbc.sql("""
                        UPDATE help_request SET status = :status, first_reply_at = coalesce(first_reply_at, :first),
                            assigned_to = :assigned, version = version + 1
                        WHERE id = :id AND version = :version""")
                .param("status", status).param("first", firstReplyAt == null ? null : java.sql.Timestamp.from(firstReplyAt))
                .param("assigned", assignedTo).param("id", id).param("version", version)
                .update() == 1;
    }

    public boolean close(long id, long version, long closedBy, String whatWasDone, Instant at) {
        return jdbc.sql("""
                        UPDATE help_request SET status = 'CLOSED', closed_at = :at, closed_by = :by, what_was_done = :done,
                            version = version + 1
                        WHERE id = :id AND version = :version AND status <> 'CLOSED'""")
                .param("at", java.sql.Timestamp.from(at)).param("by", closedBy).param("done", whatWasDone)
                .param("id", id).param("version", version)
                .update() == 1;
    }

    /** The asker's own requests, newest first. */
    public List<Row> askedBy(long userId) {
        return jdbc.sql("SELECT * FROM help_request WHERE asked_by = :u ORDER BY asked_at DESC, id DESC LIMIT 200")
                .param("u", userId).query(HelpRepository::row).list();
    }

    /** One of the queue's lists, oldest first (closed: newest first), at most {@code limit}. */
    public List<Row> queue(long councilId, org.dphub.help.HelpQueue show, long userId, int limit) {
        String where = switch (show) {
            case OPEN -> "status <> 'CLOSED'";
            case MINE -> "status <> 'CLOSED' AND assigned_to = :user";
            case UNASSIGNED -> "status <> 'CLOSED' AND assigned_to IS NULL";
            case WAITING -> "status = 'ANSWERED'";
            case CLOSED -> "status = 'CLOSED'";
        };
        String order = show == org.dphub.help.HelpQueue.CLOSED ? "closed_at DESC, id DESC" : "asked_at, id";
        return jdbc.sql("SELECT * FROM help_request WHERE council_id = :council AND " + where + " ORDER BY " + order + " LIMIT :limit")
                .param("council", councilId).param("user", userId).param("limit", limit)
                .query(HelpRepository::row).list();
    }

    /** Counts for the team's home and the queue's tabs: set-based, filtered by the council. */
    public org.dphub.help.HelpCounts counts(long councilId, long userId, Instant overdueBefore) {
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE status <> 'CLOSED') AS open,
                               count(*) FILTER (WHERE status <> 'CLOSED' AND assigned_to = :user) AS mine,
                               count(*) FILTER (WHERE status <> 'CLOSED' AND assigned_to IS NULL) AS unassigned,
                               count(*) FILTER (WHERE status = 'ANSWERED') AS waiting,
                               count(*) FILTER (WHERE status <> 'CLOSED' AND first_reply_at IS NULL AND asked_at < :before) AS overdue
                        FROM help_request WHERE council_id = :council AND status <> 'CLOSED'""")
                .param("council", councilId).param("user", userId).param("before", java.sql.Timestamp.from(overdueBefore))
                .query((rs, row) -> new org.dphub.help.HelpCounts(rs.getLong("open"), rs.getLong("mine"), rs.getLong("unassigned"),
                        rs.getLong("waiting"), rs.getLong("overdue")))
                .single();
    }

    /** How many of the asker's requests have a reply from the team they have not answered (status ANSWERED). */
    private record AnsweredFor(long userId) {
    }

    /** How many of this person's requests have been answered (and not yet closed). */
    public Read<Long> answeredForRead(long userId) {
        return Read.number(new AnsweredFor(userId), "SELECT count(*) FROM help_request WHERE asked_by = :u AND status = 'ANSWERED'",
                Map.of("u", userId));
    }

    public long answeredFor(long userId) {
        return reads.get(answeredForRead(userId));
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        java.sql.Array outcomes = rs.getArray("outcomes");
        return new Row(rs.getLong("id"), rs.getLong("council_id"), rs.getObject("citizen_id", Long.class), rs.getLong("asked_by"),
                rs.getString("asker_role"), rs.getString("kind"), rs.getString("text"), rs.getString("language"),
                outcomes == null ? List.of() : List.of((String[]) outcomes.getArray()), rs.getString("status"),
                rs.getObject("assigned_to", Long.class), instant(rs, "asked_at"), instant(rs, "first_reply_at"),
                instant(rs, "closed_at"), rs.getObject("closed_by", Long.class), rs.getString("what_was_done"),
                rs.getLong("version"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
