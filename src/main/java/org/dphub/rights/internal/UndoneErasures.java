package org.dphub.rights.internal;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The erasures a restore from a backup undid ({@code personal_data_erasure_undone}, written by
 * {@code bin/restore} into the database it restored), each with when it was carried out again: the
 * subject's {@code ERASURE} step in {@code personal_data_redaction}, which the restored database
 * did not have (the backup was taken before it), so any there now was carried out after the restore.
 */
@Repository
public class UndoneErasures {

    /** Whether a redaction step {@code r} is about the subject of the undone erasure {@code u}. */
    private static final String SAME_SUBJECT = """
            (r.citizen_id = CASE WHEN u.whose = 'person' THEN u.subject_id::bigint END
             OR r.pa_profile_id = CASE WHEN u.whose = 'PA' THEN u.subject_id::bigint END
             OR r.representative_id = CASE WHEN u.whose = 'representative' THEN u.subject_id::bigint END
             OR r.organization_id = CASE WHEN u.whose = 'provider' THEN u.subject_id::uuid END)""";

    private final JdbcClient jdbc;

    UndoneErasures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One undone erasure; {@code erasedAgainAt} null until it is carried out again. */
    public record Row(String whose, String subjectId, Instant erasedAt, String erasedBy, Instant restoredAt, String backup,
                      Instant erasedAgainAt) {
    }

    /**
     * The council's undone erasures, one a subject (the latest, should two restores have undone
     * erasures of the same person), in no particular order.
     */
    public List<Row> ofCouncil(long councilId) {
        return jdbc.sql("""
                        SELECT DISTINCT ON (u.whose, u.subject_id) u.whose, u.subject_id, u.erased_at, u.erased_by, u.restored_at,
                               u.backup, r.carried_out_at
                        FROM personal_data_erasure_undone u
                        LEFT JOIN personal_data_redaction r ON r.step = 'ERASURE' AND\s""" + SAME_SUBJECT + """

                        WHERE u.council_id = :council
                        ORDER BY u.whose, u.subject_id, u.erased_at DESC""")
                .param("council", councilId)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4),
                        rs.getTimestamp(5).toInstant(), rs.getString(6),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant()))
                .list();
    }

    /** How many of the council's people, PAs, representatives and providers are still to be erased again. */
    public long pending(long councilId) {
        return jdbc.sql("""
                        SELECT count(DISTINCT (u.whose, u.subject_id)) FROM personal_data_erasure_undone u
                        WHERE u.council_id = :council
                          AND NOT EXISTS (SELECT 1 FROM personal_data_redaction r WHERE r.step = 'ERASURE' AND\s""" + SAME_SUBJECT + ")")
                .param("council", councilId).query(Long.class).single();
    }

    /**
     * The PAs who registered with no council and left the register themselves, whose erasure a restore undid
     * and which is not yet carried out again: no council's DP team sees them, so dphub does it (their profile ids).
     */
    public List<Long> pendingWithNoCouncil() {
        return jdbc.sql("""
                        SELECT DISTINCT u.subject_id::bigint FROM personal_data_erasure_undone u
                        WHERE u.council_id IS NULL AND u.whose = 'PA'
                          AND NOT EXISTS (SELECT 1 FROM personal_data_redaction r WHERE r.step = 'ERASURE' AND\s""" + SAME_SUBJECT + """
                        )
                        ORDER BY 1""")
                .query(Long.class).list();
    }
}
