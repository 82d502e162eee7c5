package org.dphub.letters.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.dphub.letters.DeliveryStatus;
import org.dphub.letters.FailureReason;
import org.dphub.letters.Letter;
import org.dphub.letters.LetterAttempt;
import org.dphub.letters.LetterDelivery;
import org.dphub.letters.LetterDraft;
import org.dphub.letters.LetterKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Letters, their council's own wording, and every attempt to send them (SQL on {@code letter}, {@code letter_template}, {@code letter_attempt}). */
@Repository
public class LetterRepository {

    public record Template(String subject, String body) {
    }

    /** A letter the delivery job has claimed; {@code reclaimed}: an earlier claim ran out (the instance stopped mid-send). */
    public record Claim(Letter letter, UUID claimId, boolean reclaimed) {
    }

    private final JdbcClient jdbc;

    LetterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Template> councilTemplate(long councilId, LetterKind kind, String language) {
        return jdbc.sql("""
                        SELECT subject, body FROM letter_template WHERE council_id = :c AND kind = :k AND language = :l
                        ORDER BY id DESC LIMIT 1""")
                .param("c", councilId).param("k", kind.name()).param("l", language)
                .query((rs, row) -> new Template(rs.getString(1), rs.getString(2))).optional();
    }

    public void saveTemplate(long councilId, LetterKind kind, String language, String subject, String body, String by) {
        jdbc.sql("""
                        INSERT INTO letter_template (council_id, kind, language, subject, body, created_by)
                        VALUES (:c, :k, :l, :s, :b, :by)""")
                .param("c", councilId).param("k", kind.name()).param("l", language).param("s", subject).param("b", body)
                .param("by", by).update();
    }

    /**
     * The new letter's id; empty when a letter with this idempotency key (when there is one) was
     * written before. A PENDING letter is due at {@code due}.
     */
    public Optional<Long> insert(LetterDraft draft, DeliveryStatus status, Instant due, String by, String idempotencyKey) {
        return jdbc.sql("""
                        INSERT INTO letter (council_id, citizen_id, pa_profile_id, representative_id, about_citizen_id, kind, language, channel,
                                            recipient, subject, body, status, created_by, idempotency_key, next_attempt_at)
                        VALUES (:c, :p, :pa, :rep, :about, :k, :l, :ch, :r, :s, :b, :status, :by, :key, :due)
                        ON CONFLICT (idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING RETURNING id""")
                .param("c", draft.councilId()).param("p", draft.citizenId()).param("pa", draft.paProfileId())
                .param("rep", draft.representativeId()).param("about", draft.aboutCitizenId()).param("k", draft.kind().name()).param("l", draft.language())
                .param("ch", draft.channel()).param("r", draft.recipient()).param("s", draft.subject()).param("b", draft.body())
                .param("status", status.name()).param("by", by).param("key", idempotencyKey)
                .param("due", status == DeliveryStatus.PENDING ? Timestamp.from(due) : null)
                .query(Long.class).optional();
    }

    /**
     * Claims the letter due first ({@code FOR UPDATE SKIP LOCKED}: two workers never take the same
     * one): PENDING and due by {@code now}, or SENDING with a claim that ran out. It becomes SENDING
     * until {@code until}, and its attempt is counted now, so an attempt cut short still counts.
     */
    public Optional<Claim> claimNext(Instant now, Instant until) {
        UUID claim = UUID.randomUUID();
        return jdbc.sql("""
                        UPDATE letter l SET status = 'SENDING', claim_id = :claim, claimed_until = :until, attempts = l.attempts + 1
                        FROM (SELECT id, status AS was FROM letter
                              WHERE (status = 'PENDING' AND next_attempt_at <= :now) OR (status = 'SENDING' AND claimed_until < :now)
                              ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED) due
                        WHERE l.id = due.id
                        RETURNING l.*, due.was""")
                .param("claim", claim).param("until", Timestamp.from(until)).param("now", Timestamp.from(now))
                .query((rs, row) -> new Claim(letter(rs, row), claim, "SENDING".equals(rs.getString("was")))).optional();
    }

