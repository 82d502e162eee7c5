package org.dphub.identity;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.councils.Council;
import org.dphub.councils.Councils;
import org.dphub.identity.internal.SessionsOfClosedSignIns;
import org.dphub.identity.internal.UserRepository;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.Read;
import org.dphub.web.SecurityLog;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The identity module's public face: user accounts, roles, and who may act for which citizen. */
@Service
public class UserAccounts {

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final AuditTrail audit;
    private final Councils councils;
    private final SignInThrottle throttle;
    private final SessionsOfClosedSignIns sessions;
    private final Duration temporaryPasswordLifetime;

    UserAccounts(UserRepository users, PasswordEncoder passwordEncoder, AuditTrail audit, Councils councils, SignInThrottle throttle,
                 SessionsOfClosedSignIns sessions,
                 @Value("${dphub.sign-in.temporary-password-lifetime:7d}") Duration temporaryPasswordLifetime) {
        if (temporaryPasswordLifetime.compareTo(Duration.ofHours(1)) < 0 || temporaryPasswordLifetime.compareTo(Duration.ofDays(90)) > 0) {
            throw new IllegalArgumentException("DPHUB_TEMPORARY_PASSWORD_LIFETIME is " + temporaryPasswordLifetime
                    + ": set it from 1h to 90d (for example 7d), how long a temporary password works after it is given");
        }
        this.temporaryPasswordLifetime = temporaryPasswordLifetime;
        this.users = users;
        this.throttle = throttle;
        this.sessions = sessions;
        this.councils = councils;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
    }

    /**
     * How long a temporary password works after it is given ({@code DPHUB_TEMPORARY_PASSWORD_LIFETIME},
     * 1 hour to 90 days; a value outside that stops the start): sign-in refuses it after that, and the
     * page that shows it says so.
     */
    public Duration temporaryPasswordLifetime() {
        return temporaryPasswordLifetime;
    }

    @Transactional
    public long create(NewUserAccount account) {
        return create(account, false);
    }

    /** An account whose password must be changed at the first sign-in. */
    @Transactional
    public long createWithTemporaryPassword(NewUserAccount account) {
        return create(account, true);
    }

    public boolean usernameTaken(String username) {
        return users.usernameTaken(username);
    }

    /** Sets a new password (checked by {@link PasswordRules}); the temporary-password flag is cleared. */
    @Transactional
    public void changePassword(long userId, String newPassword) {
        users.changePassword(userId, passwordEncoder.encode(newPassword));
        audit.record(null, "user", userId, AuditAction.UPDATE, AuditTrail.values("password", "(not shown)"),
                AuditTrail.values("password", "(changed)"));
    }

    /**
     * A person who has forgotten their password, or is locked out, is given a new temporary one by
     * their council's staff (through {@code people}): the old password stops working, a lockout ends,
     * every session they had open ends after the commit, and at their next sign-in they choose their own.
     * Audited without the password. Only for an account that a citizen or representative alone signs
     * in with: empty for a closed account or a work account, and nothing is changed.
     */
    @Transactional
    public Optional<String> giveNewTemporaryPassword(long userId, long councilId, String temporaryPassword) {
        Optional<String> username = users.setTemporaryPassword(userId, passwordEncoder.encode(temporaryPassword));
        username.ifPresent(name -> {
            throttle.recordSuccess(name);
            sessions.endAfterCommit(List.of(name));
            audit.record(councilId, "user", userId, AuditAction.UPDATE, AuditTrail.values("password", "(not shown)"),
                    AuditTrail.values("password", "(a new temporary password, given by staff)"));
            SecurityLog.info("temporary-password-given", "user=" + SecurityLog.clean(name) + " by="
                    + SecurityLog.who(org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication()));
        });
        return username;
    }

    private long create(NewUserAccount account, boolean temporaryPassword) {
        if (users.usernameTaken(account.username())) {
            throw new UsernameTakenException(account.username());
        }
        long id = users.insert(account.username(), passwordEncoder.encode(account.rawPassword()),
                account.displayName(), account.councilId(), account.roles(), account.preferredLanguage(), temporaryPassword);
        audit.record(account.councilId(), "user", id, AuditAction.CREATE, null, AuditTrail.values(
                "username", account.username(), "displayName", account.displayName(),
                "roles", account.roles().stream().map(Enum::name).sorted().toList(),
                "preferredLanguage", account.preferredLanguage()));
        return id;
    }

    @Transactional(readOnly = true)
    public Optional<SignedInUser> findByUsername(String username) {
        return users.findByUsername(username).map(this::signedInUser);
    }

    SignedInUser signedInUser(UserRepository.StoredUser stored) {
        String councilCode = stored.councilId() == null ? null
                : councils.findById(stored.councilId()).map(Council::code).orElse(null);
        return stored.signedInUser(councilCode);
    }

    /** Lets a user account see a citizen's records, as the citizen or as their representative. */
    @Transactional
    public void grantCitizenAccess(long userId, long citizenId, long councilId, CitizenRelationship relationship) {
        users.grantCitizenAccess(userId, citizenId, councilId, relationship);
        audit.record(councilId, "citizen_access", userId + ":" + citizenId, AuditAction.CREATE, null,
                AuditTrail.values("userId", userId, "citizenId", citizenId, "relationship", relationship.name()));
    }

