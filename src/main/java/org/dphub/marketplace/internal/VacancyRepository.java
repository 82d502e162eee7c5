package org.dphub.marketplace.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dphub.marketplace.AvailabilitySlot;
import org.dphub.marketplace.Gender;
import org.dphub.marketplace.Skill;
import org.dphub.marketplace.Vacancy;
import org.dphub.marketplace.VacancyStatus;
import org.dphub.shared.Money;
import org.dphub.shared.Postcode;
import org.dphub.shared.database.Read;
import org.dphub.shared.database.Reads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class VacancyRepository {

    private final JdbcClient jdbc;
    private final Reads reads;

    VacancyRepository(JdbcClient jdbc, Reads reads) {
        this.jdbc = jdbc;
        this.reads = reads;
    }

    public long insert(Vacancy v, PaProfileRepository.Place place, int mustSkillsMask, int mustLanguagesMask, Gender mustGender) {
        return jdbc.sql("""
                        INSERT INTO vacancy (council_id, citizen_id, title, outcomes, interests, skills_wanted, must_haves,
                            availability, postcode, latitude, longitude, max_distance_km, hours_per_week, hourly_rate_pence,
                            start_date, skills_wanted_mask, must_skills_mask, must_languages_mask, availability_mask,
                            contact_name, contact_email, contact_phone, status, created_by, must_gender)
                        VALUES (:council, :citizen, :title, CAST(:outcomes AS text[]), CAST(:interests AS text[]),
                            CAST(:skills AS text[]), CAST(:must AS text[]), CAST(:availability AS text[]), :postcode, :lat, :lon,
                            :distance, :hours, :rate, :start, :skillsMask, :mustSkills, :mustLanguages, :availabilityMask,
                            :contactName, :contactEmail, :contactPhone, :status, :by, :mustGender)
                        RETURNING id""")
                .param("council", v.councilId()).param("citizen", v.citizenId()).param("title", v.title())
                .param("outcomes", SqlArrays.text(v.outcomes())).param("interests", SqlArrays.text(v.interests()))
                .param("skills", SqlArrays.text(v.skillsWanted().stream().map(Skill::code).sorted().toList()))
                .param("must", SqlArrays.text(v.mustHaves()))
                .param("availability", SqlArrays.text(v.availability().stream().map(AvailabilitySlot::code).toList()))
                .param("postcode", v.postcode().value()).param("lat", place.latitude()).param("lon", place.longitude())
                .param("distance", v.maxDistanceKm()).param("hours", v.hoursPerWeek()).param("rate", v.hourlyRate().pence())
                .param("start", v.startDate()).param("skillsMask", Skill.maskOf(v.skillsWanted()))
                .param("mustSkills", mustSkillsMask).param("mustLanguages", mustLanguagesMask)
                .param("availabilityMask", AvailabilitySlot.maskOf(v.availability()))
                .param("contactName", v.contactName()).param("contactEmail", v.contactEmail())
                .param("contactPhone", v.contactPhone()).param("status", v.status().name()).param("by", v.createdBy())
                .param("mustGender", mustGender == null ? null : mustGender.name())
                .query(Long.class).single();
    }

    /** A vacancy, read once a read-only transaction (its page asks for it, then for its matches). */
    public Optional<Vacancy> findById(long id) {
        return reads.get(findByIdRead(id));
    }

    private record VacancyRow(long id) {
    }

    /** {@link #findById} as a read, to send with others ({@code shared.database.Reads.Together}). */
    public Read<Optional<Vacancy>> findByIdRead(long id) {
        return Read.optional(new VacancyRow(id), "SELECT * FROM vacancy WHERE id = :id", java.util.Map.of("id", id),
                VacancyRepository::map);
    }

    public Optional<Vacancy> findForUpdate(long id) {
        return jdbc.sql("SELECT * FROM vacancy WHERE id = :id FOR UPDATE").param("id", id).query(VacancyRepository::map).optional();
    }

    public List<Vacancy> forCitizen(long councilId, long citizenId) {
        return jdbc.sql("SELECT * FROM vacancy WHERE council_id = :c AND citizen_id = :z ORDER BY id DESC")
                .param("c", councilId).param("z", citizenId).query(VacancyRepository::map).list();
    }

    public void changeStatus(long id, VacancyStatus status) {
        jdbc.sql("UPDATE vacancy SET status = :s, updated_at = now() WHERE id = :id").param("s", status.name()).param("id", id).update();
    }

    static Vacancy map(ResultSet rs, int row) throws SQLException {
        Set<Skill> skills = EnumSet.noneOf(Skill.class);
        for (String code : SqlArrays.strings(rs.getArray("skills_wanted"))) {
            Skill.fromCode(code).ifPresent(skills::add);
        }
        return new Vacancy(rs.getLong("id"), rs.getLong("council_id"), rs.getLong("citizen_id"), rs.getString("title"),
                SqlArrays.strings(rs.getArray("outcomes")), SqlArrays.strings(rs.getArray("interests")), skills,
                SqlArrays.strings(rs.getArray("must_haves")),
                SqlArrays.strings(rs.getArray("availability")).stream().map(AvailabilitySlot::parse).toList(),
                Postcode.parse(rs.getString("postcode")), rs.getInt("max_distance_km"), rs.getBigDecimal("hours_per_week"),
                Money.ofPence(rs.getLong("hourly_rate_pence")), rs.getDate("start_date").toLocalDate(),
                VacancyStatus.valueOf(rs.getString("status")), rs.getString("contact_name"), rs.getString("contact_email"),
                rs.getString("contact_phone"), rs.getString("created_by"));
    }

    /** The council's vacancies still open that were posted before the instant: id, postcode, posted at. */
    public List<Object[]> openPostedBefore(long councilId, java.time.Instant before) {
        return jdbc.sql("SELECT id, postcode, created_at FROM vacancy WHERE council_id = :council AND status = 'OPEN'"
                        + " AND created_at < :before ORDER BY id")
                .param("council", councilId).param("before", java.sql.Timestamp.from(before))
                .query((rs, n) -> new Object[] {rs.getLong("id"), rs.getString("postcode"), rs.getTimestamp("created_at").toInstant()})
                .list();
    }
}
