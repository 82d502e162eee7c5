package org.dphub.identity.internal;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dphub.identity.CitizenRelationship;
import org.dphub.identity.UserAccounts.CitizenAccess;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.Read;
import org.dphub.shared.database.Reads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class UserRepository {

    /** A user as stored; the council code is added by {@link org.dphub.identity.UserAccounts}. */
    public record StoredUser(long id, String username, String displayName, Long councilId, Set<Role> roles,
                             String preferredLanguage, String passwordHash, boolean enabled, boolean mustChangePassword) {

        public SignedInUser signedInUser(String councilCode) {
            return new SignedInUser(id, username, displayName, councilId, councilCode, roles, preferredLanguage,
                    mustChangePassword);
        }
    }

    private final JdbcClient jdbc;
    private final Reads reads;

    UserRepository(JdbcClient jdbc, Reads reads) {
        this.jdbc = jdbc;
        this.reads = reads;
    }

    public long insert(String username, String passwordHash, String displayName, Long councilId, Set<Role> roles,
                       String preferredLanguage, boolean mustChangePassword) {
        long id = jdbc.sql("""
                        INSERT INTO app_user (username, password_hash, display_name, council_id, preferred_language,
                            must_change_password, temporary_password_set_at)
                        VALUES (:username, :hash, :name, :council, :language, :mustChange, CASE WHEN :mustChange THEN now() END)
                        RETURNING id""")
                .param("username", username).param("hash", passwordHash).param("name", displayName)
                .param("council", councilId).param("language", preferredLanguage).param("mustChange", mustChangePassword)
                .query(Long.class).single();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO app_user_role (user_id, role) VALUES (:id, :role)")
                    .param("id", id).param("role", role.name()).update();
        }
        return id;
    }

    public Optional<StoredUser> findByUsername(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return jdbc.sql(STORED_USER + " WHERE u.username = :username")
                .param("username", username.strip().toLowerCase(java.util.Locale.ROOT))
                .query(UserRepository::storedUser)
                .optional();
    }

    private static final String STORED_USER = """
            SELECT u.id, u.username, u.display_name, u.council_id, u.preferred_language,
                   u.password_hash, u.enabled, u.must_change_password,
                   array(SELECT r.role FROM app_user_role r WHERE r.user_id = u.id ORDER BY r.role) AS roles
            FROM app_user u""";

    private static StoredUser storedUser(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : (String[]) rs.getArray("roles").getArray()) {
            roles.add(Role.valueOf(role));
        }
        return new StoredUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getObject("council_id", Long.class), roles, rs.getString("preferred_language"),
                rs.getString("password_hash"), rs.getBoolean("enabled"), rs.getBoolean("must_change_password"));
    }

    /**
     * Replaces the password of an enabled account that only a citizen or representative signs in with
     * by a temporary one to be changed at the next sign-in. Returns its username; empty if the account
     * is closed or is also someone's work account (staff, a PA, a provider).
     */
    public Optional<String> setTemporaryPassword(long userId, String passwordHash) {
        return jdbc.sql("""
                        UPDATE app_user u SET password_hash = :hash, must_change_password = TRUE, temporary_password_set_at = now()
                        WHERE u.id = :id AND u.enabled
                          AND NOT EXISTS (SELECT 1 FROM app_user_role r WHERE r.user_id = u.id
                                          AND r.role NOT IN ('CITIZEN', 'REPRESENTATIVE'))
                        RETURNING u.username""")
                .param("hash", passwordHash).param("id", userId).query(String.class).optional();
    }

    /** Whether the account's password is a temporary one given longer ago than {@code lifetime}. */
    public boolean temporaryPasswordOlderThan(long userId, java.time.Duration lifetime) {
        return jdbc.sql("""
                        SELECT must_change_password AND temporary_password_set_at < now() - make_interval(secs => :seconds)
                        FROM app_user WHERE id = :id""")
                .param("seconds", lifetime.toSeconds()).param("id", userId).query(Boolean.class).optional().orElse(false);
    }

    public boolean usernameTaken(String username) {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE username = :u")
                .param("u", username.strip().toLowerCase(java.util.Locale.ROOT)).query(Long.class).single() > 0;
    }

    public void changePassword(long userId, String passwordHash) {
        jdbc.sql("UPDATE app_user SET password_hash = :hash, must_change_password = FALSE, temporary_password_set_at = NULL WHERE id = :id")
                .param("hash", passwordHash).param("id", userId).update();
    }

    public void grantCitizenAccess(long userId, long citizenId, long councilId, CitizenRelationship relationship) {
        jdbc.sql("""
                        INSERT INTO citizen_access (user_id, citizen_id, council_id, relationship)
                        VALUES (:user, :citizen, :council, :relationship)
                        ON CONFLICT (user_id, citizen_id) DO NOTHING""")
                .param("user", userId).param("citizen", citizenId).param("council", councilId)
                .param("relationship", relationship.name())
                .update();
    }

    /** The name and language of an account, as its person's record now says; the values before, if the account exists. */
    public Optional<String[]> setNameAndLanguage(long userId, String displayName, String language) {
        return jdbc.sql("""
                        UPDATE app_user u SET display_name = :name, preferred_language = :language
                        FROM app_user before WHERE before.id = u.id AND u.id = :id
                        RETURNING before.display_name, before.preferred_language""")
                .param("name", displayName).param("language", language).param("id", userId)
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
    }

    /** Removes a representative's access to a citizen (never the citizen's own); the relationship it had, if any. */
    public Optional<CitizenRelationship> revokeCitizenAccess(long userId, long citizenId) {
        return jdbc.sql("DELETE FROM citizen_access WHERE user_id = :user AND citizen_id = :citizen AND relationship <> 'SELF' RETURNING relationship")
                .param("user", userId).param("citizen", citizenId)
                .query((rs, row) -> CitizenRelationship.valueOf(rs.getString("relationship"))).optional();
    }

    /** True when the account sees nobody's records and has no role but a representative's (issue 17: it closes with their erasure). */
    public boolean onlyAFormerRepresentative(long userId) {
        return jdbc.sql("""
                        SELECT NOT EXISTS (SELECT 1 FROM citizen_access WHERE user_id = :user)
                           AND NOT EXISTS (SELECT 1 FROM app_user_role WHERE user_id = :user AND role <> 'REPRESENTATIVE')""")
                .param("user", userId).query(Boolean.class).single();
    }

    public List<Long> ownAccountsOf(long citizenId) {
        return jdbc.sql("SELECT user_id FROM citizen_access WHERE citizen_id = :citizen AND relationship = 'SELF' ORDER BY user_id")
                .param("citizen", citizenId).query(Long.class).list();
    }

    public List<CitizenAccess> citizenAccessFor(long userId) {
        return reads.get(citizenAccessRead(userId));
    }

    private record AccessOf(long userId) {
    }

    /** {@link #citizenAccessFor} as a read, to send with others ({@code shared.database.Reads.Together}). */
    public Read<List<CitizenAccess>> citizenAccessRead(long userId) {
        return Read.list(new AccessOf(userId), """
                        SELECT citizen_id, council_id, relationship FROM citizen_access
                        WHERE user_id = :user ORDER BY relationship = 'SELF' DESC, citizen_id""", Map.of("user", userId),
                (rs, row) -> new CitizenAccess(rs.getLong("citizen_id"), rs.getLong("council_id"),
                        CitizenRelationship.valueOf(rs.getString("relationship"))));
    }

    private static final String MEMBER = """
            SELECT u.id, u.display_name, u.council_id, u.work_phone, u.work_email, u.enabled,
                   array(SELECT r.role FROM app_user_role r WHERE r.user_id = u.id ORDER BY r.role) AS roles
            FROM app_user u""";

    private static org.dphub.identity.StaffMember member(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : (String[]) rs.getArray("roles").getArray()) {
            roles.add(Role.valueOf(role));
        }
        return new org.dphub.identity.StaffMember(rs.getLong("id"), rs.getString("display_name"),
                rs.getObject("council_id", Long.class), roles, rs.getString("work_phone"), rs.getString("work_email"),
                rs.getBoolean("enabled"));
    }

    public Optional<org.dphub.identity.StaffMember> member(long userId) {
        return reads.get(memberRead(userId));
    }

    private record MemberRow(long userId) {
    }

    public Read<Optional<org.dphub.identity.StaffMember>> memberRead(long userId) {
        return Read.optional(new MemberRow(userId), MEMBER + " WHERE u.id = :id", Map.of("id", userId), UserRepository::member);
    }

    public List<org.dphub.identity.StaffMember> members(java.util.Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(MEMBER + " WHERE u.id = ANY(:ids)")
                .param("ids", new org.springframework.jdbc.support.SqlArrayValue("bigint", userIds.toArray()))
                .query(UserRepository::member).list();
    }

    /** Each staff member of the council: their username and roles (one statement, however many staff). */
    public List<StoredUser> staffOf(long councilId) {
        return jdbc.sql(STORED_USER + " WHERE u.council_id = :council AND " + IS_STAFF + " ORDER BY u.id")
                .param("council", councilId).param("staff", staffRoles())
                .query(UserRepository::storedUser).list();
    }

    /** One staff member of the council; empty for anyone else. */
    public Optional<StoredUser> staffMember(long councilId, long userId) {
        return jdbc.sql(STORED_USER + " WHERE u.council_id = :council AND u.id = :id AND " + IS_STAFF)
                .param("council", councilId).param("id", userId).param("staff", staffRoles())
                .query(UserRepository::storedUser).optional();
    }

    private static final String IS_STAFF = "EXISTS (SELECT 1 FROM app_user_role r WHERE r.user_id = u.id AND r.role = ANY(:staff))";

    private static org.springframework.jdbc.support.SqlArrayValue staffRoles() {
        return new org.springframework.jdbc.support.SqlArrayValue("text", Role.STAFF.stream().map(Role::name).toArray());
    }

    /** The council's accounts that have signed in through its provider. */
    public Set<Long> withCouncilAccount(long councilId) {
        return new java.util.HashSet<>(jdbc.sql("SELECT DISTINCT user_id FROM app_user_council_account WHERE council_id = :council")
                .param("council", councilId).query(Long.class).list());
    }

    /** Switches an account of the council's on or off; false when it already was. */
    public boolean setEnabled(long userId, long councilId, boolean enabled) {
        return jdbc.sql("UPDATE app_user SET enabled = :enabled WHERE id = :id AND council_id = :council AND enabled <> :enabled")
                .param("enabled", enabled).param("id", userId).param("council", councilId).update() == 1;
    }

    public List<org.dphub.identity.StaffMember> withRole(long councilId, Role role) {
        return jdbc.sql(MEMBER + """
                         WHERE u.council_id = :council AND u.enabled
                          AND EXISTS (SELECT 1 FROM app_user_role r WHERE r.user_id = u.id AND r.role = :role)
                        ORDER BY u.display_name, u.id""")
                .param("council", councilId).param("role", role.name()).query(UserRepository::member).list();
    }

    /** A staff member's name and how people reach them at work, corrected by their council's administrator. */
    public void setStaffDetails(long userId, long councilId, String displayName, String phone, String email) {
        jdbc.sql("UPDATE app_user SET display_name = :name, work_phone = :phone, work_email = :email WHERE id = :id AND council_id = :council")
                .param("name", displayName).param("phone", phone).param("email", email).param("id", userId).param("council", councilId)
                .update();
    }

    public void setWorkContact(long userId, String phone, String email) {
        jdbc.sql("UPDATE app_user SET work_phone = :phone, work_email = :email WHERE id = :id")
                .param("phone", phone).param("email", email).param("id", userId).update();
    }
    // ---- staff single sign-on (issue 17) ----

    /** The account this identity at a council's provider signed in as before, and the council it was stored for. */
    public record CouncilAccount(long userId, long councilId) {
    }

    public Optional<CouncilAccount> findCouncilAccount(String issuer, String subject) {
        return jdbc.sql("SELECT user_id, council_id FROM app_user_council_account WHERE issuer = :issuer AND subject = :subject")
                .param("issuer", issuer).param("subject", subject)
                .query((rs, row) -> new CouncilAccount(rs.getLong("user_id"), rs.getLong("council_id"))).optional();
    }

    public void linkCouncilAccount(String issuer, String subject, long userId, long councilId) {
        jdbc.sql("""
                        INSERT INTO app_user_council_account (issuer, subject, user_id, council_id)
                        VALUES (:issuer, :subject, :user, :council)""")
                .param("issuer", issuer).param("subject", subject).param("user", userId).param("council", councilId).update();
    }

    /**
     * The council's staff whose username or work email is this address (case aside) and who have no
     * identity at this issuer yet: the accounts a first sign-in with the council's provider may be.
     */
    public List<Long> staffByEmailNotLinked(long councilId, String email, String issuer) {
        return jdbc.sql("""
                        SELECT u.id FROM app_user u
                        WHERE u.council_id = :council
                          AND (u.username = lower(:email) OR lower(u.work_email) = lower(:email))
                          AND EXISTS (SELECT 1 FROM app_user_role r WHERE r.user_id = u.id
                                      AND r.role IN ('PRACTITIONER', 'BUDGET_HOLDER', 'DP_TEAM', 'FINANCE', 'COUNCIL_ADMIN'))
                          AND NOT EXISTS (SELECT 1 FROM app_user_council_account a WHERE a.user_id = u.id AND a.issuer = :issuer)
                        ORDER BY u.id""")
                .param("council", councilId).param("email", email).param("issuer", issuer)
                .query(Long.class).list();
    }

    public Optional<StoredUser> findById(long userId) {
        return jdbc.sql("SELECT username FROM app_user WHERE id = :id").param("id", userId).query(String.class).optional()
                .flatMap(this::findByUsername);
    }

    /** Sets the user's staff roles to exactly these, leaving any other role (none, for staff) as it is. */
    public void replaceStaffRoles(long userId, Set<Role> staffRoles) {
        jdbc.sql("""
                        DELETE FROM app_user_role WHERE user_id = :id
                          AND role IN ('PRACTITIONER', 'BUDGET_HOLDER', 'DP_TEAM', 'FINANCE', 'COUNCIL_ADMIN')""")
                .param("id", userId).update();
        for (Role role : staffRoles) {
            jdbc.sql("INSERT INTO app_user_role (user_id, role) VALUES (:id, :role)")
                    .param("id", userId).param("role", role.name()).update();
        }
    }
}