    /**
     * Records how the claimed attempt ended, if the claim is still this worker's (a claim that ran out
     * may have been taken over; then the attempt is still recorded but the other worker decides).
     * Returns whether the letter moved.
     */
    public boolean finish(Claim claim, DeliveryStatus to, Instant at, String notifyId, FailureReason reason, String failure,
                          Instant nextAttemptAt) {
        return jdbc.sql("""
                        UPDATE letter SET status = :to, claim_id = NULL, claimed_until = NULL, next_attempt_at = :next,
                               notify_id = coalesce(:notify, notify_id), sent_at = CASE WHEN :to = 'SENT' THEN :at ELSE sent_at END,
                               failure_reason = :reason, failure = :failure
                        WHERE id = :id AND status = 'SENDING' AND claim_id = :claim""")
                .param("to", to.name()).param("next", nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt))
                .param("notify", notifyId).param("at", Timestamp.from(at)).param("reason", reason == null ? null : reason.name())
                .param("failure", shorter(failure)).param("id", claim.letter().id()).param("claim", claim.claimId())
                .update() == 1;
    }

    public void recordAttempt(Letter letter, int attempt, Instant at, LetterAttempt.Outcome outcome, FailureReason reason, Integer httpStatus,
                              String notifyId, String detail, Instant nextAttemptAt) {
        jdbc.sql("""
                        INSERT INTO letter_attempt (letter_id, council_id, attempt, attempted_at, outcome, failure_reason, http_status,
                                                    notify_id, detail, next_attempt_at)
                        VALUES (:l, :c, :n, :at, :outcome, :reason, :http, :notify, :detail, :next)""")
                .param("l", letter.id()).param("c", letter.councilId()).param("n", attempt).param("at", Timestamp.from(at))
                .param("outcome", outcome.name()).param("reason", reason == null ? null : reason.name()).param("http", httpStatus)
                .param("notify", notifyId).param("detail", shorter(detail))
                .param("next", nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt)).update();
    }

    /**
     * FAILED → PENDING, due at {@code due}, attempts counted from 1 again; false if it is not FAILED
     * (any more). The last failure stays: after no answer, the letter is still looked up before it is sent.
     */
    public boolean sendAgain(long id, Instant due) {
        return jdbc.sql("""
                        UPDATE letter SET status = 'PENDING', attempts = 0, next_attempt_at = :due
                        WHERE id = :id AND status = 'FAILED'""")
                .param("due", Timestamp.from(due)).param("id", id).update() == 1;
    }

    public Optional<Letter> find(long id) {
        return jdbc.sql("SELECT * FROM letter WHERE id = :id").param("id", id).query(LetterRepository::letter).optional();
    }

    /** The council's newest letters; only FAILED ones when {@code onlyFailed}. */
    public List<Letter> forCouncil(long councilId, boolean onlyFailed, int limit) {
        return jdbc.sql("SELECT * FROM letter WHERE council_id = :c" + (onlyFailed ? " AND status = 'FAILED'" : "")
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("c", councilId).param("limit", limit).query(LetterRepository::letter).list();
    }

    public long failedForCouncil(long councilId) {
        return jdbc.sql("SELECT count(*) FROM letter WHERE council_id = :c AND status = 'FAILED'").param("c", councilId)
                .query(Long.class).single();
    }

    public List<Letter> forCitizen(long citizenId) {
        return jdbc.sql("SELECT * FROM letter WHERE citizen_id = :p ORDER BY created_at DESC, id DESC")
                .param("p", citizenId).query(LetterRepository::letter).list();
    }

    /** Newest first. */
    public List<LetterAttempt> attempts(long letterId) {
        return jdbc.sql("SELECT * FROM letter_attempt WHERE letter_id = :l ORDER BY id DESC").param("l", letterId)
                .query((rs, row) -> new LetterAttempt(rs.getLong("id"), rs.getLong("letter_id"), rs.getInt("attempt"),
                        rs.getTimestamp("attempted_at").toInstant(), LetterAttempt.Outcome.valueOf(rs.getString("outcome")),
                        reason(rs.getString("failure_reason")), (Integer) rs.getObject("http_status"), rs.getString("notify_id"),
                        rs.getString("detail"), instant(rs.getTimestamp("next_attempt_at"))))
                .list();
    }

    private static String shorter(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    private static FailureReason reason(String name) {
        return name == null ? null : FailureReason.valueOf(name);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Letter letter(ResultSet rs, int row) throws SQLException {
        LetterDelivery delivery = new LetterDelivery(DeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                instant(rs.getTimestamp("next_attempt_at")), instant(rs.getTimestamp("sent_at")), rs.getString("notify_id"),
                reason(rs.getString("failure_reason")), rs.getString("failure"));
        return new Letter(rs.getLong("id"), rs.getLong("council_id"), rs.getObject("citizen_id", Long.class),
                rs.getObject("pa_profile_id", Long.class), rs.getObject("representative_id", Long.class), LetterKind.valueOf(rs.getString("kind")),
                rs.getString("language"), rs.getString("channel"), rs.getString("recipient"), rs.getString("subject"),
                rs.getString("body"), delivery, rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());
    }
}
