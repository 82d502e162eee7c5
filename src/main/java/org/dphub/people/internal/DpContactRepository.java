package org.dphub.people.internal;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dphub.people.Citizen;
import org.dphub.shared.database.Read;
import org.dphub.shared.database.Reads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/** Named contacts (append-only rows: a person's contact is their newest); every query names the council. */
@Repository
public class DpContactRepository {

    /** One stored change, with user ids; names are added by the public face. */
    public record Row(long id, long citizenId, long contactUserId, Long previousUserId, String changedBy, java.time.Instant changedAt) {
    }

    private final JdbcClient jdbc;
    private final Reads reads;

    DpContactRepository(JdbcClient jdbc, Reads reads) {
        this.jdbc = jdbc;
        this.reads = reads;
    }

    public long insert(long councilId, long citizenId, long contactUserId, Long previousUserId, String changedBy) {
        return jdbc.sql("""
                        INSERT INTO dp_contact (council_id, citizen_id, contact_user_id, previous_user_id, changed_by)
                        VALUES (:council, :citizen, :contact, :previous, :by) RETURNING id""")
                .param("council", councilId).param("citizen", citizenId).param("contact", contactUserId)
                .param("previous", previousUserId).param("by", changedBy)
                .query(Long.class).single();
    }

    public Optional<Long> current(long councilId, long citizenId) {
        return reads.get(currentRead(councilId, citizenId));
    }

    private record CurrentOf(long councilId, long citizenId) {
    }

    public Read<Optional<Long>> currentRead(long councilId, long citizenId) {
        return Read.optional(new CurrentOf(councilId, citizenId), """
                        SELECT contact_user_id FROM dp_contact WHERE council_id = :council AND citizen_id = :citizen
                        ORDER BY id DESC LIMIT 1""", Map.of("council", councilId, "citizen", citizenId), (rs, n) -> rs.getLong(1));
    }

    /** The current contact of each of these people (those with none are left out). */
    public Map<Long, Long> current(long councilId, Collection<Long> citizenIds) {
        Map<Long, Long> found = new java.util.LinkedHashMap<>();
        if (citizenIds.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                        SELECT DISTINCT ON (citizen_id) citizen_id, contact_user_id FROM dp_contact
                        WHERE council_id = :council AND citizen_id = ANY(:ids) ORDER BY citizen_id, id DESC""")
                .param("council", councilId).param("ids", new SqlArrayValue("bigint", citizenIds.toArray()))
                .query((rs, row) -> found.put(rs.getLong("citizen_id"), rs.getLong("contact_user_id"))).list();
        return found;
    }

    public List<Row> history(long councilId, long citizenId) {
        return jdbc.sql("""
                        SELECT * FROM dp_contact WHERE council_id = :council AND citizen_id = :citizen ORDER BY id DESC""")
                .param("council", councilId).param("citizen", citizenId)
                .query((rs, row) -> new Row(rs.getLong("id"), rs.getLong("citizen_id"), rs.getLong("contact_user_id"),
                        rs.getObject("previous_user_id", Long.class), rs.getString("changed_by"),
                        rs.getTimestamp("changed_at").toInstant()))
                .list();
    }

    /** The people whose contact now is this member of staff, by name. */
    public List<Citizen> caseload(long councilId, long contactUserId) {
        return jdbc.sql("""
                        SELECT c.* FROM citizen c
                        JOIN (SELECT DISTINCT ON (citizen_id) citizen_id, contact_user_id FROM dp_contact
                              WHERE council_id = :council ORDER BY citizen_id, id DESC) k ON k.citizen_id = c.id
                        WHERE c.council_id = :council AND k.contact_user_id = :user
                        ORDER BY c.family_name, c.given_name, c.id""")
                .param("council", councilId).param("user", contactUserId)
                .query(CitizenRepository::map).list();
    }

    /**
     * Of these people, those with no contact: none chosen yet, or one who no longer acts as a contact
     * (their account switched off when they left, or no longer in the DP team: {@code StaffMember.actsAsContact}), by name.
     */
    public List<Citizen> withoutContact(long councilId, Collection<Long> citizenIds) {
        if (citizenIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT c.* FROM citizen c
                        LEFT JOIN (SELECT DISTINCT ON (citizen_id) citizen_id, contact_user_id FROM dp_contact
                                   WHERE council_id = :council AND citizen_id = ANY(:ids) ORDER BY citizen_id, id DESC) k
                               ON k.citizen_id = c.id
                        LEFT JOIN app_user u ON u.id = k.contact_user_id
                        WHERE c.council_id = :council AND c.id = ANY(:ids) AND (k.citizen_id IS NULL OR NOT u.enabled
                               OR NOT EXISTS (SELECT 1 FROM app_user_role r WHERE r.user_id = u.id AND r.role = 'DP_TEAM'))
                        ORDER BY c.family_name, c.given_name, c.id""")
                .param("council", councilId).param("ids", new SqlArrayValue("bigint", citizenIds.toArray()))
                .query(CitizenRepository::map).list();
    }
}
