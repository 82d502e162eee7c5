package org.dphub.peersupport.internal;

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

/**
 * Posts, helpful marks, reports and the moderation history. Every read names the reader
 * ({@code viewer}), so what they have marked or reported comes back with the post; what they may
 * see is decided by the caller's conditions (board, council, hidden).
 */
@Repository
public class PeerSupportRepository {

    /** A post's columns, with its counts and the reader's own marks. For a question, {@code helpful} counts its visible answers' marks. */
    static final String COLUMNS = """
            p.id, p.board, p.council_id, p.question_id, p.author_user_id, p.author_name, p.title, p.body, p.hidden,
            p.hidden_reason, p.locked, p.created_at,
            (SELECT count(*) FROM peer_post a WHERE a.question_id = p.id AND NOT a.hidden) AS answers,
            CASE WHEN p.question_id IS NULL
                 THEN (SELECT count(*) FROM peer_helpful h JOIN peer_post a ON a.id = h.post_id WHERE a.question_id = p.id AND NOT a.hidden)
                 ELSE (SELECT count(*) FROM peer_helpful h WHERE h.post_id = p.id) END AS helpful,
            EXISTS (SELECT 1 FROM peer_helpful h WHERE h.post_id = p.id AND h.by_asker) AS helpful_to_asker,
            EXISTS (SELECT 1 FROM peer_helpful h WHERE h.post_id = p.id AND h.user_id = :viewer) AS helped_me,
            EXISTS (SELECT 1 FROM peer_report r WHERE r.post_id = p.id AND r.reporter_user_id = :viewer) AS reported_by_me""";

    /** A post as stored, with counts and the reader's own marks. */
    public record Row(long id, String board, long councilId, Long questionId, long authorUserId, String authorName, String title,
                      String body, boolean hidden, String hiddenReason, boolean locked, Instant createdAt, long answers, long helpful,
                      boolean helpfulToAsker, boolean helpedMe, boolean reportedByMe) {
    }

    public record Page(List<Row> rows, long total) {
    }

    /** An open report, for the moderation queue. */
    public record OpenReport(long postId, String reason, Instant at) {
    }

    private final JdbcClient jdbc;
    private final Reads reads;

    PeerSupportRepository(JdbcClient jdbc, Reads reads) {
        this.jdbc = jdbc;
        this.reads = reads;
    }

    public Optional<String> displayName(long userId) {
        return jdbc.sql("SELECT display_name FROM peer_member WHERE user_id = :user").param("user", userId).query(String.class).optional();
    }

    public void saveDisplayName(long userId, String name) {
        jdbc.sql("""
                        INSERT INTO peer_member (user_id, display_name) VALUES (:user, :name)
                        ON CONFLICT (user_id) DO UPDATE SET display_name = EXCLUDED.display_name, updated_at = now()""")
                .param("user", userId).param("name", name).update();
    }

    public long insert(String board, long councilId, Long questionId, long authorUserId, String authorName, String title, String body,
                       boolean confirmed) {
        return jdbc.sql("""
                        INSERT INTO peer_post (board, council_id, question_id, author_user_id, author_name, title, body, personal_data_confirmed)
                        VALUES (:board, :council, :question, :author, :name, :title, :body, :confirmed) RETURNING id""")
                .param("board", board).param("council", councilId).param("question", questionId).param("author", authorUserId)
                .param("name", authorName).param("title", title).param("body", body).param("confirmed", confirmed)
                .query(Long.class).single();
    }

