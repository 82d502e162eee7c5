package org.dphub.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.councils.Council;
import org.dphub.councils.Councils;
import org.dphub.identity.internal.ApiKeyRepository;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys (issue 17): a signed-in user makes named keys for the JSON API and revokes them. A
 * request with {@code Authorization: Bearer dphub_…} acts as the key's owner, with the owner's
 * roles and council as they are at that moment.
 *
 * <p>A key is {@value #PREFIX} and 32 bytes from {@link SecureRandom} in base64url: 256 random
 * bits. Only its SHA-256 is stored. A fast, unsalted hash is safe here, unlike for passwords,
 * because nobody chose the key: there is no dictionary to try and 2^256 keys to guess, so a copy
 * of the table gives away nothing, and checking a key costs one hash and one indexed look-up
 * rather than a deliberately slow password hash (bcrypt took 1.7 s a call on two busy cores).
 */
@Service
public class ApiKeys {

    public static final String PREFIX = "dphub_";
    /** Live keys (not revoked, not expired) one user may hold. */
    public static final int MAX_LIVE_KEYS = 10;
    public static final int MAX_NAME_LENGTH = 100;
    /** The last use is written at most this often per key, so a busy client does not write on every call. */
    static final Duration LAST_USE_PRECISION = Duration.ofMinutes(1);
    /** An expiry date is a day in the UK: the key stops working when that day starts. */
    static final ZoneId UK = ZoneId.of("Europe/London");
    private static final int RANDOM_BYTES = 32;

    public enum Status { LIVE, EXPIRED, REVOKED }

    /** A key as its owner sees it: never the key itself. */
    public record ApiKey(long id, String name, OffsetDateTime createdAt, OffsetDateTime expiresAt,
                         OffsetDateTime lastUsedAt, OffsetDateTime revokedAt, Status status) {
    }

    /** A key just made, with the key itself, to be shown this once and never again. */
    public record NewApiKey(ApiKey key, String secret) {
    }

    private final ApiKeyRepository keys;
    private final AuditTrail audit;
    private final Councils councils;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ApiKeys(ApiKeyRepository keys, AuditTrail audit, Councils councils, Clock clock) {
        this.keys = keys;
        this.audit = audit;
        this.councils = councils;
        this.clock = clock;
    }

    /**
     * Makes a key named {@code name} that works until {@code expiresOn} starts (null: until it is
     * revoked). Problems go to {@code errors} and nothing is saved (empty result): no name, a name
     * too long or already used by a live key, an expiry not after today, or {@value #MAX_LIVE_KEYS}
     * live keys already. Audited with the name, never the key.
     */
    @Transactional
    public Optional<NewApiKey> create(SignedInUser user, String name, LocalDate expiresOn, FormErrors errors) {
        String checked = errors.text("name", name, MAX_NAME_LENGTH, true, "api-keys.name.label");
        if (user.mustChangePassword()) {
            errors.reject("name", "api-keys.error.temporary-password");
        }
        OffsetDateTime now = now();
        LocalDate today = now.atZoneSameInstant(UK).toLocalDate();
        if (expiresOn != null && !expiresOn.isAfter(today)) {
            errors.reject("expiresOn", "api-keys.error.expiry-past");
        }
        keys.lockUser(user.userId());
        if (checked != null && keys.liveNameTaken(user.userId(), checked)) {
            errors.reject("name", "api-keys.error.name-taken");
        }
        if (keys.countLive(user.userId(), now) >= MAX_LIVE_KEYS) {
            errors.reject("name", "api-keys.error.too-many", MAX_LIVE_KEYS);
        }
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        OffsetDateTime expiresAt = expiresOn == null ? null : expiresOn.atStartOfDay(UK).toOffsetDateTime();
        long id = keys.insert(user.userId(), checked, sha256(secret), now, expiresAt);
        audit.record(user.councilId(), "api_key", id, AuditAction.CREATE, null, AuditTrail.values(
                "userId", user.userId(), "name", checked, "expiresAt", expiresAt == null ? null : expiresAt.toString()));
        return Optional.of(new NewApiKey(new ApiKey(id, checked, now, expiresAt, null, null, Status.LIVE), secret));
    }

    /** The user's keys, live ones first, newest first. */
    @Transactional(readOnly = true)
    public List<ApiKey> keysOf(SignedInUser user) {
        OffsetDateTime now = now();
        return keys.forUser(user.userId()).stream().map(k -> view(k, now)).toList();
    }

    /** One of the user's own keys; anyone else's is {@link NotFound}, the same as a key that does not exist. */
    @Transactional(readOnly = true)
    public ApiKey keyOf(SignedInUser user, long keyId) {
        return keys.find(user.userId(), keyId).map(k -> view(k, now())).orElseThrow(NotFound::new);
    }

    /** Stops one of the user's own keys working at once. Revoking it again changes nothing. Audited. */
    @Transactional
    public ApiKey revoke(SignedInUser user, long keyId) {
        ApiKeyRepository.StoredKey key = keys.find(user.userId(), keyId).orElseThrow(NotFound::new);
        if (key.revokedAt() == null) {
            keys.revoke(keyId, user.userId(), now());
            audit.record(user.councilId(), "api_key", keyId, AuditAction.UPDATE,
                    AuditTrail.values("name", key.name(), "revoked", false),
                    AuditTrail.values("name", key.name(), "revoked", true));
        }
        return keyOf(user, keyId);
    }

    /**
     * Who a presented key belongs to: empty for anything that is not a live key of an enabled
     * user (unknown, revoked, expired, or the owner's account switched off). No password hash:
     * one SHA-256 and one indexed query; the last use is written at most once a minute.
     */
    @Transactional
    public Optional<SignedInUser> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 200) {
            return Optional.empty();
        }
        OffsetDateTime now = now();
        return keys.ownerOf(sha256(presented))
                .filter(owner -> owner.enabled() && (owner.expiresAt() == null || owner.expiresAt().isAfter(now)))
                .map(owner -> {
                    if (owner.lastUsedAt() == null || owner.lastUsedAt().isBefore(now.minus(LAST_USE_PRECISION))) {
                        keys.noteUse(owner.keyId(), now);
                    }
                    String councilCode = owner.councilId() == null ? null
                            : councils.findById(owner.councilId()).map(Council::code).orElse(null);
                    return new SignedInUser(owner.userId(), owner.username(), owner.displayName(), owner.councilId(),
                            councilCode, owner.roles(), owner.preferredLanguage(), owner.mustChangePassword());
                });
    }

    /** Whether the request being served came in with an API key rather than a password. */
    public static boolean signedInWithAKey() {
        return ApiKeyAuthentication.isCurrent();
    }

    private static ApiKey view(ApiKeyRepository.StoredKey k, OffsetDateTime now) {
        Status status = k.revokedAt() != null ? Status.REVOKED
                : k.expiresAt() != null && !k.expiresAt().isAfter(now) ? Status.EXPIRED : Status.LIVE;
        return new ApiKey(k.id(), k.name(), k.createdAt(), k.expiresAt(), k.lastUsedAt(), k.revokedAt(), status);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }
}
