package org.dphub.identity;

import java.util.List;
import java.util.Set;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.identity.internal.SessionsOfClosedSignIns;
import org.dphub.identity.internal.UserRepository;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.web.Conflict;
import org.dphub.web.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A council administrator's staff accounts: who they are, how they sign in, and switching off the
 * account of someone who has left (and on again). A switched-off account cannot sign in by password,
 * by the council's provider or with an API key, and its open sessions end when the change is
 * committed; nothing it did is changed. An administrator cannot switch off their own account, so the
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

    private final UserRepository users;
    private final AuditTrail audit;
    private final SessionsOfClosedSignIns sessions;

    StaffAccounts(UserRepository users, AuditTrail audit, SessionsOfClosedSignIns sessions) {
        this.users = users;
        this.audit = audit;
        this.sessions = sessions;
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