    public Optional<Row> find(long id, long viewer) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM peer_post p WHERE p.id = :id").param("id", id).param("viewer", viewer)
                .query(PeerSupportRepository::row).optional();
    }

    /** Locks the post's row for this transaction, so two moderators (or a moderator and an answer) do not cross. */
    public void lock(long id) {
        jdbc.sql("SELECT id FROM peer_post WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional();
    }

    /** The answers to a question, oldest first (hidden ones too: the caller shows them as removed). */
    public List<Row> answers(long questionId, long viewer) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM peer_post p WHERE p.question_id = :question ORDER BY p.created_at, p.id")
                .param("question", questionId).param("viewer", viewer).query(PeerSupportRepository::row).list();
    }

    /**
     * A page of a board's questions the reader may see: the national board, or their council's; a
     * hidden question only for its poster and the poster's council's moderators ({@code moderatorCouncil}).
     * {@code tsquery} null: no search; {@code view}: "newest", "unanswered" or "helpful".
     */
    public Page questions(String board, boolean national, long council, long viewer, Long moderatorCouncil, String view,
                          String englishQuery, String welshTsquery, int limit, int offset) {
        boolean search = englishQuery != null;
        String query = welshTsquery != null
                ? "to_tsquery('simple', :welsh) || websearch_to_tsquery('english', :q)"
                : "websearch_to_tsquery('english', :q) || websearch_to_tsquery('simple', :q)";
        StringBuilder sql = new StringBuilder("WITH q AS (SELECT " + (search ? query : "NULL::tsquery") + " AS query) SELECT " + COLUMNS
                + ", count(*) OVER () AS total FROM peer_post p, q WHERE p.question_id IS NULL AND p.board = :board"
                + " AND (:national OR p.council_id = :council)"
                + " AND (NOT p.hidden OR p.author_user_id = :viewer OR p.council_id = CAST(:moderator AS bigint))");
        if ("unanswered".equals(view)) {
            sql.append(" AND NOT EXISTS (SELECT 1 FROM peer_post a WHERE a.question_id = p.id AND NOT a.hidden)");
        }
        if (search) {
            sql.append(" AND (p.search @@ q.query OR EXISTS (SELECT 1 FROM peer_post a WHERE a.question_id = p.id AND NOT a.hidden"
                    + " AND a.search @@ q.query))");
        }
        sql.append(" ORDER BY ");
        if ("helpful".equals(view)) {
            sql.append("helpful DESC, ");
        } else if (search) {
            sql.append("ts_rank(p.search, q.query) DESC, ");
        }
        sql.append("p.created_at DESC, p.id DESC LIMIT :limit OFFSET :offset");
        var statement = jdbc.sql(sql.toString()).param("board", board).param("national", national).param("council", council)
                .param("viewer", viewer).param("moderator", moderatorCouncil).param("limit", limit).param("offset", offset);
        if (search) {
            statement = statement.param("q", englishQuery);
            if (welshTsquery != null) {
                statement = statement.param("welsh", welshTsquery);
            }
        }
        long[] total = {0};
        List<Row> rows = statement.query((rs, n) -> {
            total[0] = rs.getLong("total");
            return row(rs, n);
        }).list();
        return new Page(rows, total[0]);
    }

    public boolean hasMarkedHelpful(long postId, long userId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM peer_helpful WHERE post_id = :post AND user_id = :user)")
                .param("post", postId).param("user", userId).query(Boolean.class).single();
    }

    /** Marks an answer helpful for one reader; false when they already had (nothing changes). */
    public boolean markHelpful(long postId, long userId, boolean byAsker) {
        return jdbc.sql("INSERT INTO peer_helpful (post_id, user_id, by_asker) VALUES (:post, :user, :asker) ON CONFLICT DO NOTHING")
                .param("post", postId).param("user", userId).param("asker", byAsker).update() == 1;
    }

    public long helpfulCount(long postId) {
        return jdbc.sql("SELECT count(*) FROM peer_helpful WHERE post_id = :post").param("post", postId).query(Long.class).single();
    }

    /** Records a report; empty when this reader had already reported the post. */
    public Optional<Long> report(long postId, long userId, String reason) {
        return jdbc.sql("""
                        INSERT INTO peer_report (post_id, reporter_user_id, reason) VALUES (:post, :user, :reason)
                        ON CONFLICT (post_id, reporter_user_id) DO NOTHING RETURNING id""")
                .param("post", postId).param("user", userId).param("reason", reason).query(Long.class).optional();
    }

    /** Hides or restores a post if it is not already so; false when another moderator got there first. */
    public boolean setHidden(long postId, boolean hidden, String reason) {
        return jdbc.sql("UPDATE peer_post SET hidden = :hidden, hidden_reason = :reason WHERE id = :id AND hidden <> :hidden")
                .param("hidden", hidden).param("reason", hidden ? reason : null).param("id", postId).update() == 1;
    }

    public boolean setLocked(long questionId, boolean locked) {
        return jdbc.sql("UPDATE peer_post SET locked = :locked WHERE id = :id AND question_id IS NULL AND locked <> :locked")
                .param("locked", locked).param("id", questionId).update() == 1;
    }

    public void recordModeration(long postId, long councilId, String action, String reason, String moderator) {
        jdbc.sql("""
                        INSERT INTO peer_moderation (post_id, council_id, action, reason, moderator)
                        VALUES (:post, :council, :action, :reason, :moderator)""")
                .param("post", postId).param("council", councilId).param("action", action).param("reason", reason)
                .param("moderator", moderator).update();
    }

    /** Reports not yet acted on: made after the post was last hidden, restored or kept (clock time, so one transaction orders too). */
    static final String OPEN_REPORTS = """
            SELECT r.post_id, r.reason, r.created_at FROM peer_report r JOIN peer_post p ON p.id = r.post_id
            WHERE p.council_id = :council AND r.created_at > coalesce((SELECT max(m.created_at) FROM peer_moderation m
                  WHERE m.post_id = r.post_id AND m.action IN ('HIDDEN', 'RESTORED', 'KEPT')), '-infinity'::timestamptz)""";

    public List<OpenReport> openReports(long councilId) {
        return jdbc.sql(OPEN_REPORTS + " ORDER BY r.created_at, r.id LIMIT 500").param("council", councilId)
                .query((rs, n) -> new OpenReport(rs.getLong("post_id"), rs.getString("reason"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    public long postsWithOpenReports(long councilId) {
        return jdbc.sql("SELECT count(DISTINCT post_id) FROM (" + OPEN_REPORTS + ") o").param("council", councilId).query(Long.class).single();
    }

    /** Posts by the council's people that moderators removed, newest first. */
    public List<Row> hiddenPosts(long councilId, long viewer) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM peer_post p WHERE p.council_id = :council AND p.hidden ORDER BY p.created_at DESC LIMIT 50")
                .param("council", councilId).param("viewer", viewer).query(PeerSupportRepository::row).list();
    }

    public Optional<String> titleOf(long questionId) {
        return jdbc.sql("SELECT title FROM peer_post WHERE id = :id").param("id", questionId).query(String.class).optional();
    }

    /** The council's practitioners' questions no one has answered yet. */
    public long unansweredPractitionerQuestions(long councilId) {
        return jdbc.sql("""
                        SELECT count(*) FROM peer_post p WHERE p.board = 'PRACTITIONERS' AND p.council_id = :council
                        AND p.question_id IS NULL AND NOT p.hidden
                        AND NOT EXISTS (SELECT 1 FROM peer_post a WHERE a.question_id = p.id AND NOT a.hidden)""")
                .param("council", councilId).query(Long.class).single();
    }

    /** The reader's own questions that have answers, none of which they have said helped. */
    private record OwnWaitingForHelpful(long userId) {
    }

    /** This person's questions with answers, none of which they have yet marked helpful: the newest 5. */
    public Read<List<Row>> ownQuestionsWaitingForHelpfulRead(long userId) {
        return Read.list(new OwnWaitingForHelpful(userId), "SELECT " + COLUMNS + """
                         FROM peer_post p WHERE p.author_user_id = :viewer AND p.question_id IS NULL AND NOT p.hidden
                        AND EXISTS (SELECT 1 FROM peer_post a WHERE a.question_id = p.id AND NOT a.hidden)
                        AND NOT EXISTS (SELECT 1 FROM peer_helpful h JOIN peer_post a ON a.id = h.post_id
                                        WHERE a.question_id = p.id AND h.user_id = :viewer)
                        ORDER BY p.created_at DESC LIMIT 5""", Map.of("viewer", userId), PeerSupportRepository::row);
    }

    public List<Row> ownQuestionsWaitingForHelpful(long userId) {
        return reads.get(ownQuestionsWaitingForHelpfulRead(userId));
    }

    static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("board"), rs.getLong("council_id"), (Long) rs.getObject("question_id", Long.class),
                rs.getLong("author_user_id"), rs.getString("author_name"), rs.getString("title"), rs.getString("body"),
                rs.getBoolean("hidden"), rs.getString("hidden_reason"), rs.getBoolean("locked"),
                rs.getTimestamp("created_at").toInstant(), rs.getLong("answers"), rs.getLong("helpful"),
                rs.getBoolean("helpful_to_asker"), rs.getBoolean("helped_me"), rs.getBoolean("reported_by_me"));
    }
}
