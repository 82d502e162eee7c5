package org.dphub.identity.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dphub.shared.personaldata.PersonalDataRows;
import org.dphub.shared.personaldata.PersonalDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Sign-in accounts, roles, API keys (by name) and who may see a person's records (issue 17). */
@Component
class IdentityPersonalData implements PersonalDataSource {

    private final JdbcClient jdbc;
    private final SessionsOfClosedSignIns sessions;

    IdentityPersonalData(JdbcClient jdbc, SessionsOfClosedSignIns sessions) {
        this.jdbc = jdbc;
        this.sessions = sessions;
    }

    /** Their sessions, found by the usernames as they stand (before the step replaces them), end once the step is committed. */
    private void closing(List<Long> users) {
        // a link to choose a new password, asked for before, no longer works either
        jdbc.sql("DELETE FROM password_reset WHERE user_id IN (:users)").param("users", users).update();
        sessions.endAfterCommit(jdbc.sql("SELECT username FROM app_user WHERE id IN (:users) ORDER BY id").param("users", users)
                .query(String.class).list());
    }

    @Override
    public String section() {
        return "account";
    }

    @Override
    public Set<String> tables() {
        return Set.of("citizen_access", "app_user", "app_user_role", "api_key");
    }

    @Override
    public Optional<Section> forCitizen(long councilId, long citizenId) {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("citizen_access", "SELECT u.display_name AS who, a.relationship, a.since FROM citizen_access a"
                + " JOIN app_user u ON u.id = a.user_id WHERE a.council_id = :council AND a.citizen_id = :citizen ORDER BY a.since");
        return PersonalDataRows.section(jdbc, section(), Map.of("council", councilId, "citizen", citizenId), queries);
    }

    @Override
    public Optional<Section> forUser(long userId) {
        Map<String, String> queries = new LinkedHashMap<>();
        queries.put("app_user", "SELECT id, username, display_name, preferred_language, enabled, work_phone, work_email, created_at"
                + " FROM app_user WHERE id = :user");
        queries.put("app_user_role", "SELECT role FROM app_user_role WHERE user_id = :user ORDER BY role");
        // the key itself is never kept, only its hash, which is not shown either
        queries.put("api_key", "SELECT name, created_at, expires_at, last_used_at, revoked_at FROM api_key WHERE user_id = :user ORDER BY id");
        return PersonalDataRows.section(jdbc, section(), Map.of("user", userId), queries);
    }

    /**
     * The person's own sign-in is closed and its name and username replaced, and its sessions end; a representative's
     * account is theirs.
     */
    @Override
    public Redacted erase(Redaction r) {
        List<Long> own = r.userIds();
        if (!own.isEmpty()) {
            closing(own);
        }
        for (long user : own) {
            jdbc.sql("UPDATE app_user SET enabled = false, display_name = 'Erased person', username = 'erased-' || id,"
                            + " work_phone = NULL, work_email = NULL WHERE id = :user")
                    .param("user", user).update();
        }
        return own.isEmpty() ? Redacted.NOTHING : Redacted.removed("rights.removed.account");
    }

    /**
     * A PA's sign-in is closed and its sessions end; its name, username (their email) and work contacts go, so the address
     * may register again.
     */
    @Override
    public Redacted erasePa(PaRedaction r) {
        close(r.userId(), "Erased PA");
        return Redacted.removed("rights.removed.pa-account");
    }

    /**
     * A former representative's sign-in is closed and its name and username (their email) replaced, and its
     * sessions end; not while it is used for anything else (acting for someone, or their own account as a
     * citizen or PA), when it is kept and the step says why.
     */
    @Override
    public Redacted eraseRepresentative(RepresentativeRedaction r) {
        if (r.userId() == null) {
            return Redacted.NOTHING;
        }
        if (!r.closeAccount()) {
            return new Redacted(List.of(), List.of(new Kept("rights.kept.representative-account", "rights.why.representative-account")));
        }
        close(r.userId(), "Erased representative");
        return Redacted.removed("rights.removed.representative-account");
    }

    /** A provider's sign-in is closed and its sessions end; its name, username (their email) and work contacts go. */
    @Override
    public Redacted eraseProvider(ProviderRedaction r) {
        if (r.userId() == null) {
            return Redacted.NOTHING;
        }
        close(r.userId(), "Erased provider");
        return Redacted.removed("rights.removed.provider-account");
    }

    /** A PA's, former representative's or provider's sign-in closed, its sessions ending, its name, username (their email) and work contacts gone. */
    private void close(long userId, String erasedName) {
        closing(List.of(userId));
        jdbc.sql("UPDATE app_user SET enabled = false, display_name = :name, username = 'erased-' || id,"
                        + " work_phone = NULL, work_email = NULL WHERE id = :user")
                .param("name", erasedName).param("user", userId).update();
    }
}
