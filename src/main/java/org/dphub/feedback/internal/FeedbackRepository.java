package org.dphub.feedback.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dphub.feedback.RoleKind;
import org.dphub.feedback.Round;
import org.dphub.feedback.Stage;
import org.dphub.shared.database.Read;
import org.dphub.shared.database.Reads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Survey rounds, answers and who has answered. Every query names the council. An anonymous answer
 * is written with no user id; the "has answered" row is written in the same transaction but holds
 * nothing that joins it to the answer.
 */
@Repository
public class FeedbackRepository {

    private final JdbcClient jdbc;
    private final Reads reads;

    FeedbackRepository(JdbcClient jdbc, Reads reads) {
        this.jdbc = jdbc;
        this.reads = reads;
    }

    public long insertRound(long councilId, String title, String titleCy, LocalDate opensOn, LocalDate closesOn, Set<RoleKind> invited,
                            String by) {
        return jdbc.sql("""
                        INSERT INTO feedback_round (council_id, title, title_cy, opens_on, closes_on, invite_holders, invite_representatives,
                            invite_pas, invite_staff, created_by)
                        VALUES (:c, :title, :titleCy, :opens, :closes, :h, :r, :pa, :s, :by) RETURNING id""")
                .param("c", councilId).param("title", title).param("titleCy", titleCy).param("opens", opensOn).param("closes", closesOn)
                .param("h", invited.contains(RoleKind.HOLDER)).param("r", invited.contains(RoleKind.REPRESENTATIVE))
                .param("pa", invited.contains(RoleKind.PA)).param("s", invited.contains(RoleKind.STAFF)).param("by", by)
                .query(Long.class).single();
    }

    public Optional<Round> round(long id) {
        return jdbc.sql("SELECT * FROM feedback_round WHERE id = :id").param("id", id).query(FeedbackRepository::round).optional();
    }

    /** A council's rounds, newest first, with how many answered each. */
    public List<RoundRow> rounds(long councilId) {
        return jdbc.sql("""
                        SELECT r.*, (SELECT count(*) FROM feedback_answer a WHERE a.round_id = r.id) AS answers
                        FROM feedback_round r WHERE r.council_id = :c ORDER BY r.opens_on DESC, r.id DESC LIMIT 200""")
                .param("c", councilId).query((rs, n) -> new RoundRow(round(rs, n), rs.getLong("answers"))).list();
    }

    public record RoundRow(Round round, long answers) {
    }

    /** Rounds open on {@code today} in any of these councils. */
    private record OpenIn(List<Long> councilIds, LocalDate today) {
    }

    /** The rounds open today in these councils (at least one), closing first first. */
    public Read<List<Round>> openInRead(Collection<Long> councilIds, LocalDate today) {
        return Read.list(new OpenIn(List.copyOf(councilIds), today), """
                        SELECT * FROM feedback_round WHERE council_id IN (:c) AND opens_on <= :today AND closes_on >= :today
                        ORDER BY closes_on, id""", Map.of("c", List.copyOf(councilIds), "today", today), FeedbackRepository::round);
    }

    public List<Round> openIn(Collection<Long> councilIds, LocalDate today) {
        if (councilIds.isEmpty()) {
            return List.of();
        }
        return reads.get(openInRead(councilIds, today));
    }

    public long countOpen(long councilId, LocalDate today) {
        return jdbc.sql("SELECT count(*) FROM feedback_round WHERE council_id = :c AND opens_on <= :today AND closes_on >= :today")
                .param("c", councilId).param("today", today).query(Long.class).single();
    }

