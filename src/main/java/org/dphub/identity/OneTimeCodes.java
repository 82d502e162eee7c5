package org.dphub.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.identity.internal.OneTimeCodeRepository;
import org.dphub.identity.internal.OneTimeCodeRepository.Enrolment;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.web.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time codes (RFC 6238, issue 17) for those who sign in with a password and hold money or
 * the council's settings: finance officers and council administrators. Set up once with an
 * authentication app (a QR code, or the secret typed in) and ten recovery codes; then a code at
 * each sign-in. A code works once (the last accepted time step is kept), wrong codes in a row lock
 * the person out for a while, and everything — set up, refused, recovery code used, reset — is in
 * the audit trail. A refusal changes nothing but the count of wrong codes and the trail.
 */
@Service
public class OneTimeCodes {

    /** Who must give a code after their password. */
    public static final Set<Role> ROLES = EnumSet.of(Role.FINANCE, Role.COUNCIL_ADMIN);
    /** The name in authentication apps, and the QR code's issuer. */
    public static final String ISSUER = "dphub";
    public static final int RECOVERY_CODES = 10;
    static final String AUDIT_ENTITY = "one_time_codes";
    // no 0/o, 1/i/l: easy to copy from paper
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final int RECOVERY_LENGTH = 16;

    private final OneTimeCodeRepository codes;
    private final OneTimeCodeSecrets secrets;
    private final OneTimeCodeThrottle throttle;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    OneTimeCodes(OneTimeCodeRepository codes, OneTimeCodeSecrets secrets, OneTimeCodeThrottle throttle, AuditTrail audit, Clock clock) {
        this.codes = codes;
        this.secrets = secrets;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    public enum Outcome {
        ACCEPTED,
        /** nothing typed */
        MISSING,
        /** not 6 digits (or, for a recovery code, not 16 of its letters and numbers): not counted as a wrong code */
        NOT_A_CODE,
        WRONG,
        /** right, but already used: a code of that time step or an earlier one, or a used recovery code */
        USED,
        /** too many wrong codes in a row: nothing is checked until the lockout ends */
        LOCKED
    }

    /** What a code did; after a set-up, the recovery codes to show once; after a recovery code, how many are left. */
    public record Result(Outcome outcome, List<String> recoveryCodes, int recoveryCodesLeft) {
        static Result of(Outcome outcome) {
            return new Result(outcome, List.of(), 0);
        }

        public boolean accepted() {
            return outcome == Outcome.ACCEPTED;
        }
    }

    /** What the set-up page shows: the secret for typing in, and the address the QR code holds. */
    public record SetUp(String secret, String keyUri) {
        /** The secret in groups of 4, easier to type. */
        public String grouped() {
            return secret.replaceAll("(.{4})(?!$)", "$1 ");
        }
    }

    /** A member of staff who must use codes, as their council administrator sees them. */
    public record StaffCodes(long userId, String displayName, String username, List<Role> roles, OffsetDateTime setUpAt,
                             int recoveryCodesLeft) {
        public boolean isSetUp() {
            return setUpAt != null;
        }
    }

    public boolean required(SignedInUser user) {
        return user.roles().stream().anyMatch(ROLES::contains);
    }

    /** Whether the person has set up their app (typed a first right code). */
    @Transactional(readOnly = true)
    public boolean isSetUp(long userId) {
        return codes.live(userId).map(Enrolment::confirmed).orElse(false);
    }

    public Duration lockout() {
        return throttle.lockout();
    }

    /**
     * The secret to set up an app with: a new one (20 random bytes), or the one shown before if the
     * person has not finished setting up, so reloading the page keeps the QR code they scanned.
     * Once set up, a secret is never shown again.
     */
    @Transactional
    public SetUp startSetUp(SignedInUser user) {
        Enrolment live = codes.live(user.userId()).orElse(null);
        if (live != null && live.confirmed()) {
            throw new IllegalStateException("One-time codes are set up already");
        }
        byte[] secret;
        if (live == null) {
            secret = secrets.newSecret();
            codes.start(user.userId(), secrets.seal(user.userId(), secret), now());
        } else {
            secret = secrets.open(user.userId(), live.secretEncrypted());
        }
        String base32 = Base32.encode(secret);
        return new SetUp(base32, Totp.keyUri(ISSUER, user.username(), base32));
    }

    /** The first code from the app: right, and the set-up is done and ten recovery codes are made (shown once). */
    @Transactional
    public Result confirmSetUp(SignedInUser user, String typed) {
        Enrolment live = codes.live(user.userId()).filter(e -> !e.confirmed())
                .orElseThrow(() -> new IllegalStateException("No set-up is waiting"));
        Result refused = refusal(user, typed, live, "code");
        if (refused != null) {
            return refused;
        }
        long step = Totp.check(secrets.open(user.userId(), live.secretEncrypted()), clean(typed), nowStep(), 0).step();
        if (!codes.confirm(live.id(), step, now())) {
            return refuse(user, Outcome.USED, "code");
        }
        List<String> recovery = new ArrayList<>();
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String code = newRecoveryCode();
            recovery.add(code.replaceAll("(.{4})(?!$)", "$1-"));
            hashes.add(sha256(code));
        }
        codes.addRecoveryCodes(live.id(), hashes);
        throttle.recordSuccess(user.userId());
        audit.recordAs(user.username(), user.councilId(), AUDIT_ENTITY, user.userId(), AuditAction.CREATE, null,
                AuditTrail.values("event", "SET_UP", "recoveryCodes", RECOVERY_CODES));
        return new Result(Outcome.ACCEPTED, List.copyOf(recovery), RECOVERY_CODES);
    }

