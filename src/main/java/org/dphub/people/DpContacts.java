package org.dphub.people;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.councils.CouncilContact;
import org.dphub.councils.Councils;
import org.dphub.identity.StaffMember;
import org.dphub.identity.UserAccounts;
import org.dphub.people.internal.DpContactRepository;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.Reads;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's named direct payments contact (issue 18): a member of their council's DP team,
 * set and changed by the DP team or a council administrator, kept as an append-only history and
 * audited. It is part of the person's record, so it lives here in {@code people}; {@code help}
 * reads it to assign a request for help to the person's contact.
 */
@Service
public class DpContacts {

    static final String ENTITY = "dp_contact";

    private final DpContactRepository repository;
    private final Citizens citizens;
    private final UserAccounts accounts;
    private final Councils councils;
    private final AuditTrail audit;

    DpContacts(DpContactRepository repository, Citizens citizens, UserAccounts accounts,
               Councils councils, AuditTrail audit) {
        this.repository = repository;
        this.citizens = citizens;
        this.accounts = accounts;
        this.councils = councils;
        this.audit = audit;
    }

    /** Whether this user may set people's contacts in this council: its DP team and its administrators. */
    public static boolean maySet(SignedInUser user, long councilId) {
        return user.isStaffOf(councilId) && (user.has(Role.DP_TEAM) || user.has(Role.COUNCIL_ADMIN));
    }

    /** The person's contact now, for anyone who may see the person; empty when they have none yet. */
    @Transactional(readOnly = true)
    public Optional<DpContact> current(SignedInUser viewer, long citizenId) {
        Citizen citizen = citizens.find(viewer, citizenId).orElseThrow(NotFound::new);
        return repository.current(citizen.councilId(), citizen.id()).flatMap(id -> contact(citizen.councilId(), id));
    }

    /**
     * The user id of the person's contact now, for a module that acts for the council (a request for
     * help is assigned to the person's contact). Says nothing else about the person.
     */
    @Transactional(readOnly = true)
    public Optional<Long> contactUserId(long councilId, long citizenId) {
        // a contact who left or moved out of the DP team is no one's contact: the request goes to the team
        return repository.current(councilId, citizenId).filter(id -> accounts.member(id).map(StaffMember::actsAsContact).orElse(false));
    }

    /** The contact of each person this citizen or representative is or acts for, with the person. */
    @Transactional(readOnly = true)
    public List<PersonsContact> forPeopleOf(SignedInUser user) {
        return citizens.actingFor(user).stream()
                .flatMap(c -> repository.current(c.citizen().councilId(), c.citizen().id())
                        .flatMap(id -> contact(c.citizen().councilId(), id))
                        .map(k -> new PersonsContact(c.citizen().id(), c.citizen().fullName(),
                                c.relationship() == org.dphub.identity.CitizenRelationship.SELF, k))
                        .stream())
                .toList();
    }

    public record PersonsContact(long citizenId, String personName, boolean self, DpContact contact) {
    }

    /**
     * What the layout will read for this person's pages ({@link #forPeopleOf}: each person's current
     * contact, then that member of staff), to send with other modules' reads.
     */
    public void readAhead(SignedInUser user, Reads.Together reads) {
        citizens.actingFor(user).forEach(c -> reads.add(repository.currentRead(c.citizen().councilId(), c.citizen().id()),
                contact -> contact.ifPresent(id -> reads.add(accounts.memberRead(id)))));
    }

    /** The council's DP team, whom a person's contact may be, by name: for the select on the person's page. */
    @Transactional(readOnly = true)
    public List<StaffMember> team(SignedInUser staff) {
        if (!staff.isStaff() || staff.councilId() == null) {
            return List.of();
        }
        return accounts.staffWithRole(staff.councilId(), Role.DP_TEAM);
    }

