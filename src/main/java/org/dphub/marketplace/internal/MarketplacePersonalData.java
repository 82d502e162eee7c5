package org.dphub.marketplace.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dphub.shared.personaldata.PersonalDataRows;
import org.dphub.shared.personaldata.PersonalDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finding a PA (issue 17): a person's vacancies, introductions and messages, blocks and hires; a
 * PA's own profile, introductions and messages.
 */
@Component
class MarketplacePersonalData implements PersonalDataSource {

    private final JdbcClient jdbc;

    MarketplacePersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "find-a-pa";
    }

    @Override
    public Set<String> tables() {
        return Set.of("vacancy", "introduction", "introduction_message", "marketplace_block", "pa_hire", "pa_profile");
    }

    @Override
    public Optional<Section> forCitizen(long councilId, long citizenId) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("vacancy", "SELECT id, title, outcomes, interests, skills_wanted, must_haves, availability, postcode, max_distance_km,"
                + " hours_per_week, hourly_rate_pence, start_date, contact_name, contact_email, contact_phone, status, created_at"
                + " FROM vacancy WHERE council_id = :council AND citizen_id = :citizen ORDER BY id");
        q.put("introduction", "SELECT i.id, i.vacancy_id, p.display_name AS pa, i.status, i.created_at FROM introduction i"
                + " JOIN vacancy v ON v.id = i.vacancy_id JOIN pa_profile p ON p.id = i.profile_id"
                + " WHERE v.council_id = :council AND v.citizen_id = :citizen ORDER BY i.id");
        q.put("introduction_message", "SELECT m.introduction_id, m.from_side, m.author, m.body, m.sent_at FROM introduction_message m"
                + " JOIN introduction i ON i.id = m.introduction_id JOIN vacancy v ON v.id = i.vacancy_id"
                + " WHERE v.council_id = :council AND v.citizen_id = :citizen ORDER BY m.id");
        q.put("marketplace_block", "SELECT p.display_name AS pa, b.created_at FROM marketplace_block b JOIN pa_profile p ON p.id = b.profile_id"
                + " WHERE b.citizen_id = :citizen ORDER BY b.created_at");
        q.put("pa_hire", "SELECT h.id, p.display_name AS pa, h.agreed_hourly_rate_pence, h.hours_per_week, h.start_date, h.hired_at"
                + " FROM pa_hire h JOIN pa_profile p ON p.id = h.profile_id WHERE h.council_id = :council AND h.citizen_id = :citizen ORDER BY h.id");
        return PersonalDataRows.section(jdbc, section(), Map.of("council", councilId, "citizen", citizenId), q);
    }

    @Override
    public Optional<Section> forUser(long userId) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("pa_profile", "SELECT * FROM pa_profile WHERE user_id = :user");
        q.put("introduction", "SELECT i.id, v.title AS vacancy, i.status, i.created_at FROM introduction i"
                + " JOIN vacancy v ON v.id = i.vacancy_id JOIN pa_profile p ON p.id = i.profile_id WHERE p.user_id = :user ORDER BY i.id");
        q.put("introduction_message", "SELECT m.introduction_id, m.from_side, m.body, m.sent_at FROM introduction_message m"
                + " JOIN introduction i ON i.id = m.introduction_id JOIN pa_profile p ON p.id = i.profile_id"
                + " WHERE p.user_id = :user ORDER BY m.id");
        return PersonalDataRows.section(jdbc, section(), Map.of("user", userId), q);
    }

    /** Open vacancies close; their contact details and the messages written for the person go. */
    @Override
    public Redacted erase(Redaction r) {
        Map<String, Object> p = Map.of("council", r.councilId(), "citizen", r.citizenId());
        jdbc.sql("UPDATE vacancy SET contact_name = 'Erased', contact_email = NULL, contact_phone = NULL,"
                        + " status = CASE WHEN status = 'OPEN' THEN 'CLOSED' ELSE status END, updated_at = now()"
                        + " WHERE council_id = :council AND citizen_id = :citizen").params(p).update();
        jdbc.sql("UPDATE introduction_message m SET body = 'Erased', author = 'Erased' FROM introduction i JOIN vacancy v ON v.id = i.vacancy_id"
                        + " WHERE i.id = m.introduction_id AND v.council_id = :council AND v.citizen_id = :citizen AND m.from_side = 'EMPLOYER'")
                .params(p).update();
        return Redacted.removed("rights.removed.vacancies");
    }

    /**
     * A PA who leaves the register: the profile is taken off it for good (ERASED, hidden, so matching,
     * the vacancy board and cover searches never find it) and emptied of what they wrote and how to
     * reach them; training and the cover offer go; introductions still open are declined and the
     * PA's messages in them blanked. Hires stay (the agreed rate is part of the employer's records).
     */
    @Override
    public Redacted erasePa(PaRedaction r) {
        Map<String, Object> p = Map.of("profile", r.paProfileId());
        jdbc.sql("""
                        UPDATE pa_profile SET display_name = 'Erased PA', about = '', experience = '', phone = NULL, email = NULL,
                            home_postcode = split_part(home_postcode, ' ', 1) || ' 9ZZ', skills = '{}', interests = '{}', languages = '{}',
                            availability = '{}', gender = NULL, visible = false, status = 'ERASED', suspended_reason = NULL,
                            latitude = NULL, longitude = NULL, skills_mask = 0, languages_mask = 0, availability_mask = 0,
                            updated_at = now()
                        WHERE id = :profile""").params(p).update();
        jdbc.sql("DELETE FROM pa_training WHERE profile_id = :profile").params(p).update();
        jdbc.sql("DELETE FROM pa_cover_offer WHERE profile_id = :profile").params(p).update();
        jdbc.sql("UPDATE introduction SET status = 'DECLINED', updated_at = now() WHERE profile_id = :profile"
                + " AND status IN ('INVITED', 'INTERESTED', 'CONNECTED')").params(p).update();
        jdbc.sql("UPDATE introduction_message m SET body = 'Erased', author = 'Erased' FROM introduction i"
                + " WHERE i.id = m.introduction_id AND i.profile_id = :profile AND m.from_side = 'PA'").params(p).update();
        return Redacted.removed("rights.removed.pa-profile", "rights.removed.pa-messages");
    }
}
