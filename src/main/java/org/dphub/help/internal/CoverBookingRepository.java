package org.dphub.help.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Cover bookings and their append-only history (issue 18). */
@Repository
public class CoverBookingRepository {

    /** A booking as stored. */
    public record Row(long id, long councilId, long citizenId, long profileId, long paUserId, String paName, LocalDate day,
                      LocalTime start, LocalTime end, String needs, long hourlyRatePence, String district, String employerName,
                      String employerContact, String status, Long employmentId) {
    }

    /** One change of state, with the name of who made it. */
    public record Event(String status, String byName, Instant at) {
    }

    /** What a new booking holds. */
    public record NewBooking(long councilId, long citizenId, long profileId, long paUserId, String paName, LocalDate day,
                             LocalTime start, LocalTime end, String needs, long hourlyRatePence, String district,
                             String employerName, String employerContact, long requestedBy, Instant at) {
    }

    private final JdbcClient jdbc;

    CoverBookingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a REQUESTED booking; empty when the same PA is already asked for the same shift. */
    public Optional<Long> insert(NewBooking b) {
        Optional<Long> id = jdbc.sql("""
                        INSERT INTO cover_booking (council_id, citizen_id, profile_id, pa_user_id, pa_name, cover_date, starts_at, ends_at,
                            needs, hourly_rate_pence, district, employer_name, employer_contact, status, requested_by, requested_at)
                        VALUES (:council, :citizen, :profile, :pa, :paName, :day, :start, :end, :needs, :rate, :district, :employer,
                            :contact, 'REQUESTED', :by, :at)
                        ON CONFLICT DO NOTHING RETURNING id""")
                .param("council", b.councilId()).param("citizen", b.citizenId()).param("profile", b.profileId())
                .param("pa", b.paUserId()).param("paName", b.paName()).param("day", b.day()).param("start", b.start())
                .param("end", b.end()).param("needs", b.needs()).param("rate", b.hourlyRatePence()).param("district", b.district())
                .param("employer", b.employerName()).param("contact", b.employerContact()).param("by", b.requestedBy())
                .param("at", java.sql.Timestamp.from(b.at()))
                .query(Long.class).optional();
        id.ifPresent(i -> event(i, b.councilId(), "REQUESTED", b.requestedBy(), b.at()));
        return id;
    }

    public Optional<Row> find(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(CoverBookingRepository::row).optional();
    }

    public Optional<Row> findForUpdate(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id FOR UPDATE").param("id", id).query(CoverBookingRepository::row).optional();
    }

    public List<Row> forPa(long paUserId) {
        return jdbc.sql(SELECT + " WHERE pa_user_id = :u ORDER BY cover_date DESC, starts_at DESC, id DESC LIMIT 200")
                .param("u", paUserId).query(CoverBookingRepository::row).list();
    }

