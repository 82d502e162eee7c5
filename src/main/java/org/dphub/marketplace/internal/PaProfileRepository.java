package org.dphub.marketplace.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dphub.marketplace.AvailabilitySlot;
import org.dphub.marketplace.EmploymentBasis;
import org.dphub.marketplace.Gender;
import org.dphub.marketplace.Language;
import org.dphub.marketplace.PaProfile;
import org.dphub.marketplace.PaProfileStatus;
import org.dphub.marketplace.Skill;
import org.dphub.marketplace.TrainingRecord;
import org.dphub.shared.Money;
import org.dphub.shared.Postcode;
import org.dphub.shared.database.Read;
import org.dphub.shared.database.Reads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PaProfileRepository {

    /** Where a profile is for matching: its sector centre. */
    public record Place(double latitude, double longitude) {
    }

    private final JdbcClient jdbc;
    private final Reads reads;

    PaProfileRepository(JdbcClient jdbc, Reads reads) {
        this.jdbc = jdbc;
        this.reads = reads;
    }

    public long insert(PaProfile p, Place place) {
        long id = jdbc.sql("""
                        INSERT INTO pa_profile (user_id, registered_council_id, display_name, about, experience,
                            home_postcode, travel_km, hourly_rate_pence, employment_basis, skills, interests, languages,
                            availability, visible, status, phone, email, code_of_conduct_accepted_at,
                            latitude, longitude, skills_mask, languages_mask, availability_mask,
                            identity_checked, references_checked, dbs_checked_on, checked_by, checked_at, gender)
                        VALUES (:user, :council, :name, :about, :experience, :postcode, :travel, :rate, :basis,
                            CAST(:skills AS text[]), CAST(:interests AS text[]), CAST(:languages AS text[]),
                            CAST(:availability AS text[]), :visible, :status, :phone, :email,
                            CASE WHEN :conduct THEN now() END, :lat, :lon, :skillsMask, :languagesMask, :availabilityMask,
                            :identity, :references, :dbs, :checkedBy, CASE WHEN CAST(:checkedBy AS text) IS NOT NULL THEN now() END,
                            :gender)
                        RETURNING id""")
                .params(params(p, place))
                .param("identity", p.checks().identityChecked()).param("references", p.checks().referencesChecked())
                .param("dbs", p.checks().dbsCheckedOn()).param("checkedBy", p.checks().checkedBy())
                .param("user", p.userId()).param("council", p.registeredCouncilId()).param("status", p.status().name())
                .query(Long.class).single();
        insertTraining(id, p.training());
        return id;
    }

    /** Changes what the PA says about themself; status and checks are not theirs to change. */
    public void update(long id, PaProfile p, Place place) {
        jdbc.sql("""
                        UPDATE pa_profile SET display_name = :name, about = :about, experience = :experience,
                            home_postcode = :postcode, travel_km = :travel, hourly_rate_pence = :rate, employment_basis = :basis,
                            skills = CAST(:skills AS text[]), interests = CAST(:interests AS text[]),
                            languages = CAST(:languages AS text[]), availability = CAST(:availability AS text[]),
                            visible = :visible, phone = :phone, email = :email,
                            code_of_conduct_accepted_at = CASE WHEN :conduct THEN coalesce(code_of_conduct_accepted_at, now()) END,
                            latitude = :lat, longitude = :lon, skills_mask = :skillsMask, languages_mask = :languagesMask,
                            availability_mask = :availabilityMask, gender = :gender, updated_at = now()
                        WHERE id = :id""")
                .params(params(p, place)).param("id", id).update();
        replaceTraining(id, p.training());
    }

    /** The training records as a whole: those no longer given are gone. */
    private void replaceTraining(long id, List<TrainingRecord> training) {
        jdbc.sql("DELETE FROM pa_training WHERE profile_id = :id").param("id", id).update();
        insertTraining(id, training);
    }

    private void insertTraining(long id, List<TrainingRecord> training) {
        for (int i = 0; i < training.size(); i++) {
            TrainingRecord t = training.get(i);
            jdbc.sql("""
                            INSERT INTO pa_training (profile_id, position, title, completed_on, modules)
                            VALUES (:id, :position, :title, :on, CAST(:modules AS text[]))""")
                    .param("id", id).param("position", i).param("title", t.title()).param("on", t.completedOn())
                    .param("modules", SqlArrays.text(t.modules())).update();
        }
    }

    /** Training records of these profiles, each in the PA's order. */
    public java.util.Map<Long, List<TrainingRecord>> training(java.util.Collection<Long> profileIds) {
        if (profileIds.isEmpty()) {
            return new java.util.HashMap<>();
        }
        return reads.get(trainingRead(profileIds));
    }

    private record TrainingOf(List<Long> profileIds) {
    }

    /** {@link #training} as a read, to send with others ({@code shared.database.Reads.Together}). */
    Read<java.util.Map<Long, List<TrainingRecord>>> trainingRead(java.util.Collection<Long> profileIds) {
        return new Read<>(new TrainingOf(List.copyOf(profileIds)), """
                SELECT profile_id, title, completed_on, modules FROM pa_training
                WHERE profile_id = ANY(CAST(:ids AS bigint[])) ORDER BY profile_id, position""",
                java.util.Map.of("ids", SqlArrays.longs(profileIds)), rs -> {
                    java.util.Map<Long, List<TrainingRecord>> byProfile = new java.util.HashMap<>();
                    while (rs.next()) {
                        byProfile.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>()).add(new TrainingRecord(
                                rs.getString(2), rs.getDate(3).toLocalDate(), SqlArrays.strings(rs.getArray(4))));
                    }
                    return byProfile;
                });
    }

    private Optional<PaProfile> withTraining(Optional<PaProfile> profile) {
        return profile.map(p -> p.withTraining(training(List.of(p.id())).getOrDefault(p.id(), List.of())));
    }

    private static java.util.Map<String, Object> params(PaProfile p, Place place) {
        var values = new java.util.HashMap<String, Object>();
        values.put("name", p.displayName());
        values.put("about", p.about());
        values.put("experience", p.experience());
        values.put("postcode", p.homePostcode().value());
        values.put("travel", p.travelKm());
        values.put("rate", p.hourlyRate().pence());
        values.put("basis", p.employmentBasis().name());
        values.put("skills", SqlArrays.text(p.skills().stream().map(Skill::code).sorted().toList()));
        values.put("interests", SqlArrays.text(p.interests().stream().sorted().toList()));
        values.put("languages", SqlArrays.text(p.languages().stream().map(Language::code).sorted().toList()));
        values.put("availability", SqlArrays.text(p.availability().stream().map(AvailabilitySlot::code).toList()));
        values.put("visible", p.visible());
        values.put("phone", p.phone());
        values.put("email", p.email());
        values.put("conduct", p.codeOfConductAccepted());
        values.put("lat", place.latitude());
        values.put("lon", place.longitude());
        values.put("skillsMask", Skill.maskOf(p.skills()));
        values.put("languagesMask", Language.maskOf(p.languages()));
        values.put("availabilityMask", AvailabilitySlot.maskOf(p.availability()));
        values.put("gender", p.gender() == null ? null : p.gender().name());
        return values;
    }

    public void recordChecks(long id, boolean identity, boolean references, LocalDate dbsCheckedOn, String checkedBy,
                             PaProfileStatus status) {
        jdbc.sql("""
                        UPDATE pa_profile SET identity_checked = :identity, references_checked = :references,
                            dbs_checked_on = :dbs, checked_by = :by, checked_at = now(), status = :status, updated_at = now()
                        WHERE id = :id""")
                .param("identity", identity).param("references", references).param("dbs", dbsCheckedOn)
                .param("by", checkedBy).param("status", status.name()).param("id", id).update();
    }

    public void changeStatus(long id, PaProfileStatus status, String suspendedReason) {
        jdbc.sql("UPDATE pa_profile SET status = :status, suspended_reason = :reason, updated_at = now() WHERE id = :id")
                .param("status", status.name()).param("reason", suspendedReason).param("id", id).update();
    }

    public Optional<PaProfile> findById(long id) {
        return withTraining(jdbc.sql("SELECT * FROM pa_profile WHERE id = :id").param("id", id)
                .query(PaProfileRepository::map).optional());
    }

    /** The row locked for a change of status, so two DP team members cannot both act on it. */
    public Optional<PaProfile> findForUpdate(long id) {
        return withTraining(jdbc.sql("SELECT * FROM pa_profile WHERE id = :id FOR UPDATE").param("id", id)
                .query(PaProfileRepository::map).optional());
    }

    public Optional<PaProfile> findByUserId(long userId) {
        return withTraining(jdbc.sql("SELECT * FROM pa_profile WHERE user_id = :user").param("user", userId)
                .query(PaProfileRepository::map).optional());
    }

    /** Profiles waiting for the DP team's checks, oldest first. */
    public List<PaProfile> awaitingChecks(int limit) {
        List<PaProfile> waiting = jdbc.sql("SELECT * FROM pa_profile WHERE status = 'AWAITING_CHECKS' ORDER BY created_at, id LIMIT :n")
                .param("n", limit).query(PaProfileRepository::map).list();
        var training = training(waiting.stream().map(PaProfile::id).toList());
        return waiting.stream().map(p -> p.withTraining(training.getOrDefault(p.id(), List.of()))).toList();
    }

    public long countAwaitingChecks() {
        return jdbc.sql("SELECT count(*) FROM pa_profile WHERE status = 'AWAITING_CHECKS'").query(Long.class).single();
    }

    /** Reports the council's DP team sees ({@link #reportsFor}) whose profile or vacancy is still open to act on. */
    public long countOpenReports(long councilId) {
        return jdbc.sql("""
                        SELECT count(*) FROM marketplace_report r
                        LEFT JOIN pa_profile p ON p.id = r.profile_id
                        LEFT JOIN vacancy v ON v.id = r.vacancy_id
                        WHERE (r.profile_id IS NOT NULL OR r.council_id = :c)
                          AND coalesce(p.status, v.status) IN ('OPEN', 'LIVE', 'AWAITING_CHECKS')""")
                .param("c", councilId).query(Long.class).single();
    }

    public long countLive() {
        return jdbc.sql("SELECT count(*) FROM pa_profile WHERE status = 'LIVE'").query(Long.class).single();
    }

    /** Profiles written before matching existed (no sector centre yet): id and home postcode. */
    public List<Long> withoutPlace() {
        return jdbc.sql("SELECT id FROM pa_profile WHERE latitude IS NULL ORDER BY id").query(Long.class).list();
    }

    public void place(long id, Place place, int skillsMask, int languagesMask, int availabilityMask) {
        jdbc.sql("""
                        UPDATE pa_profile SET latitude = :lat, longitude = :lon, skills_mask = :s, languages_mask = :l,
                            availability_mask = :a WHERE id = :id""")
                .param("lat", place.latitude()).param("lon", place.longitude()).param("s", skillsMask)
                .param("l", languagesMask).param("a", availabilityMask).param("id", id).update();
    }


    public long report(Long profileId, Long vacancyId, Long councilId, String reason, String reportedBy) {
        return jdbc.sql("""
                        INSERT INTO marketplace_report (profile_id, vacancy_id, council_id, reason, reported_by)
                        VALUES (:p, :v, :c, :reason, :by) RETURNING id""")
                .param("p", profileId).param("v", vacancyId).param("c", councilId).param("reason", reason)
                .param("by", reportedBy).query(Long.class).single();
    }

    /** A report, with what was reported as the DP team knows it: the profile's public name or the vacancy's title, and its status. */
    public record Report(long id, Long profileId, Long vacancyId, String reason, String reportedBy, java.time.Instant reportedAt,
                         String subject, String subjectStatus) {
    }

    /** Reports of any profile (a national register), and of the council's own vacancies. */
    public List<Report> reportsFor(long councilId) {
        return jdbc.sql("""
                        SELECT r.id, r.profile_id, r.vacancy_id, r.reason, r.reported_by, r.reported_at,
                               coalesce(p.display_name, v.title) AS subject, coalesce(p.status, v.status) AS subject_status
                        FROM marketplace_report r
                        LEFT JOIN pa_profile p ON p.id = r.profile_id
                        LEFT JOIN vacancy v ON v.id = r.vacancy_id
                        WHERE r.profile_id IS NOT NULL OR r.council_id = :c ORDER BY r.id DESC LIMIT 200""")
                .param("c", councilId)
                .query((rs, n) -> new Report(rs.getLong("id"), rs.getObject("profile_id", Long.class),
                        rs.getObject("vacancy_id", Long.class), rs.getString("reason"), rs.getString("reported_by"),
                        rs.getTimestamp("reported_at").toInstant(), rs.getString("subject"), rs.getString("subject_status")))
                .list();
    }

    static PaProfile map(ResultSet rs, int row) throws SQLException {
        Set<Skill> skills = EnumSet.noneOf(Skill.class);
        for (String code : SqlArrays.strings(rs.getArray("skills"))) {
            Skill.fromCode(code).ifPresent(skills::add);
        }
        Set<Language> languages = EnumSet.noneOf(Language.class);
        for (String code : SqlArrays.strings(rs.getArray("languages"))) {
            Language.fromCode(code).ifPresent(languages::add);
        }
        java.sql.Date dbs = rs.getDate("dbs_checked_on");
        java.sql.Timestamp checkedAt = rs.getTimestamp("checked_at");
        return new PaProfile(rs.getLong("id"), rs.getObject("user_id", Long.class),
                rs.getObject("registered_council_id", Long.class), rs.getString("display_name"),
                rs.getString("about"), rs.getString("experience"),
                Postcode.parse(rs.getString("home_postcode")), rs.getInt("travel_km"),
                Money.ofPence(rs.getLong("hourly_rate_pence")), EmploymentBasis.valueOf(rs.getString("employment_basis")),
                skills, new LinkedHashSet<>(SqlArrays.strings(rs.getArray("interests"))), languages,
                SqlArrays.strings(rs.getArray("availability")).stream().map(AvailabilitySlot::parse).toList(),
                rs.getBoolean("visible"), PaProfileStatus.valueOf(rs.getString("status")),
                rs.getString("phone"), rs.getString("email"), rs.getTimestamp("code_of_conduct_accepted_at") != null,
                new PaProfile.Checks(rs.getBoolean("identity_checked"), rs.getBoolean("references_checked"),
                        dbs == null ? null : dbs.toLocalDate(), rs.getString("checked_by"),
                        checkedAt == null ? null : checkedAt.toInstant()),
                Gender.parse(rs.getString("gender")).orElse(null), List.of());
    }
}
