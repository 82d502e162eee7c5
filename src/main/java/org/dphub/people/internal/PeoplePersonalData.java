package org.dphub.people.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dphub.shared.personaldata.PersonalDataRows;
import org.dphub.shared.personaldata.PersonalDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The person themself, their household and the people who act for them (issue 17). */
@Component
class PeoplePersonalData implements PersonalDataSource {

    /** What an erased person's names become: the record stays, as the money records point at it. */
    static final String ERASED = "Erased";

    private final JdbcClient jdbc;

    PeoplePersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "person";
    }

    @Override
    public Set<String> tables() {
        return Set.of("citizen", "household_member", "representative", "dp_contact");
    }

    @Override
    public Optional<Section> forCitizen(long councilId, long citizenId) {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("citizen", "SELECT id, reference, given_name, family_name, date_of_birth, postcode, preferred_language,"
                + " contact_preference, email, phone, communication_needs, created_at FROM citizen"
                + " WHERE council_id = :council AND id = :citizen");
        queries.put("household_member", "SELECT id, name, relationship, lives_in_same_household, created_at, removed_on, removal_reason"
                + " FROM household_member"
                + " WHERE council_id = :council AND citizen_id = :citizen ORDER BY id");
        queries.put("representative", "SELECT id, name, kind, email, user_id IS NOT NULL AS has_online_account, created_at, ended_on, end_reason"
                + " FROM representative WHERE council_id = :council AND citizen_id = :citizen ORDER BY id");
        // the staff named as the person's contact: their names are the council's, the choice is about the person
        queries.put("dp_contact", "SELECT c.id, u.display_name AS contact, c.changed_at FROM dp_contact c"
                + " JOIN app_user u ON u.id = c.contact_user_id WHERE c.council_id = :council AND c.citizen_id = :citizen ORDER BY c.id");
        return PersonalDataRows.section(jdbc, section(), Map.of("council", councilId, "citizen", citizenId), queries);
    }

    /**
     * Names, contact details and needs go; the date of birth keeps only its year and the postcode
     * only its district, which the council's statutory returns count by (age bands, areas). The
     * record itself and its reference stay, as the money records kept for 6 years point at it.
     */
    @Override
    public Redacted erase(Redaction r) {
        jdbc.sql("""
                UPDATE citizen SET given_name = :erased, family_name = 'person',
                       date_of_birth = make_date(extract(year FROM date_of_birth)::int, 1, 1),
                       postcode = split_part(postcode, ' ', 1) || ' 9ZZ',
                       email = NULL, phone = NULL, communication_needs = NULL, contact_preference = 'LETTER'
                WHERE council_id = :council AND id = :citizen""")
                .param("erased", ERASED).param("council", r.councilId()).param("citizen", r.citizenId()).update();
        jdbc.sql("""
                UPDATE household_member SET name = :erased,
                       removal_reason = CASE WHEN removal_reason IS NULL THEN NULL ELSE :erased END
                WHERE council_id = :council AND citizen_id = :citizen""")
                .param("erased", ERASED).param("council", r.councilId()).param("citizen", r.citizenId()).update();
        jdbc.sql("""
                UPDATE representative SET name = :erased, email = NULL, end_reason = CASE WHEN end_reason IS NULL THEN NULL ELSE :erased END
                WHERE council_id = :council AND citizen_id = :citizen""")
                .param("erased", ERASED).param("council", r.councilId()).param("citizen", r.citizenId()).update();
        return new Redacted(java.util.List.of("rights.removed.person", "rights.removed.household", "rights.removed.representatives"),
                java.util.List.of(new Kept("rights.kept.reference", "rights.why.money-link"),
                        new Kept("rights.kept.year-and-district", "rights.why.statutory-returns")));
    }

    /**
     * A former representative's email address goes: it was theirs, for reaching them while they acted. Their
     * name stays on the person's record, as who acted for them and until when; it goes when the person's
     * own record is erased.
     */
    @Override
    public Redacted eraseRepresentative(RepresentativeRedaction r) {
        jdbc.sql("UPDATE representative SET email = NULL WHERE council_id = :council AND id = :id")
                .param("council", r.councilId()).param("id", r.representativeId()).update();
        return new Redacted(java.util.List.of("rights.removed.representative-email"),
                java.util.List.of(new Kept("rights.kept.representative-name", "rights.why.representative-name")));
    }
}