    /** A code at sign-in. */
    @Transactional
    public Result check(SignedInUser user, String typed) {
        Enrolment live = codes.live(user.userId()).filter(Enrolment::confirmed)
                .orElseThrow(() -> new IllegalStateException("One-time codes are not set up"));
        Result refused = refusal(user, typed, live, "code");
        if (refused != null) {
            return refused;
        }
        long step = Totp.check(secrets.open(user.userId(), live.secretEncrypted()), clean(typed), nowStep(), live.lastUsedStep()).step();
        if (!codes.use(live.id(), step)) {
            // the same code (or a later one) was accepted a moment ago, in another request
            return refuse(user, Outcome.USED, "code");
        }
        throttle.recordSuccess(user.userId());
        return Result.of(Outcome.ACCEPTED);
    }

    /** A recovery code instead of a code from the app: each works once. */
    @Transactional
    public Result useRecoveryCode(SignedInUser user, String typed) {
        Enrolment live = codes.live(user.userId()).filter(Enrolment::confirmed)
                .orElseThrow(() -> new IllegalStateException("One-time codes are not set up"));
        String code = typed == null ? "" : typed.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
        if (code.isEmpty()) {
            return Result.of(Outcome.MISSING);
        }
        if (code.length() != RECOVERY_LENGTH || !code.chars().allMatch(c -> RECOVERY_ALPHABET.indexOf(c) >= 0)) {
            return Result.of(Outcome.NOT_A_CODE);
        }
        if (throttle.isLocked(user.userId())) {
            return refuse(user, Outcome.LOCKED, "recovery code");
        }
        var used = codes.useRecoveryCode(live.id(), sha256(code), now());
        if (used.isEmpty()) {
            return refuse(user, Outcome.WRONG, "recovery code");
        }
        if (!used.get()) {
            return refuse(user, Outcome.USED, "recovery code");
        }
        throttle.recordSuccess(user.userId());
        int left = codes.recoveryCodesLeft(live.id());
        audit.recordAs(user.username(), user.councilId(), AUDIT_ENTITY, user.userId(), AuditAction.UPDATE, null,
                AuditTrail.values("event", "RECOVERY_CODE_USED", "recoveryCodesLeft", left));
        return new Result(Outcome.ACCEPTED, List.of(), left);
    }

    /** The council's staff who must use codes, and whether each has set them up. */
    @Transactional(readOnly = true)
    public List<StaffCodes> staff(SignedInUser admin) {
        requireAdmin(admin);
        return codes.staff(admin.councilId(), ROLES.stream().map(Enum::name).toList()).stream().map(OneTimeCodes::view).toList();
    }