    /**
     * A person's own sign-in account follows their record when a practitioner changes their name or
     * the language they prefer: the name shown when they sign in, and the language of their pages.
     * Audited with what it was. Nothing to do when nothing differs.
     */
    @Transactional
    public void followCitizenRecord(long userId, long councilId, String displayName, String language) {
        users.setNameAndLanguage(userId, displayName, language).ifPresent(before -> {
            if (!before[0].equals(displayName) || !language.equals(before[1])) {
                audit.record(councilId, "user", userId, AuditAction.UPDATE,
                        AuditTrail.values("displayName", before[0], "preferredLanguage", before[1]),
                        AuditTrail.values("displayName", displayName, "preferredLanguage", language));
            }
        });
    }

    /**
     * A representative no longer acts for the citizen: their account stops seeing the citizen's records at
     * once (every page and API call reads whom the user acts for afresh), audited with what it was. A
     * citizen's own access is never removed here. Nothing to do when the account had no such access.
     */
    @Transactional
    public void revokeCitizenAccess(long userId, long citizenId, long councilId) {
        users.revokeCitizenAccess(userId, citizenId).ifPresent(relationship ->
                audit.record(councilId, "citizen_access", userId + ":" + citizenId, AuditAction.DELETE,
                        AuditTrail.values("userId", userId, "citizenId", citizenId, "relationship", relationship.name()), null));
    }

    /** The citizens this user may see as themself or as a representative, with the reason. */
    @Transactional(readOnly = true)
    public List<CitizenAccess> citizenAccessFor(long userId) {
        // every part of a page checks whom the user may see: read once a read-only transaction
        return users.citizenAccessFor(userId);
    }

    /** {@link #citizenAccessFor} as a read, to send with others ({@code shared.database.Reads.Together}). */
    public Read<List<CitizenAccess>> citizenAccessRead(long userId) {
        return users.citizenAccessRead(userId);
    }

    /**
     * Whether this account is only a representative's, seeing nobody's records now (each person it acted for
     * has had it stop): erasing the representative closes it (issue 17). Not an account that is also the
     * person's own as a citizen, a PA or staff, nor one that still acts for someone.
     */
    @Transactional(readOnly = true)
    public boolean onlyAFormerRepresentative(long userId) {
        return users.onlyAFormerRepresentative(userId);
    }

    /** The sign-in accounts that are the citizen themself (not those acting for them): for erasure, issue 17. */
    @Transactional(readOnly = true)
    public List<Long> ownAccountsOf(long citizenId) {
        return users.ownAccountsOf(citizenId);
    }

    @Transactional(readOnly = true)
    public Optional<CitizenRelationship> relationshipTo(long userId, long citizenId) {
        return citizenAccessFor(userId).stream()
                .filter(a -> a.citizenId() == citizenId)
                .map(CitizenAccess::relationship)
                .findFirst();
    }

    /** The language a user account reads in ("en" or "cy"); empty when there is no such account. */
    @Transactional(readOnly = true)
    public Optional<String> preferredLanguage(long userId) {
        return users.findById(userId).map(UserRepository.StoredUser::preferredLanguage);
    }

    /**
     * The email address a user account signs in with (its username), for a letter to someone with no other address
     * recorded; empty when there is no such account, it is closed, or its username is no email address.
     */
    @Transactional(readOnly = true)
    public Optional<String> signInEmail(long userId) {
        return users.findById(userId).filter(UserRepository.StoredUser::enabled).map(UserRepository.StoredUser::username)
                .filter(u -> u.contains("@"));
    }

    /** A user account by id, as colleagues see it: name, roles and work contact details. */
    @Transactional(readOnly = true)
    public Optional<StaffMember> member(long userId) {
        return users.member(userId);
    }

    /** {@link #member} as a read, to send with others ({@code shared.database.Reads.Together}). */
    public Read<Optional<StaffMember>> memberRead(long userId) {
        return users.memberRead(userId);
    }

    /** Several user accounts by id (those that do not exist are left out), for names in a list. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, StaffMember> members(java.util.Collection<Long> userIds) {
        return users.members(userIds).stream().collect(java.util.stream.Collectors.toMap(StaffMember::id, m -> m));
    }

    /** The enabled staff of a council with a role (the DP team, for a person's named contact), by name. */
    @Transactional(readOnly = true)
    public List<StaffMember> staffWithRole(long councilId, org.dphub.shared.Role role) {
        return users.withRole(councilId, role);
    }

    /** Records how people reach a member of staff at work; both optional. Audited. */
    @Transactional
    public void setWorkContact(long userId, String phone, String email) {
        StaffMember before = users.member(userId).orElseThrow();
        users.setWorkContact(userId, phone, email);
        audit.record(before.councilId(), "user", userId, AuditAction.UPDATE,
                AuditTrail.values("workPhone", before.workPhone(), "workEmail", before.workEmail()),
                AuditTrail.values("workPhone", phone, "workEmail", email));
    }

    public record CitizenAccess(long citizenId, long councilId, CitizenRelationship relationship) {
    }
}
