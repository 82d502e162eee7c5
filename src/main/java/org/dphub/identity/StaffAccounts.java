package org.dphub.identity;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.councils.Councils;
import org.dphub.identity.internal.SessionsOfClosedSignIns;
import org.dphub.identity.internal.UserRepository;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.web.Conflict;
import org.dphub.web.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A council administrator's staff accounts: who they are, how they sign in, adding someone who joins
 * (with a temporary password, or to sign in with their council account when the council's staff must),
 * changing a member's roles, and switching off the account of someone who has left (and on again). A
 * switched-off account cannot sign in by password, by the council's provider or with an API key, and its
 * open sessions end when the change is committed; nothing it did is changed. An administrator cannot switch off their own account, so the
 * council always keeps one who can sign in. Another council's staff, or anyone who is not staff, is not
 * found.
 */
@Service
public class StaffAccounts {

    /**
     * One member of staff, as the administrator sees them. {@code alsoOwnUse}: the account is also how
     * they sign in as a person with a direct payment, a representative, a PA or a provider.
     */
    public record StaffAccount(long userId, String displayName, String username, List<Role> roles, boolean enabled,
                               boolean hasPassword, boolean councilAccount, boolean alsoOwnUse) {
    }

    /** Someone who joins, as the administrator gave them (checked by the page or the API first). */
    public record NewStaffMember(String displayName, String email, String workPhone, Set<Role> roles) {

        public NewStaffMember {
            roles = Set.copyOf(roles);
            if (roles.isEmpty() || !Role.STAFF.containsAll(roles)) {
                throw new IllegalArgumentException("A member of staff has at least one staff role and no other");
            }
        }
    }

    /**
     * The account made, and its temporary password, shown once: null when the council's staff with these
     * roles sign in with their council account, so no password of theirs would work.
     */
    public record AddedStaff(StaffAccount account, String temporaryPassword) {

        public boolean councilAccountOnly() {
            return temporaryPassword == null;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final UserRepository users;
    private final UserAccounts accounts;
    private final Councils councils;
    private final AuditTrail audit;
    private final SessionsOfClosedSignIns sessions;

    StaffAccounts(UserRepository users, UserAccounts accounts, Councils councils, AuditTrail audit, SessionsOfClosedSignIns sessions) {
        this.users = users;
        this.accounts = accounts;
        this.councils = councils;
        this.audit = audit;
        this.sessions = sessions;
    }

    /**
     * Adds someone who joins the council's staff. Their username is their work email, which is also how
     * their council account finds them at its first sign-in. With a password they choose their own at the
     * first sign-in (and a finance officer or administrator sets up one-time codes). Audited. An email
     * address that already has an account is {@link UsernameTakenException} (or, when two administrators
     * add it at once, the second's {@code DuplicateKeyException}), nothing made.
     */
    @Transactional
    public AddedStaff add(SignedInUser admin, NewStaffMember member) {
        long council = councilOf(admin);
        boolean councilAccountOnly = councils.singleSignOn(council).map(sso -> sso.settings().refusesPasswordOf(member.roles()))
                .orElse(false);
        String password = councilAccountOnly ? null : TemporaryPassword.make();
        NewUserAccount account = new NewUserAccount(member.email(), councilAccountOnly ? unknowable() : password,
                member.displayName(), council, member.roles(), "en");
        long id = councilAccountOnly ? accounts.create(account) : accounts.createWithTemporaryPassword(account);
        accounts.setWorkContact(id, member.workPhone(), member.email());
        return new AddedStaff(member(admin, id), password);
    }

    /** A password no one knows: the account signs in with the council's provider only. */
    private static String unknowable() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Whether a member's roles come from their groups at the council's provider, so are not changed here. */
    @Transactional(readOnly = true)
    public boolean rolesFromCouncilAccount(SignedInUser admin, StaffAccount member) {
        return member.councilAccount() && councils.singleSignOn(councilOf(admin)).isPresent();
    }

    /**
     * Gives a member exactly these staff roles (any role they hold for themself stays). Audited with
     * what they were; they are signed out, so the new roles apply at their next sign-in. Refused
     * ({@link Conflict}, nothing changed): an administrator taking away their own administrator role,
     * and a member whose roles come from their council account's groups, which set them at each sign-in.
     */
    @Transactional
    public StaffAccount changeRoles(SignedInUser admin, long userId, Set<Role> roles) {
        StaffAccount member = member(admin, userId);
        if (roles.isEmpty() || !Role.STAFF.containsAll(roles)) {
            throw new IllegalArgumentException("A member of staff has at least one staff role and no other");
        }
        if (userId == admin.userId() && !roles.contains(Role.COUNCIL_ADMIN)) {
            throw new Conflict("You cannot take away your own administrator role: ask another administrator");
        }
        if (rolesFromCouncilAccount(admin, member)) {
            throw new Conflict("They sign in with their council account, whose groups give their roles at each sign-in: "
                    + "change their groups at your council's provider");
        }
        Set<Role> before = EnumSet.copyOf(member.roles());
        if (before.equals(EnumSet.copyOf(roles))) {
            return member;
        }
        users.replaceStaffRoles(userId, roles);
        audit.record(admin.councilId(), "user", userId, AuditAction.UPDATE,
                AuditTrail.values("displayName", member.displayName(), "roles", names(before)),
                AuditTrail.values("displayName", member.displayName(), "roles", names(roles)));
        if (userId != admin.userId()) {
            sessions.endAfterCommit(List.of(member.username()));
        }
        return member(admin, userId);
    }

    /**
     * Corrects a member's name and how people reach them at work (a new surname, a new phone): what the
     * people whose named contact they are see. Their username, how they sign in, stays. Only what changed is
     * audited, with what it was. A blank phone or email means people see the DP team's.
     */
    @Transactional
    public StaffMember changeDetails(SignedInUser admin, long userId, String displayName, String workPhone, String workEmail) {
        member(admin, userId);
        StaffMember before = users.member(userId).orElseThrow(NotFound::new);
        AuditTrail.Changed changed = AuditTrail.changed(
                AuditTrail.values("displayName", before.displayName(), "workPhone", before.workPhone(), "workEmail", before.workEmail()),
                AuditTrail.values("displayName", displayName, "workPhone", workPhone, "workEmail", workEmail));
        if (!changed.isEmpty()) {
            users.setStaffDetails(userId, admin.councilId(), displayName, workPhone, workEmail);
            changed.with("event", "DETAILS_CORRECTED");
            changed.now().put("displayName", displayName);
            audit.record(admin.councilId(), "user", userId, AuditAction.UPDATE, changed.was(), changed.now());
        }
        return users.member(userId).orElseThrow();
    }

    private static List<String> names(Set<Role> roles) {
        return roles.stream().map(Enum::name).sorted().toList();
    }

    /** The council's staff, switched-on first, by name. */
    @Transactional(readOnly = true)
    public List<StaffAccount> staff(SignedInUser admin) {
        long council = councilOf(admin);
        Set<Long> linked = users.withCouncilAccount(council);
        return users.staffOf(council).stream()
                .map(u -> account(u, linked.contains(u.id())))
                .sorted(java.util.Comparator.comparing((StaffAccount s) -> !s.enabled())
                        .thenComparing(s -> s.displayName().toLowerCase(java.util.Locale.ROOT)).thenComparing(StaffAccount::userId))
                .toList();
    }

    /** One of them; anyone else is {@link NotFound}. */
    @Transactional(readOnly = true)
    public StaffAccount member(SignedInUser admin, long userId) {
        long council = councilOf(admin);
        return users.staffMember(council, userId).map(u -> account(u, users.withCouncilAccount(council).contains(u.id())))
                .orElseThrow(NotFound::new);
    }

    private static StaffAccount account(UserRepository.StoredUser u, boolean councilAccount) {
        return new StaffAccount(u.id(), u.displayName(), u.username(), u.roles().stream().filter(Role::isStaff).sorted().toList(),
                u.enabled(), u.passwordHash() != null, councilAccount,
                u.roles().stream().anyMatch(r -> !r.isStaff() && r != Role.NATIONAL_ANALYST));
    }

    /** Switches off a leaver's account (see the class). Nothing to do when it is off already. */
    @Transactional
    public StaffAccount switchOff(SignedInUser admin, long userId) {
        StaffAccount member = member(admin, userId);
        if (userId == admin.userId()) {
            throw new Conflict("You cannot switch off your own account: ask another administrator");
        }
        if (users.setEnabled(userId, admin.councilId(), false)) {
            audit.record(admin.councilId(), "user", userId, AuditAction.UPDATE, AuditTrail.values("enabled", true),
                    AuditTrail.values("enabled", false, "event", "SWITCHED_OFF", "displayName", member.displayName()));
            sessions.endAfterCommit(List.of(member.username()));
        }
        return member(admin, userId);
    }

    /** Switches an account on again (someone came back, or it was switched off by mistake). */
    @Transactional
    public StaffAccount switchOn(SignedInUser admin, long userId) {
        StaffAccount member = member(admin, userId);
        if (users.setEnabled(userId, admin.councilId(), true)) {
            audit.record(admin.councilId(), "user", userId, AuditAction.UPDATE, AuditTrail.values("enabled", false),
                    AuditTrail.values("enabled", true, "event", "SWITCHED_ON", "displayName", member.displayName()));
        }
        return member(admin, userId);
    }

    private static long councilOf(SignedInUser admin) {
        if (!admin.has(Role.COUNCIL_ADMIN) || admin.councilId() == null) {
            throw new NotFound();
        }
        return admin.councilId();
    }
}
