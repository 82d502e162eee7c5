package org.dphub.monitoring.letters;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class LetterRepository {

    record Template(String subject, String body) {
    }

    private final JdbcClient jdbc;

    LetterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Template> councilTemplate(long councilId, LetterKind kind, String language) {
        return jdbc.sql("""
                        SELECT subject, body FROM letter_template WHERE council_id = :c AND kind = :k AND language = :l
                        ORDER BY id DESC LIMIT 1""")
                .param("c", councilId).param("k", kind.name()).param("l", language)
                .query((rs, row) -> new Template(rs.getString(1), rs.getString(2))).optional();
    }

    void saveTemplate(long councilId, LetterKind kind, String language, String subject, String body, String by) {
        jdbc.sql("""
                        INSERT INTO letter_template (council_id, kind, language, subject, body, created_by)
                        VALUES (:c, :k, :l, :s, :b, :by)""")
                .param("c", councilId).param("k", kind.name()).param("l", language).param("s", subject).param("b", body)
                .param("by", by).update();
    }

    /** The new letter's id; empty when a letter with this idempotency key (when there is one) was written before. */
    Optional<Long> insert(long councilId, long citizenId, LetterKind kind, String language, String channel, String recipient, String subject,
                          String body, String by, String idempotencyKey) {
        return jdbc.sql("""
                        INSERT INTO letter (council_id, citizen_id, kind, language, channel, recipient, subject, body, status, created_by,
                                            idempotency_key)
                        VALUES (:c, :p, :k, :l, :ch, :r, :s, :b, 'OUTBOX', :by, :key)
                        ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING RETURNING id""")
                .param("c", councilId).param("p", citizenId).param("k", kind.name()).param("l", language).param("ch", channel)
                .param("r", recipient).param("s", subject).param("b", body).param("by", by).param("key", idempotencyKey)
                .query(Long.class).optional();
    }

    void sent(long id, String notifyId) {
        jdbc.sql("UPDATE letter SET status = 'SENT', notify_id = :n WHERE id = :id").param("n", notifyId).param("id", id).update();
    }

    void failed(long id, String failure) {
        jdbc.sql("UPDATE letter SET status = 'FAILED', failure = :f WHERE id = :id")
                .param("f", failure.length() > 500 ? failure.substring(0, 500) : failure).param("id", id).update();
    }

    Optional<Letter> find(long id) {
        return jdbc.sql("SELECT * FROM letter WHERE id = :id").param("id", id).query(LetterRepository::letter).optional();
    }

    List<Letter> forCouncil(long councilId, int limit) {
        return jdbc.sql("SELECT * FROM letter WHERE council_id = :c ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("c", councilId).param("limit", limit).query(LetterRepository::letter).list();
    }

    List<Letter> forCitizen(long citizenId) {
        return jdbc.sql("SELECT * FROM letter WHERE citizen_id = :p ORDER BY created_at DESC, id DESC")
                .param("p", citizenId).query(LetterRepository::letter).list();
    }

    private static Letter letter(ResultSet rs, int row) throws SQLException {
        return new Letter(rs.getLong("id"), rs.getLong("council_id"), rs.getLong("citizen_id"), LetterKind.valueOf(rs.getString("kind")),
                rs.getString("language"), rs.getString("channel"), rs.getString("recipient"), rs.getString("subject"),
                rs.getString("body"), rs.getString("status"), rs.getString("notify_id"), rs.getString("failure"),
                rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }
}
