package org.dphub.people.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.dphub.people.Citizen;
import org.dphub.people.ContactPreference;
import org.dphub.people.NewCitizen;
import org.dphub.shared.Postcode;
import org.dphub.shared.database.Read;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CitizenRepository {

    private final JdbcClient jdbc;

    CitizenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Citizen insert(NewCitizen c) {
        String reference = c.reference() != null ? c.reference() : nextReference(c.councilId());
        long id = jdbc.sql("""
                        INSERT INTO citizen (council_id, reference, given_name, family_name, date_of_birth, postcode,
                            preferred_language, contact_preference, email, phone, communication_needs)
                        VALUES (:council, :reference, :given, :family, :dob, :postcode, :language, :contact,
                            :email, :phone, :needs)
                        RETURNING id""")
                .param("council", c.councilId()).param("reference", reference)
                .param("given", c.givenName()).param("family", c.familyName())
                .param("dob", c.dateOfBirth()).param("postcode", c.postcode().value())
                .param("language", c.preferredLanguage()).param("contact", c.contactPreference().name())
                .param("email", c.email()).param("phone", c.phone()).param("needs", c.communicationNeeds())
                .query(Long.class).single();
        return new Citizen(id, c.councilId(), reference, c.givenName(), c.familyName(), c.dateOfBirth(),
                c.postcode(), c.preferredLanguage(), c.contactPreference(), c.email(), c.phone(), c.communicationNeeds());
    }

    /** A person's details as changed (the reference, the council and the id stay). */
    public void updateDetails(long councilId, long id, NewCitizen c) {
        jdbc.sql("""
                        UPDATE citizen SET given_name = :given, family_name = :family, date_of_birth = :dob, postcode = :postcode,
                            preferred_language = :language, contact_preference = :contact, email = :email, phone = :phone,
                            communication_needs = :needs
                        WHERE council_id = :council AND id = :id""")
                .param("given", c.givenName()).param("family", c.familyName())
                .param("dob", c.dateOfBirth()).param("postcode", c.postcode().value())
                .param("language", c.preferredLanguage()).param("contact", c.contactPreference().name())
                .param("email", c.email()).param("phone", c.phone()).param("needs", c.communicationNeeds())
                .param("council", councilId).param("id", id)
                .update();
    }

    /**
     * The council's next person reference, "DE-00051": the prefix and numbering its existing
     * references use. A lock per council (released at commit) stops two people getting one number.
     */
    private String nextReference(long councilId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(4242, CAST(:council AS int))").param("council", councilId).query((rs, row) -> 1).list();
        return jdbc.sql("""
                        SELECT coalesce(max(substring(reference FROM '^[A-Z]+')), 'P') || '-' ||
                               lpad(CAST(coalesce(max(CAST(substring(reference FROM '[0-9]+$') AS int)), 0) + 1 AS text), 5, '0')
                        FROM citizen WHERE council_id = :council AND reference ~ '^[A-Z]+-[0-9]+$'""")
                .param("council", councilId).query(String.class).single();
    }

    /** By id, its row locked until the transaction ends (a change of details): callers apply the access policy. */
    public Optional<Citizen> findByIdForUpdate(long id) {
        return jdbc.sql("SELECT * FROM citizen WHERE id = :id FOR UPDATE").param("id", id)
                .query(CitizenRepository::map).optional();
    }

    /** By id alone: callers must apply the access policy before showing it to anyone. */
    public Optional<Citizen> findById(long id) {
        return jdbc.sql("SELECT * FROM citizen WHERE id = :id").param("id", id)
                .query(CitizenRepository::map).optional();
    }

    private record CitizenRow(long id) {
    }

    /** {@link #findById} as a read, to send with others ({@code shared.database.Reads.Together}). */
    public Read<Optional<Citizen>> findByIdRead(long id) {
        return Read.optional(new CitizenRow(id), "SELECT * FROM citizen WHERE id = :id", java.util.Map.of("id", id),
                CitizenRepository::map);
    }

    public Optional<Citizen> findByIdInCouncil(long id, long councilId) {
        return jdbc.sql("SELECT * FROM citizen WHERE id = :id AND council_id = :council")
                .param("id", id).param("council", councilId)
                .query(CitizenRepository::map).optional();
    }

    public List<Citizen> findAllInCouncil(long councilId, java.util.Collection<Long> ids) {
        return jdbc.sql("SELECT * FROM citizen WHERE council_id = :council AND id = ANY(:ids)")
                .param("council", councilId)
                .param("ids", new org.springframework.jdbc.support.SqlArrayValue("bigint", ids.toArray()))
                .query(CitizenRepository::map).list();
    }

    public List<Citizen> search(long councilId, String query, int offset, int limit) {
        return jdbc.sql("""
                        SELECT * FROM citizen
                        WHERE council_id = :council
                          AND (:q = '' OR reference ILIKE :like OR (given_name || ' ' || family_name) ILIKE :like
                               OR family_name ILIKE :like)
                        ORDER BY family_name, given_name, id OFFSET :offset LIMIT :limit""")
                .param("council", councilId).param("q", query).param("like", "%" + escapeLike(query) + "%")
                .param("offset", offset).param("limit", limit)
                .query(CitizenRepository::map).list();
    }

    public long count(long councilId, String query) {
        return jdbc.sql("""
                        SELECT count(*) FROM citizen
                        WHERE council_id = :council
                          AND (:q = '' OR reference ILIKE :like OR (given_name || ' ' || family_name) ILIKE :like
                               OR family_name ILIKE :like)""")
                .param("council", councilId).param("q", query).param("like", "%" + escapeLike(query) + "%")
                .query(Long.class).single();
    }

    /** The postcode district (outward code, "SY3") most of the council's people live in, if it has anyone. */
    public Optional<String> mostCommonPostcodeDistrict(long councilId) {
        return jdbc.sql("""
                        SELECT split_part(postcode, ' ', 1) AS district FROM citizen
                        WHERE council_id = :council
                        GROUP BY district ORDER BY count(*) DESC, district LIMIT 1""")
                .param("council", councilId).query(String.class).optional();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    public static Citizen map(ResultSet rs, int row) throws SQLException {
        return new Citizen(rs.getLong("id"), rs.getLong("council_id"), rs.getString("reference"),
                rs.getString("given_name"), rs.getString("family_name"), rs.getObject("date_of_birth", java.time.LocalDate.class),
                Postcode.parse(rs.getString("postcode")), rs.getString("preferred_language"),
                ContactPreference.valueOf(rs.getString("contact_preference")), rs.getString("email"),
                rs.getString("phone"), rs.getString("communication_needs"));
    }
}