    /**
     * Makes {@code contactUserId} the person's contact: refused (an error on {@code contactUserId},
     * nothing saved) unless they are an enabled member of the DP team of the person's own council.
     * Choosing the contact they already have saves nothing. Another council's person is not found;
     * staff of the council who are neither DP team nor administrators are refused.
     */
    @Transactional
    public Optional<DpContact> set(SignedInUser staff, long citizenId, Long contactUserId, FormErrors errors) {
        Citizen citizen = citizens.find(staff, citizenId).filter(c -> staff.isStaffOf(c.councilId())).orElseThrow(NotFound::new);
        if (!maySet(staff, citizen.councilId())) {
            throw new AccessDeniedException("Only the direct payments team or a council administrator sets a person's contact");
        }
        Optional<StaffMember> chosen = contactUserId == null ? Optional.empty() : accounts.member(contactUserId);
        if (contactUserId == null) {
            errors.reject("contactUserId", "dpcontact.error.choose");
        } else if (chosen.isEmpty() || !chosen.get().isOf(citizen.councilId(), Role.DP_TEAM)) {
            errors.reject("contactUserId", "dpcontact.error.not-team");
        }
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        Optional<Long> previous = repository.current(citizen.councilId(), citizen.id());
        if (previous.isPresent() && previous.get().equals(contactUserId)) {
            return contact(citizen.councilId(), contactUserId);
        }
        long id = repository.insert(citizen.councilId(), citizen.id(), contactUserId, previous.orElse(null), staff.username());
        String previousName = previous.flatMap(accounts::member).map(StaffMember::displayName).orElse(null);
        audit.record(citizen.councilId(), ENTITY, id, AuditAction.CREATE,
                previous.isEmpty() ? null : AuditTrail.values("citizenId", citizen.id(), "contactUserId", previous.get(),
                        "contactName", previousName),
                AuditTrail.values("citizenId", citizen.id(), "contactUserId", contactUserId,
                        "contactName", chosen.get().displayName(), "previousName", previousName));
        return contact(citizen.councilId(), contactUserId);
    }

    /** Every change of the person's contact, newest first: for their council's staff. */
    @Transactional(readOnly = true)
    public List<DpContactChange> history(SignedInUser staff, long citizenId) {
        Citizen citizen = citizens.find(staff, citizenId).filter(c -> staff.isStaffOf(c.councilId())).orElseThrow(NotFound::new);
        List<DpContactRepository.Row> rows = repository.history(citizen.councilId(), citizen.id());
        Set<Long> ids = new HashSet<>();
        rows.forEach(r -> {
            ids.add(r.contactUserId());
            if (r.previousUserId() != null) {
                ids.add(r.previousUserId());
            }
        });
        Map<Long, StaffMember> names = accounts.members(ids);
        return rows.stream().map(r -> new DpContactChange(r.id(), r.citizenId(), r.contactUserId(),
                name(names, r.contactUserId()), r.previousUserId(),
                r.previousUserId() == null ? null : name(names, r.previousUserId()), r.changedBy(), r.changedAt())).toList();
    }

    /** The people whose contact now is this member of staff (of the viewer's own council), by name. */
    @Transactional(readOnly = true)
    public List<Citizen> caseload(SignedInUser staff, long contactUserId) {
        if (!staff.isStaff() || staff.councilId() == null) {
            return List.of();
        }
        return repository.caseload(staff.councilId(), contactUserId);
    }

    /** Of these people (ids from the viewer's council; others are ignored), those with no contact yet, by name. */
    @Transactional(readOnly = true)
    public List<Citizen> withoutContact(SignedInUser staff, Collection<Long> citizenIds) {
        if (!staff.isStaff() || staff.councilId() == null) {
            return List.of();
        }
        return repository.withoutContact(staff.councilId(), citizenIds);
    }

    /** The contact now of each of these people of the viewer's council, by person. */
    @Transactional(readOnly = true)
    public Map<Long, DpContact> currentOf(SignedInUser staff, Collection<Long> citizenIds) {
        if (!staff.isStaff() || staff.councilId() == null) {
            return Map.of();
        }
        Map<Long, Long> users = repository.current(staff.councilId(), citizenIds);
        Map<Long, StaffMember> members = accounts.members(new HashSet<>(users.values()));
        CouncilContact team = councils.settings(staff.councilId()).settings().contact();
        Map<Long, DpContact> found = new java.util.LinkedHashMap<>();
        users.forEach((citizen, user) -> Optional.ofNullable(members.get(user)).filter(StaffMember::actsAsContact)
                .ifPresent(m -> found.put(citizen, contact(m, team))));
        return found;
    }

    /**
     * The contact's name and work details; empty when they left (account switched off) or are no longer in
     * the DP team ({@link StaffMember#actsAsContact}): then the team is the contact.
     */
    private Optional<DpContact> contact(long councilId, long userId) {
        CouncilContact team = councils.settings(councilId).settings().contact();
        return accounts.member(userId).filter(StaffMember::actsAsContact).map(m -> contact(m, team));
    }

    /** The member's own work phone and email, or the DP team's where they have none. */
    private static DpContact contact(StaffMember member, CouncilContact team) {
        return new DpContact(member.id(), member.displayName(),
                member.workEmail() != null ? member.workEmail() : team.email(),
                member.workPhone() != null ? member.workPhone() : team.phone());
    }

    private static String name(Map<Long, StaffMember> names, long id) {
        StaffMember member = names.get(id);
        return member == null ? "" : member.displayName();
    }

}
