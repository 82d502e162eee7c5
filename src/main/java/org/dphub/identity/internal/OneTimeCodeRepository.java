package org.dphub.identity.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One-time code set-ups and their recovery codes (only hashes), never deleted. */
@Repository
public class OneTimeCodeRepository {

    /** A person's live set-up: confirmed or still waiting for the first code. */
    public record Enrolment(long id, long userId, String secretEncrypted, OffsetDateTime createdAt, OffsetDateTime confirmedAt,
                            long lastUsedStep) {
        public boolean confirmed() {
            return confirmedAt != null;
        }
    }

    /** A member of staff who must use one-time codes, as their administrator sees them. */
    public record StaffCodes(long userId, String displayName, String username, List<String> roles, OffsetDateTime confirmedAt,
                             int recoveryCodesLeft) {
    }

    private final JdbcClient jdbc;

    OneTimeCodeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Enrolment> live(long userId) {
        return jdbc.sql("""
                        SELECT id, user_id, secret_encrypted, created_at, confirmed_at, last_used_step
                        FROM one_time_code_enrolment WHERE user_id = :user AND reset_at IS NULL""")
                .param("user", userId).query(Enrolment.class).optional();
    }

    public long start(long userId, String secretEncrypted, OffsetDateTime now) {
        return jdbc.sql("""
                        INSERT INTO one_time_code_enrolment (user_id, secret_encrypted, created_at)
                        VALUES (:user, :secret, :now) RETURNING id""")
                .param("user", userId).param("secret", secretEncrypted).param("now", now).query(Long.class).single();
    }

    /** Confirms a waiting set-up with its first code's step; false if it was confirmed (or reset) meanwhile. */
    public boolean confirm(long enrolmentId, long step, OffsetDateTime now) {
        return jdbc.sql("""
                        UPDATE one_time_code_enrolment SET confirmed_at = :now, last_used_step = :step
                        WHERE id = :id AND confirmed_at IS NULL AND reset_at IS NULL""")
                .param("id", enrolmentId).param("step", step).param("now", now).update() == 1;
    }

    /**
     * Moves the last used step on to this one; false when a code of this step or a later one was
     * used meanwhile (two requests at once, or two instances), so a code signs in once.
     */
    public boolean use(long enrolmentId, long step) {
        return jdbc.sql("""
                        UPDATE one_time_code_enrolment SET last_used_step = :step
                        WHERE id = :id AND reset_at IS NULL AND last_used_step < :step""")
                .param("id", enrolmentId).param("step", step).update() == 1;
    }

    public void addRecoveryCodes(long enrolmentId, List<byte[]> hashes) {
        for (byte[] hash : hashes) {
            jdbc.sql("INSERT INTO one_time_recovery_code (enrolment_id, code_sha256) VALUES (:id, :hash)")
                    .param("id", enrolmentId).param("hash", hash).update();
        }
    }

    /** Empty: no such code; true: used now; false: it was used before. */
    public Optional<Boolean> useRecoveryCode(long enrolmentId, byte[] hash, OffsetDateTime now) {
        Optional<Boolean> usedBefore = jdbc.sql("""
                        SELECT used_at IS NOT NULL FROM one_time_recovery_code
                        WHERE enrolment_id = :id AND code_sha256 = :hash FOR UPDATE""")
                .param("id", enrolmentId).param("hash", hash).query(Boolean.class).optional();
        if (usedBefore.isEmpty() || usedBefore.get()) {
            return usedBefore.map(used -> false);
        }
        return Optional.of(jdbc.sql("""
                        UPDATE one_time_recovery_code SET used_at = :now
                        WHERE enrolment_id = :id AND code_sha256 = :hash AND used_at IS NULL""")
                .param("id", enrolmentId).param("hash", hash).param("now", now).update() == 1);
    }

    public int recoveryCodesLeft(long enrolmentId) {
        return jdbc.sql("SELECT count(*) FROM one_time_recovery_code WHERE enrolment_id = :id AND used_at IS NULL")
                .param("id", enrolmentId).query(Integer.class).single();
    }

    /** Ends the live set-up and forgets its secret; false when there was none. */
    public boolean reset(long userId, long resetBy, OffsetDateTime now) {
        return jdbc.sql("""
                        UPDATE one_time_code_enrolment SET reset_at = :now, reset_by = :by, secret_encrypted = NULL
                        WHERE user_id = :user AND reset_at IS NULL""")
                .param("user", userId).param("by", resetBy).param("now", now).update() == 1;
    }

    /** The council's enabled staff with one of these roles, by name, with their set-up (if confirmed). */
    public List<StaffCodes> staff(long councilId, List<String> roles) {
        return jdbc.sql("""
                        SELECT u.id, u.display_name, u.username,
                               (SELECT array_agg(r.role ORDER BY r.role) FROM app_user_role r WHERE r.user_id = u.id) AS roles,
                               e.confirmed_at,
                               (SELECT count(*) FROM one_time_recovery_code c WHERE c.enrolment_id = e.id AND c.used_at IS NULL) AS left_codes
                        FROM app_user u
                        LEFT JOIN one_time_code_enrolment e ON e.user_id = u.id AND e.reset_at IS NULL
                        WHERE u.council_id = :council AND u.enabled
                          AND EXISTS (SELECT 1 FROM app_user_role r WHERE r.user_id = u.id AND r.role IN (:roles))
                        ORDER BY u.display_name, u.id""")
                .param("council", councilId).param("roles", roles)
                .query((rs, n) -> new StaffCodes(rs.getLong("id"), rs.getString("display_name"), rs.getString("username"),
                        List.of((String[]) rs.getArray("roles").getArray()), rs.getObject("confirmed_at", OffsetDateTime.class),
                        rs.getInt("left_codes")))
                .list();
    }
}