    public List<Row> forCitizens(Collection<Long> citizenIds) {
        if (citizenIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE citizen_id IN (:c) ORDER BY cover_date DESC, starts_at DESC, id DESC LIMIT 200")
                .param("c", citizenIds).query(CoverBookingRepository::row).list();
    }

    /** Requests waiting for the PA whose shift has not ended yet (a night shift ends the next morning). */
    public long countWaitingForPa(long paUserId, LocalDateTime now) {
        return jdbc.sql("SELECT count(*) FROM cover_booking WHERE pa_user_id = :u AND status = 'REQUESTED'"
                        + " AND cover_date >= CAST(:now AS date) - 1 AND " + ENDS + " > :now")
                .param("u", paUserId).param("now", now).query(Long.class).single();
    }

    /** When a booking starts and ends, as local date and time: an end earlier than the start is the next day. */
    private static final String STARTS = "(cover_date + starts_at)";
    private static final String ENDS = "(cover_date + ends_at + CASE WHEN ends_at < starts_at THEN interval '1 day' ELSE interval '0' END)";
    /** Overlapping [:from, :to), looking only at bookings that start within a day of it (the index on cover_date). */
    private static final String OVERLAPS = " cover_date BETWEEN CAST(:from AS date) - 1 AND CAST(:to AS date) AND " + STARTS
            + " < :to AND " + ENDS + " > :from";

    /**
     * The PA profiles booked for cover (accepted, or worked) at any time between {@code from} and
     * {@code to}: a PA cannot be in two places at once (a night shift runs into the next day).
     */
    public java.util.Set<Long> busyProfiles(LocalDateTime from, LocalDateTime to) {
        return new java.util.HashSet<>(jdbc.sql("SELECT DISTINCT profile_id FROM cover_booking WHERE status IN ('ACCEPTED', 'WORKED') AND"
                        + OVERLAPS)
                .param("from", from).param("to", to).query(Long.class).list());
    }

    /** This PA's cover, accepted or worked, overlapping the shift (other than booking {@code except}); the earliest first. */
    public Optional<Row> overlappingForPa(long paUserId, LocalDateTime from, LocalDateTime to, long except) {
        return jdbc.sql(SELECT + " WHERE pa_user_id = :u AND status IN ('ACCEPTED', 'WORKED') AND id <> :except AND" + OVERLAPS
                        + " ORDER BY " + STARTS + ", id LIMIT 1")
                .param("u", paUserId).param("from", from).param("to", to).param("except", except)
                .query(CoverBookingRepository::row).optional();
    }

    /**
     * Holds the PA's cover until the transaction ends, so two requests accepted at once cannot both
     * pass the check for an overlapping shift.
     */
    public void lockPa(long paUserId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('cover_booking_pa'), CAST(:u AS int))").param("u", paUserId)
                .query((rs, row) -> 1).list();
    }

    /**
     * Accepted bookings of this employment on any of these days: the cover a timesheet says was worked
     * (a night shift's hours may be put on the day it ends).
     */
    public List<Row> acceptedOn(long employmentId, Collection<LocalDate> days) {
        if (days.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " WHERE employment_id = :e AND status = 'ACCEPTED' AND (cover_date IN (:days)"
                        + " OR (ends_at < starts_at AND cover_date + 1 IN (:days))) ORDER BY id FOR UPDATE")
                .param("e", employmentId).param("days", days).query(CoverBookingRepository::row).list();
    }

    public void changeStatus(long id, long councilId, String status, Long employmentId, long by, Instant at) {
        jdbc.sql("UPDATE cover_booking SET status = :s, employment_id = coalesce(:e, employment_id) WHERE id = :id")
                .param("s", status).param("e", employmentId).param("id", id).update();
        event(id, councilId, status, by, at);
    }

    public List<Event> history(long id) {
        return jdbc.sql("""
                        SELECT e.status, u.display_name, e.at FROM cover_booking_event e JOIN app_user u ON u.id = e.by_user
                        WHERE e.booking_id = :id ORDER BY e.id""")
                .param("id", id).query((rs, n) -> new Event(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant())).list();
    }

    private void event(long id, long councilId, String status, long by, Instant at) {
        jdbc.sql("INSERT INTO cover_booking_event (booking_id, council_id, status, by_user, at) VALUES (:b, :c, :s, :u, :at)")
                .param("b", id).param("c", councilId).param("s", status).param("u", by).param("at", java.sql.Timestamp.from(at)).update();
    }

    private static final String SELECT = """
            SELECT id, council_id, citizen_id, profile_id, pa_user_id, pa_name, cover_date, starts_at, ends_at, needs, hourly_rate_pence,
                   district, employer_name, employer_contact, status, employment_id FROM cover_booking""";

    private static Row row(ResultSet rs, int n) throws SQLException {
        long employment = rs.getLong("employment_id");
        Long employmentId = rs.wasNull() ? null : employment;
        return new Row(rs.getLong("id"), rs.getLong("council_id"), rs.getLong("citizen_id"), rs.getLong("profile_id"),
                rs.getLong("pa_user_id"), rs.getString("pa_name"), rs.getObject("cover_date", LocalDate.class),
                rs.getObject("starts_at", LocalTime.class), rs.getObject("ends_at", LocalTime.class), rs.getString("needs"),
                rs.getLong("hourly_rate_pence"), rs.getString("district"), rs.getString("employer_name"),
                rs.getString("employer_contact"), rs.getString("status"), employmentId);
    }
}