    public boolean hasAnswered(long roundId, long userId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM feedback_respondent WHERE round_id = :r AND user_id = :u)")
                .param("r", roundId).param("u", userId).query(Boolean.class).single();
    }

    /** Records that the person has answered; false when they already had (nothing written). */
    public boolean markAnswered(long roundId, long userId) {
        return jdbc.sql("INSERT INTO feedback_respondent (round_id, user_id) VALUES (:r, :u) ON CONFLICT DO NOTHING")
                .param("r", roundId).param("u", userId).update() == 1;
    }

    public long insertAnswer(long roundId, long councilId, Long userId, RoleKind kind, LocalDate on) {
        return jdbc.sql("""
                        INSERT INTO feedback_answer (round_id, council_id, anonymous, user_id, role_kind, answered_on)
                        VALUES (:r, :c, :anonymous, :u, :kind, :on) RETURNING id""")
                .param("r", roundId).param("c", councilId).param("anonymous", userId == null).param("u", userId)
                .param("kind", kind.name()).param("on", on).query(Long.class).single();
    }

    public void insertStage(long answerId, Stage stage, Integer rating, String working, String notWorking) {
        jdbc.sql("""
                        INSERT INTO feedback_stage_answer (answer_id, stage, rating, working, not_working)
                        VALUES (:a, :stage, CAST(:rating AS smallint), :working, :notWorking)""")
                .param("a", answerId).param("stage", stage.name()).param("rating", rating).param("working", working)
                .param("notWorking", notWorking).update();
    }

    public void lettersWritten(long roundId, int count) {
        jdbc.sql("UPDATE feedback_round SET letters_written = :n WHERE id = :id").param("n", count).param("id", roundId).update();
    }

    /** The council's direct payment holders (a direct payment in force or suspended), for the invitation letters. */
    public List<Long> holders(long councilId) {
        return jdbc.sql("SELECT citizen_id FROM feedback_holder WHERE council_id = :c ORDER BY citizen_id")
                .param("c", councilId).query(Long.class).list();
    }

    // --- results ---------------------------------------------------------------------------------

    public record Totals(long answers, long anonymous) {
    }

    public Totals totals(long roundId, long councilId) {
        return jdbc.sql("""
                        SELECT count(*) AS answers, count(*) FILTER (WHERE anonymous) AS anonymous
                        FROM feedback_answer WHERE round_id = :r AND council_id = :c""")
                .param("r", roundId).param("c", councilId)
                .query((rs, n) -> new Totals(rs.getLong("answers"), rs.getLong("anonymous"))).single();
    }

    public record Count(String key, long count) {
    }

    public List<Count> byRole(long roundId, long councilId) {
        return jdbc.sql("SELECT role_kind, count(*) AS n FROM feedback_answer WHERE round_id = :r AND council_id = :c GROUP BY role_kind")
                .param("r", roundId).param("c", councilId).query((rs, n) -> new Count(rs.getString("role_kind"), rs.getLong("n"))).list();
    }

    /** A stage's answers, ratings given and their sum (a quarter's, or null for the round's). */
    public record StageSums(String quarter, Stage stage, long answers, long rated, long ratingSum) {
    }

    public List<StageSums> stages(long roundId, long councilId) {
        return jdbc.sql("""
                        SELECT s.stage, count(*) AS answers, count(s.rating) AS rated, coalesce(sum(s.rating), 0) AS rating_sum
                        FROM feedback_stage_answer s JOIN feedback_answer a ON a.id = s.answer_id
                        WHERE a.round_id = :r AND a.council_id = :c GROUP BY s.stage""")
                .param("r", roundId).param("c", councilId)
                .query((rs, n) -> new StageSums(null, Stage.valueOf(rs.getString("stage")), rs.getLong("answers"), rs.getLong("rated"),
                        rs.getLong("rating_sum"))).list();
    }

    /** Every rating the council's people gave, in all its rounds up to {@code until}, by the quarter it was given in. */
    public List<StageSums> quarters(long councilId, LocalDate until) {
        return jdbc.sql("""
                        SELECT to_char(a.answered_on, 'YYYY-"Q"Q') AS quarter, s.stage, count(*) AS answers, count(s.rating) AS rated,
                            coalesce(sum(s.rating), 0) AS rating_sum
                        FROM feedback_stage_answer s JOIN feedback_answer a ON a.id = s.answer_id
                        WHERE a.council_id = :c AND a.answered_on <= :until
                        GROUP BY 1, s.stage ORDER BY 1""")
                .param("c", councilId).param("until", until)
                .query((rs, n) -> new StageSums(rs.getString("quarter"), Stage.valueOf(rs.getString("stage")), rs.getLong("answers"),
                        rs.getLong("rated"), rs.getLong("rating_sum"))).list();
    }

    public record CommentRow(Stage stage, String working, String notWorking, RoleKind roleKind, String quarter) {
    }

    /** What people wrote in a round, by stage; in no order that follows who answered when. */
    public List<CommentRow> comments(long roundId, long councilId) {
        return jdbc.sql("""
                        SELECT s.stage, s.working, s.not_working, a.role_kind, to_char(a.answered_on, 'YYYY-"Q"Q') AS quarter
                        FROM feedback_stage_answer s JOIN feedback_answer a ON a.id = s.answer_id
                        WHERE a.round_id = :r AND a.council_id = :c AND (s.working <> '' OR s.not_working <> '')
                        ORDER BY array_position(ARRAY['PLANNING', 'GETTING_THE_MONEY', 'FINDING_SUPPORT', 'EMPLOYING', 'MONITORING',
                            'REVIEWS'], s.stage), md5(s.working || s.not_working)""")
                .param("r", roundId).param("c", councilId)
                .query((rs, n) -> new CommentRow(Stage.valueOf(rs.getString("stage")), rs.getString("working"),
                        rs.getString("not_working"), RoleKind.valueOf(rs.getString("role_kind")), rs.getString("quarter"))).list();
    }

    static Round round(ResultSet rs, int n) throws SQLException {
        Set<RoleKind> invited = EnumSet.noneOf(RoleKind.class);
        if (rs.getBoolean("invite_holders")) {
            invited.add(RoleKind.HOLDER);
        }
        if (rs.getBoolean("invite_representatives")) {
            invited.add(RoleKind.REPRESENTATIVE);
        }
        if (rs.getBoolean("invite_pas")) {
            invited.add(RoleKind.PA);
        }
        if (rs.getBoolean("invite_staff")) {
            invited.add(RoleKind.STAFF);
        }
        return new Round(rs.getLong("id"), rs.getLong("council_id"), rs.getString("title"), rs.getString("title_cy"),
                rs.getObject("opens_on", LocalDate.class), rs.getObject("closes_on", LocalDate.class), invited, rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), (Integer) rs.getObject("letters_written", Integer.class));
    }
}
