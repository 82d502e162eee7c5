package org.dphub.marketplace.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dphub.marketplace.Introduction;
import org.dphub.marketplace.IntroductionStatus;
import org.dphub.marketplace.Side;
import org.dphub.shared.database.Read;
import org.dphub.shared.database.Reads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class IntroductionRepository {

    public record Message(long id, Side from, String author, String body, Instant sentAt) {
    }

    public record PayRate(String area, String district, int hires, long lowestPence, long medianPence, long highestPence) {
    }

    private final JdbcClient jdbc;
    private final Reads reads;

    IntroductionRepository(JdbcClient jdbc, Reads reads) {
        this.jdbc = jdbc;
        this.reads = reads;
    }

    /** A new introduction, or empty when the two already have one for this vacancy. */
    public Optional<Long> insert(long councilId, long vacancyId, long profileId, Side startedBy, IntroductionStatus status,
                                 String createdBy) {
        return jdbc.sql("""
                        INSERT INTO introduction (council_id, vacancy_id, profile_id, started_by, status, created_by)
                        VALUES (:c, :v, :p, :side, :status, :by)
                        ON CONFLICT (vacancy_id, profile_id) DO NOTHING RETURNING id""")
                .param("c", councilId).param("v", vacancyId).param("p", profileId).param("side", startedBy.name())
                .param("status", status.name()).param("by", createdBy).query(Long.class).optional();
    }

    /** An introduction waiting for one side's answer: the PA's to an invitation, the person's side's to a PA's interest. */
    public record Waiting(long id, long citizenId, String vacancyTitle, IntroductionStatus status) {
    }

    /**
     * Invitations to this PA (by their sign-in) and PAs' interest in the vacancies of these people, oldest first:
     * each half read by its own index (the profile's introductions; the people's vacancies), never every
     * introduction there is (an introduction has one status, so no row is in both).
     */
    public List<Waiting> waitingForAnswer(long userId, List<Long> citizenIds) {
        return reads.get(waitingForAnswerRead(userId, citizenIds));
    }

    private record WaitingFor(long userId, List<Long> citizenIds) {
    }

    public Read<List<Waiting>> waitingForAnswerRead(long userId, List<Long> citizenIds) {
        return Read.list(new WaitingFor(userId, List.copyOf(citizenIds)), """
                        SELECT i.id, v.citizen_id, v.title, i.status, i.created_at FROM pa_profile p
                        JOIN introduction i ON i.profile_id = p.id
                        JOIN vacancy v ON v.id = i.vacancy_id
                        WHERE p.user_id = :u AND i.status = 'INVITED'
                        UNION ALL
                        SELECT i.id, v.citizen_id, v.title, i.status, i.created_at FROM vacancy v
                        JOIN introduction i ON i.vacancy_id = v.id
                        WHERE v.citizen_id = ANY(:c) AND i.status = 'INTERESTED'
                        ORDER BY created_at, id LIMIT 50""", Map.of("u", userId, "c", citizenIds.toArray(new Long[0])),
                (rs, n) -> new Waiting(rs.getLong(1), rs.getLong(2), rs.getString(3), IntroductionStatus.valueOf(rs.getString(4))));
    }

    /**
     * Introductions a person is part of: as the PA (by their sign-in) or for the people they act for, newest first;
     * each side read by its own index, an introduction on both sides once.
     */
    public java.util.List<Long> idsFor(long userId, java.util.List<Long> citizenIds) {
        return jdbc.sql("""
                        SELECT i.id, i.updated_at FROM pa_profile p JOIN introduction i ON i.profile_id = p.id WHERE p.user_id = :u
                        UNION
                        SELECT i.id, i.updated_at FROM vacancy v JOIN introduction i ON i.vacancy_id = v.id WHERE v.citizen_id = ANY(:c)
                        ORDER BY updated_at DESC, id DESC LIMIT 200""")
                .param("u", userId).param("c", citizenIds.toArray(new Long[0])).query((rs, n) -> rs.getLong(1)).list();
    }

    public Optional<Introduction> findById(long id) {
        return jdbc.sql("SELECT * FROM introduction WHERE id = :id").param("id", id).query(IntroductionRepository::map).optional();
    }

    public Optional<Introduction> findForUpdate(long id) {
        return jdbc.sql("SELECT * FROM introduction WHERE id = :id FOR UPDATE").param("id", id)
                .query(IntroductionRepository::map).optional();
    }

    public void changeStatus(long id, IntroductionStatus status) {
        jdbc.sql("UPDATE introduction SET status = :s, updated_at = now() WHERE id = :id").param("s", status.name())
                .param("id", id).update();
    }

    public boolean blocked(long citizenId, long profileId) {
        return jdbc.sql("SELECT count(*) FROM marketplace_block WHERE citizen_id = :c AND profile_id = :p")
                .param("c", citizenId).param("p", profileId).query(Integer.class).single() > 0;
    }

    public void block(long citizenId, long profileId, Side by) {
        jdbc.sql("""
                        INSERT INTO marketplace_block (citizen_id, profile_id, blocked_by) VALUES (:c, :p, :by)
                        ON CONFLICT DO NOTHING""")
                .param("c", citizenId).param("p", profileId).param("by", by.name()).update();
    }

    public long addMessage(long introductionId, Side from, String author, String body) {
        return jdbc.sql("""
                        INSERT INTO introduction_message (introduction_id, from_side, author, body)
                        VALUES (:i, :side, :author, :body) RETURNING id""")
                .param("i", introductionId).param("side", from.name()).param("author", author).param("body", body)
                .query(Long.class).single();
    }

    public List<Message> messages(long introductionId) {
        return jdbc.sql("SELECT * FROM introduction_message WHERE introduction_id = :i ORDER BY id")
                .param("i", introductionId)
                .query((rs, n) -> new Message(rs.getLong("id"), Side.valueOf(rs.getString("from_side")), rs.getString("author"),
                        rs.getString("body"), rs.getTimestamp("sent_at").toInstant()))
                .list();
    }

    public long insertHire(long councilId, Introduction introduction, long citizenId, long ratePence, BigDecimal hoursPerWeek,
                           LocalDate startDate, String district, String area, String hiredBy) {
        return jdbc.sql("""
                        INSERT INTO pa_hire (council_id, introduction_id, vacancy_id, profile_id, citizen_id,
                            agreed_hourly_rate_pence, hours_per_week, start_date, postcode_district, postcode_area, hired_by)
                        VALUES (:c, :i, :v, :p, :z, :rate, :hours, :start, :district, :area, :by) RETURNING id""")
                .param("c", councilId).param("i", introduction.id()).param("v", introduction.vacancyId())
                .param("p", introduction.profileId()).param("z", citizenId).param("rate", ratePence).param("hours", hoursPerWeek)
                .param("start", startDate).param("district", district).param("area", area).param("by", hiredBy)
                .query(Long.class).single();
    }

    /** A hire through an introduction, with the PA's chosen name and contact email, for the employer to set up pay. */
    public record HireRow(long id, long citizenId, String paName, String paEmail, long ratePence, LocalDate startDate, Long paUserId) {
    }

    public List<HireRow> hiresFor(long citizenId) {
        return jdbc.sql("""
                        SELECT h.id, h.citizen_id, p.display_name, coalesce(p.email, u.username) AS email, h.agreed_hourly_rate_pence,
                               h.start_date, p.user_id
                        FROM pa_hire h JOIN pa_profile p ON p.id = h.profile_id LEFT JOIN app_user u ON u.id = p.user_id
                        WHERE h.citizen_id = :c ORDER BY h.hired_at DESC""")
                .param("c", citizenId)
                .query((rs, n) -> new HireRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getObject(6, LocalDate.class), (Long) rs.getObject(7)))
                .list();
    }

    /** PA rates of pay agreed in the council, by postcode district (within area): lowest, median, highest. */
    public List<PayRate> payRates(long councilId) {
        return jdbc.sql("""
                        SELECT postcode_area, postcode_district, count(*) AS hires,
                               min(agreed_hourly_rate_pence) AS lowest,
                               percentile_disc(0.5) WITHIN GROUP (ORDER BY agreed_hourly_rate_pence) AS median,
                               max(agreed_hourly_rate_pence) AS highest
                        FROM pa_hire WHERE council_id = :c
                        GROUP BY postcode_area, postcode_district ORDER BY postcode_area, postcode_district""")
                .param("c", councilId)
                .query((rs, n) -> new PayRate(rs.getString("postcode_area"), rs.getString("postcode_district"), rs.getInt("hires"),
                        rs.getLong("lowest"), rs.getLong("median"), rs.getLong("highest")))
                .list();
    }

    static Introduction map(ResultSet rs, int row) throws SQLException {
        return new Introduction(rs.getLong("id"), rs.getLong("council_id"), rs.getLong("vacancy_id"), rs.getLong("profile_id"),
                Side.valueOf(rs.getString("started_by")), IntroductionStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
