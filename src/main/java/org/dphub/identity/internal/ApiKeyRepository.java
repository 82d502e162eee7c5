package org.dphub.identity.internal;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dphub.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API keys as stored: the SHA-256 of each key, never the key. */
@Repository
public class ApiKeyRepository {

    /** One of a user's keys, as its owner sees it. */
    public record StoredKey(long id, long userId, String name, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                            OffsetDateTime lastUsedAt, OffsetDateTime revokedAt) {
    }

    /** A live key's owner, as needed to let a request in: found by the key's hash in one query. */
    public record KeyOwner(long keyId, OffsetDateTime expiresAt, OffsetDateTime lastUsedAt, long userId, String username,
                           String displayName, Long councilId, Set<Role> roles, String preferredLanguage, boolean enabled,
                           boolean mustChangePassword) {
    }

    private final JdbcClient jdbc;

    ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long userId, String name, byte[] sha256, OffsetDateTime createdAt, OffsetDateTime expiresAt) {
        return jdbc.sql("""
                        INSERT INTO api_key (user_id, name, key_sha256, created_at, expires_at)
                        VALUES (:user, :name, :hash, :created, :expires) RETURNING id""")
                .param("user", userId).param("name", name).param("hash", sha256).param("created", createdAt)
                .param("expires", expiresAt)
                .query(Long.class).single();
    }

    /** Holds the user's row until the transaction ends, so two requests at once cannot both pass the limit. */
    public void lockUser(long userId) {
        jdbc.sql("SELECT id FROM app_user WHERE id = :id FOR UPDATE").param("id", userId).query(Long.class).single();
    }

    /** Keys neither revoked nor past their expiry. */
    public int countLive(long userId, OffsetDateTime now) {
        return jdbc.sql("""
                        SELECT count(*) FROM api_key
                        WHERE user_id = :user AND revoked_at IS NULL AND (expires_at IS NULL OR expires_at > :now)""")
                .param("user", userId).param("now", now).query(Integer.class).single();
    }

    /** A live (not revoked) key of this user with this name, whatever its letter case. */
    public boolean liveNameTaken(long userId, String name) {
        return jdbc.sql("SELECT count(*) FROM api_key WHERE user_id = :user AND revoked_at IS NULL AND lower(name) = lower(:name)")
                .param("user", userId).param("name", name).query(Long.class).single() > 0;
    }

    private static final String KEY = """
            SELECT id, user_id, name, created_at, expires_at, last_used_at, revoked_at FROM api_key""";

    private static StoredKey key(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new StoredKey(rs.getLong("id"), rs.getLong("user_id"), rs.getString("name"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("expires_at", OffsetDateTime.class),
                rs.getObject("last_used_at", OffsetDateTime.class), rs.getObject("revoked_at", OffsetDateTime.class));
    }

    /** The user's keys, live ones first, newest first. */
    public List<StoredKey> forUser(long userId) {
        return jdbc.sql(KEY + " WHERE user_id = :user ORDER BY revoked_at IS NOT NULL, created_at DESC, id DESC")
                .param("user", userId).query(ApiKeyRepository::key).list();
    }

    /** One of the user's keys; another user's key is not found, the same as a missing one. */
    public Optional<StoredKey> find(long userId, long keyId) {
        return jdbc.sql(KEY + " WHERE id = :id AND user_id = :user").param("id", keyId).param("user", userId)
                .query(ApiKeyRepository::key).optional();
    }

    public void revoke(long keyId, long revokedBy, OffsetDateTime at) {
        jdbc.sql("UPDATE api_key SET revoked_at = :at, revoked_by = :by WHERE id = :id AND revoked_at IS NULL")
                .param("at", at).param("by", revokedBy).param("id", keyId).update();
    }

    /** The owner of a key that is not revoked (expiry and the owner's state are for the caller to judge). */
    public Optional<KeyOwner> ownerOf(byte[] sha256) {
        return jdbc.sql("""
                        SELECT k.id AS key_id, k.expires_at, k.last_used_at,
                               u.id AS user_id, u.username, u.display_name, u.council_id, u.preferred_language,
                               u.enabled, u.must_change_password,
                               array(SELECT r.role FROM app_user_role r WHERE r.user_id = u.id ORDER BY r.role) AS roles
                        FROM api_key k JOIN app_user u ON u.id = k.user_id
                        WHERE k.key_sha256 = :hash AND k.revoked_at IS NULL""")
                .param("hash", sha256)
                .query((rs, row) -> {
                    Set<Role> roles = EnumSet.noneOf(Role.class);
                    for (String role : (String[]) rs.getArray("roles").getArray()) {
                        roles.add(Role.valueOf(role));
                    }
                    return new KeyOwner(rs.getLong("key_id"), rs.getObject("expires_at", OffsetDateTime.class),
                            rs.getObject("last_used_at", OffsetDateTime.class), rs.getLong("user_id"), rs.getString("username"),
                            rs.getString("display_name"), rs.getObject("council_id", Long.class), roles,
                            rs.getString("preferred_language"), rs.getBoolean("enabled"), rs.getBoolean("must_change_password"));
                })
                .optional();
    }

    /**
     * Notes that a key was used, at most once a minute: the guard in the WHERE clause makes a
     * burst of calls write once, and the caller skips the statement altogether when the key it
     * read was used less than a minute ago.
     */
    public void noteUse(long keyId, OffsetDateTime now) {
        jdbc.sql("""
                        UPDATE api_key SET last_used_at = :now
                        WHERE id = :id AND revoked_at IS NULL AND (last_used_at IS NULL OR last_used_at < :now - interval '1 minute')""")
                .param("id", keyId).param("now", now).update();
    }
}
