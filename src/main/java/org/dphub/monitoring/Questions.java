package org.dphub.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.letters.LetterKind;
import org.dphub.letters.Letters;
import org.dphub.payments.Accounts;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.Read;
import org.dphub.shared.database.Reads;
import org.dphub.web.Conflict;
import org.dphub.web.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An officer asks a question about an account in plain words; the person gets a friendly letter
 * and answers online (or their representative does). Nothing is changed once written.
 */
@Service
public class Questions {

    public record Question(long id, long accountId, long citizenId, String question, String askedBy, Instant askedAt,
                           String answer, String answeredBy, Instant answeredAt) {

        public boolean answered() {
            return answer != null;
        }

        public java.time.LocalDateTime askedInUk() {
            return java.time.LocalDateTime.ofInstant(askedAt, java.time.ZoneId.of("Europe/London"));
        }
    }

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final Letters letters;
    private final AuditTrail audit;
    private final Reads reads;

    Questions(JdbcClient jdbc, Accounts accounts, Letters letters, AuditTrail audit, Reads reads) {
        this.jdbc = jdbc;
        this.reads = reads;
        this.accounts = accounts;
        this.letters = letters;
        this.audit = audit;
    }

    @Transactional
    public Question ask(SignedInUser staff, long accountId, String question) {
        if (!(staff.has(Role.FINANCE) || staff.has(Role.DP_TEAM) || staff.has(Role.PRACTITIONER))) {
            throw new AccessDeniedException("Only finance, the direct payments team and practitioners ask questions");
        }
        Accounts.Summary summary = accounts.find(staff, accountId).filter(s -> staff.isStaffOf(s.account().councilId()))
                .orElseThrow(NotFound::new);
        long citizenId = summary.account().citizenId();
        long letterId = letters.send(staff, citizenId, LetterKind.QUESTION, Map.of("question", question)).id();
        long id = jdbc.sql("""
                        INSERT INTO monitoring_question (council_id, account_id, citizen_id, question, letter_id, asked_by)
                        VALUES (:c, :a, :p, :q, :l, :by) RETURNING id""")
                .param("c", summary.account().councilId()).param("a", accountId).param("p", citizenId).param("q", question)
                .param("l", letterId).param("by", staff.username()).query(Long.class).single();
        audit.record(summary.account().councilId(), "monitoring_question", id, AuditAction.CREATE, null,
                AuditTrail.values("accountId", accountId, "question", question));
        return find(id).orElseThrow();
    }

    /** The person (or someone acting for them) answers; one answer each, kept as written. */
    @Transactional
    public Question answer(SignedInUser user, long questionId, String answer) {
        Question question = find(questionId).filter(q -> accounts.find(user, q.accountId()).isPresent()).orElseThrow(NotFound::new);
        long councilId = accounts.find(user, question.accountId()).orElseThrow(NotFound::new).account().councilId();
        if (user.isStaff()) {
            throw new AccessDeniedException("The person answers their own questions");
        }
        if (question.answered()) {
            throw new Conflict("This question was answered already");
        }
        long id = jdbc.sql("INSERT INTO monitoring_answer (question_id, answer, answered_by) VALUES (:q, :a, :by) RETURNING id")
                .param("q", questionId).param("a", answer).param("by", user.username()).query(Long.class).single();
        audit.record(councilId, "monitoring_answer", id, AuditAction.CREATE, null, AuditTrail.values("questionId", questionId));
        return find(questionId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<Question> forAccount(SignedInUser user, long accountId) {
        accounts.find(user, accountId).orElseThrow(NotFound::new);
        return jdbc.sql(SELECT + " WHERE q.account_id = :a ORDER BY q.asked_at DESC, q.id DESC").param("a", accountId)
                .query(Questions::row).list();
    }

    /** Questions to the people this user is or acts for, newest first. */
    @Transactional(readOnly = true)
    public List<Question> forCitizen(SignedInUser user, long citizenId) {
        return reads.get(forCitizenRead(citizenId)).stream().filter(q -> accounts.find(user, q.accountId()).isPresent()).toList();
    }

    private record QuestionsTo(long citizenId) {
    }

    private static Read<List<Question>> forCitizenRead(long citizenId) {
        return Read.list(new QuestionsTo(citizenId), SELECT + " WHERE q.citizen_id = :p ORDER BY q.asked_at DESC, q.id DESC",
                Map.of("p", citizenId), Questions::row);
    }

    /**
     * What the home page will read here for a person, to send with the other modules' reads: the rows
     * only; who may see them is checked as {@link #forCitizen} reads them.
     */
    public void readAhead(long citizenId, Reads.Together reads) {
        reads.add(forCitizenRead(citizenId));
    }

    @Transactional(readOnly = true)
    public Optional<Question> find(SignedInUser user, long id) {
        return find(id).filter(q -> accounts.find(user, q.accountId()).isPresent());
    }

    private Optional<Question> find(long id) {
        return jdbc.sql(SELECT + " WHERE q.id = :id").param("id", id).query(Questions::row).optional();
    }

    private static final String SELECT = """
            SELECT q.id, q.account_id, q.citizen_id, q.question, q.asked_by, q.asked_at, a.answer, a.answered_by, a.answered_at
            FROM monitoring_question q
            LEFT JOIN LATERAL (SELECT * FROM monitoring_answer a WHERE a.question_id = q.id ORDER BY a.id LIMIT 1) a ON true""";

    private static Question row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        java.sql.Timestamp answered = rs.getTimestamp("answered_at");
        return new Question(rs.getLong("id"), rs.getLong("account_id"), rs.getLong("citizen_id"), rs.getString("question"),
                rs.getString("asked_by"), rs.getTimestamp("asked_at").toInstant(), rs.getString("answer"), rs.getString("answered_by"),
                answered == null ? null : answered.toInstant());
    }
}