    /** One of them; anyone else (another council's staff, a citizen, no such account) is {@link NotFound}. */
    @Transactional(readOnly = true)
    public StaffCodes staffMember(SignedInUser admin, long userId) {
        return staff(admin).stream().filter(s -> s.userId() == userId).findFirst().orElseThrow(NotFound::new);
    }

    /**
     * A council administrator resets a colleague's codes (a lost phone): the secret is forgotten,
     * the recovery codes stop working, and at their next sign-in they set up their app again.
     */
    @Transactional
    public void reset(SignedInUser admin, long userId) {
        StaffCodes member = staffMember(admin, userId);
        boolean wasSetUp = member.isSetUp();
        if (codes.reset(userId, admin.userId(), now())) {
            audit.record(admin.councilId(), "one_time_codes", userId, AuditAction.UPDATE,
                    AuditTrail.values("setUp", wasSetUp),
                    AuditTrail.values("event", "RESET", "displayName", member.displayName()));
        }
        throttle.recordSuccess(userId);
    }

    /** The demo's finance officers and administrators, set up with the README's demo secret (never in production: no demo data there). */
    @Transactional
    public void setUpForDemo(long userId, long councilId, String base32Secret) {
        if (codes.live(userId).isPresent()) {
            return;
        }
        long id = codes.start(userId, secrets.seal(userId, Base32.decode(base32Secret)), now());
        codes.confirm(id, 0, now());
        audit.record(councilId, "one_time_codes", userId, AuditAction.CREATE, null, AuditTrail.values("event", "SET_UP", "recoveryCodes", 0));
    }

    /** The refusal of a typed code, or null when the code is right and unused (the caller then uses it). */
    private Result refusal(SignedInUser user, String typed, Enrolment live, String kind) {
        String code = clean(typed);
        if (code.isEmpty()) {
            return Result.of(Outcome.MISSING);
        }
        if (!Totp.wellFormed(code)) {
            return Result.of(Outcome.NOT_A_CODE);
        }
        if (throttle.isLocked(user.userId())) {
            return refuse(user, Outcome.LOCKED, kind);
        }
        Totp.Check check = Totp.check(secrets.open(user.userId(), live.secretEncrypted()), code, nowStep(), live.lastUsedStep());
        return switch (check.outcome()) {
            case ACCEPTED -> null;
            case USED -> refuse(user, Outcome.USED, kind);
            case WRONG -> refuse(user, Outcome.WRONG, kind);
        };
    }

    /** A refused code counts towards the lockout (a used code too: it is what a replay looks like) and is audited. */
    private Result refuse(SignedInUser user, Outcome outcome, String kind) {
        boolean locked = outcome == Outcome.LOCKED || throttle.recordFailure(user.userId());
        audit.recordAs(user.username(), user.councilId(), AUDIT_ENTITY, user.userId(), AuditAction.UPDATE, null,
                AuditTrail.values("event", "REFUSED", "kind", kind, "reason", outcome.name(), "locked", locked));
        return Result.of(locked ? Outcome.LOCKED : outcome);
    }

    private static StaffCodes view(OneTimeCodeRepository.StaffCodes row) {
        return new StaffCodes(row.userId(), row.displayName(), row.username(),
                row.roles().stream().map(Role::valueOf).filter(ROLES::contains).toList(), row.confirmedAt(),
                row.confirmedAt() == null ? 0 : row.recoveryCodesLeft());
    }

    private static void requireAdmin(SignedInUser admin) {
        if (!admin.has(Role.COUNCIL_ADMIN) || admin.councilId() == null) {
            throw new NotFound();
        }
    }

    private String newRecoveryCode() {
        StringBuilder code = new StringBuilder(RECOVERY_LENGTH);
        for (int i = 0; i < RECOVERY_LENGTH; i++) {
            code.append(RECOVERY_ALPHABET.charAt(random.nextInt(RECOVERY_ALPHABET.length())));
        }
        return code.toString();
    }

    private static String clean(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "");
    }

    private static byte[] sha256(String code) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private long nowStep() {
        return Totp.step(Instant.now(clock));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC);
    }
}
