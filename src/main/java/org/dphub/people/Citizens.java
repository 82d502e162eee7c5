package org.dphub.people;

import java.util.List;
import java.util.Optional;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.councils.Council;
import org.dphub.councils.Councils;
import org.dphub.identity.UserAccounts;
import java.util.Set;
import org.dphub.identity.CitizenRelationship;
import org.dphub.identity.NewUserAccount;
import org.dphub.people.internal.CitizenRepository;
import org.dphub.people.internal.PeopleRepository;
import org.dphub.shared.Role;
import org.dphub.web.NotFound;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.ReadOnlyMemo;
import org.dphub.shared.database.Reads;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The people module's public face: citizens, found only by those allowed to see them. */
@Service
public class Citizens {

    private final CitizenRepository repository;
    private final PeopleRepository people;
    private final UserAccounts accounts;
    private final AuditTrail audit;
    private final Councils councils;
    private final Reads reads;

    Citizens(CitizenRepository repository, PeopleRepository people, UserAccounts accounts, AuditTrail audit, Councils councils,
             Reads reads) {
        this.repository = repository;
        this.people = people;
        this.accounts = accounts;
        this.audit = audit;
        this.councils = councils;
        this.reads = reads;
    }

    /** An example postcode from the council's own area, for its forms' messages: see {@link PostcodeExample}. */
    public String postcodeExample(long councilId) {
        return PostcodeExample.of(repository.mostCommonPostcodeDistrict(councilId).orElse(null),
                councils.findById(councilId).map(Council::nation).orElse(null));
    }

    /** A practitioner adds a person to their own council. */
    @Transactional
    public Citizen create(SignedInUser practitioner, NewCitizen citizen) {
        requirePractitionerOf(practitioner, citizen.councilId());
        return create(citizen);
    }

    /** The citizen as a practitioner of their council may change them; otherwise not found. */
    @Transactional(readOnly = true)
    public Optional<Citizen> findForPractitioner(SignedInUser practitioner, long citizenId) {
        return repository.findById(citizenId)
                .filter(c -> practitioner.isStaffOf(c.councilId()) && practitioner.has(Role.PRACTITIONER));
    }

    @Transactional
    public HouseholdMember addHouseholdMember(SignedInUser practitioner, long citizenId, String name,
                                              Relationship relationship, boolean livesInSameHousehold) {
        Citizen citizen = findForPractitioner(practitioner, citizenId).orElseThrow(NotFound::new);
        HouseholdMember member = people.insertHouseholdMember(citizen.councilId(), citizenId, name, relationship, livesInSameHousehold);
        audit.record(citizen.councilId(), "household_member", member.id(), AuditAction.CREATE, null, AuditTrail.values(
                "citizenId", citizenId, "name", name, "relationship", relationship.name(),
                "livesInSameHousehold", livesInSameHousehold));
        return member;
    }

    @Transactional
    public Representative addRepresentative(SignedInUser practitioner, long citizenId, String name,
                                            RepresentativeKind kind, String email) {
        Citizen citizen = findForPractitioner(practitioner, citizenId).orElseThrow(NotFound::new);
        Representative representative = people.insertRepresentative(citizen.councilId(), citizenId, name, kind, email);
        audit.record(citizen.councilId(), "representative", representative.id(), AuditAction.CREATE, null, AuditTrail.values(
                "citizenId", citizenId, "name", name, "kind", kind.name(), "email", email));
        return representative;
    }

    /** Household members of a citizen this user may see. */
    @Transactional(readOnly = true)
    public List<HouseholdMember> household(SignedInUser user, long citizenId) {
        Citizen citizen = find(user, citizenId).orElseThrow(NotFound::new);
        return people.householdOf(citizen.councilId(), citizenId);
    }

    @Transactional(readOnly = true)
    public List<Representative> representatives(SignedInUser user, long citizenId) {
        Citizen citizen = find(user, citizenId).orElseThrow(NotFound::new);
        return people.representativesOf(citizen.councilId(), citizenId);
    }

    /**
     * Gives the citizen an online account with a temporary password, which they must change
     * when they first sign in. The practitioner passes it on (by phone or in person).
     */
    @Transactional
    public OnlineAccount giveOnlineAccount(SignedInUser practitioner, long citizenId, String username) {
        Citizen citizen = findForPractitioner(practitioner, citizenId).orElseThrow(NotFound::new);
        if (people.citizenAccount(citizen.councilId(), citizenId).isPresent()) {
            throw new org.dphub.web.Conflict("This person already has an online account");
        }
        String password = TemporaryPassword.make();
        long userId = accounts.createWithTemporaryPassword(new NewUserAccount(username, password, citizen.fullName(),
                citizen.councilId(), Set.of(Role.CITIZEN), citizen.preferredLanguage()));
        accounts.grantCitizenAccess(userId, citizenId, citizen.councilId(), CitizenRelationship.SELF);
        people.linkCitizenAccount(citizen.councilId(), citizenId, userId);
        return new OnlineAccount(username.strip().toLowerCase(java.util.Locale.ROOT), password);
    }

    /** Gives a representative an online account that can see (only) the person they act for. */
    @Transactional
    public OnlineAccount giveRepresentativeAccount(SignedInUser practitioner, long citizenId, long representativeId,
                                                   String username) {
        Citizen citizen = findForPractitioner(practitioner, citizenId).orElseThrow(NotFound::new);
        Representative representative = people.representative(citizen.councilId(), representativeId)
                .filter(r -> r.citizenId() == citizenId).orElseThrow(NotFound::new);
        if (representative.userId() != null) {
            throw new org.dphub.web.Conflict("This representative already has an online account");
        }
        String password = TemporaryPassword.make();
        long userId = accounts.createWithTemporaryPassword(new NewUserAccount(username, password, representative.name(),
                citizen.councilId(), Set.of(Role.REPRESENTATIVE), "en"));
        accounts.grantCitizenAccess(userId, citizenId, citizen.councilId(), CitizenRelationship.valueOf(representative.kind().name()));
        people.linkRepresentativeAccount(citizen.councilId(), representativeId, userId);
        return new OnlineAccount(username.strip().toLowerCase(java.util.Locale.ROOT), password);
    }

    /**
     * The person has forgotten their password or is locked out: a practitioner of their council gives
     * them a new temporary password, shown once, as when the account was made. The old one stops working
     * and they are signed out everywhere; at their next sign-in they choose their own. Not found when they
     * have no online account; refused ({@link org.dphub.web.Conflict}), nothing changed, when the account
     * is also a work account (staff, a PA, a provider), whose password is not the council's to replace.
     */
    @Transactional
    public OnlineAccount giveNewTemporaryPassword(SignedInUser practitioner, long citizenId) {
        Citizen citizen = findForPractitioner(practitioner, citizenId).orElseThrow(NotFound::new);
        long userId = people.citizenAccount(citizen.councilId(), citizenId).orElseThrow(NotFound::new);
        return newTemporaryPassword(citizen.councilId(), userId);
    }

    /** The same for a representative's online account (see {@link #giveNewTemporaryPassword(SignedInUser, long)}). */
    @Transactional
    public OnlineAccount giveRepresentativeNewTemporaryPassword(SignedInUser practitioner, long citizenId, long representativeId) {
        Citizen citizen = findForPractitioner(practitioner, citizenId).orElseThrow(NotFound::new);
        Representative representative = people.representative(citizen.councilId(), representativeId)
                .filter(r -> r.citizenId() == citizenId && r.userId() != null).orElseThrow(NotFound::new);
        return newTemporaryPassword(citizen.councilId(), representative.userId());
    }

    private OnlineAccount newTemporaryPassword(long councilId, long userId) {
        String password = TemporaryPassword.make();
        String username = accounts.giveNewTemporaryPassword(userId, councilId, password)
                .orElseThrow(() -> new org.dphub.web.Conflict("This online account is also used for work (as staff, a PA or a provider), "
                        + "so its password is not replaced here: they can use \"Forgotten your password?\" on the sign-in page"));
        return new OnlineAccount(username, password);
    }

    /** Links an account that already exists to the citizen it belongs to (used when loading data). */
    @Transactional
    public void linkExistingAccount(SignedInUser practitioner, long citizenId, long userId) {
        Citizen citizen = findForPractitioner(practitioner, citizenId).orElseThrow(NotFound::new);
        accounts.grantCitizenAccess(userId, citizenId, citizen.councilId(), CitizenRelationship.SELF);
        people.linkCitizenAccount(citizen.councilId(), citizenId, userId);
    }

    /** Links an account that already exists to a recorded representative, so it sees that citizen. */
    @Transactional
    public void linkRepresentativeAccount(SignedInUser practitioner, long citizenId, long representativeId, long userId) {
        Citizen citizen = findForPractitioner(practitioner, citizenId).orElseThrow(NotFound::new);
        Representative representative = people.representative(citizen.councilId(), representativeId)
                .filter(r -> r.citizenId() == citizenId).orElseThrow(NotFound::new);
        accounts.grantCitizenAccess(userId, citizenId, citizen.councilId(), CitizenRelationship.valueOf(representative.kind().name()));
        people.linkRepresentativeAccount(citizen.councilId(), representativeId, userId);
    }

    @Transactional(readOnly = true)
    public boolean hasOnlineAccount(Citizen citizen) {
        return people.citizenAccount(citizen.councilId(), citizen.id()).isPresent();
    }

    private static void requirePractitionerOf(SignedInUser user, long councilId) {
        if (!user.isStaffOf(councilId) || !user.has(Role.PRACTITIONER)) {
            throw new org.springframework.security.access.AccessDeniedException("Only a practitioner of this council may do this");
        }
    }

    @Transactional
    public Citizen create(NewCitizen citizen) {
        Citizen created = repository.insert(citizen);
        audit.record(created.councilId(), "citizen", created.id(), AuditAction.CREATE, null, created.auditValues());
        return created;
    }

    /**
     * The citizen, if this user may see them ({@link CitizenAccessPolicy}). Another council's
     * citizen is simply not found: we never confirm that the record exists.
     */
    @Transactional(readOnly = true)
    public Optional<Citizen> find(SignedInUser user, long citizenId) {
        return storedCitizen(citizenId)
                .filter(c -> CitizenAccessPolicy.maySee(user, c.id(), c.councilId(), accounts.citizenAccessFor(user.userId())));
    }

    /**
     * Many citizens at once for a member of staff: only those of their own council (others, and
     * ids that do not exist, are simply missing from the map). For lists such as a run's exceptions.
     */
    @Transactional(readOnly = true)
    public java.util.Map<Long, Citizen> findAll(SignedInUser staff, java.util.Collection<Long> citizenIds) {
        if (!staff.isStaff() || staff.councilId() == null || citizenIds.isEmpty()) {
            return java.util.Map.of();
        }
        return repository.findAllInCouncil(staff.councilId(), citizenIds).stream()
                .collect(java.util.stream.Collectors.toMap(Citizen::id, c -> c));
    }

    /**
     * The council of a citizen, for a module that must check a person exists without seeing them
     * (a provider sends a request for payment to a person's dphub number, issue 15). Says nothing else.
     */
    @Transactional(readOnly = true)
    public Optional<Long> councilOf(long citizenId) {
        return storedCitizen(citizenId).map(Citizen::councilId);
    }

    /** The citizen's row, read once a read-only transaction (a page asks for the same person from several parts). */
    private Optional<Citizen> storedCitizen(long citizenId) {
        return reads.get(repository.findByIdRead(citizenId));
    }

    /**
     * What {@link #find} will read, to send with a page's other reads ({@link Reads.Together}): the
     * person's row and whom the user may see. Reading ahead shows nothing: {@code find} still decides.
     */
    public void readAheadFind(SignedInUser user, long citizenId, Reads.Together together) {
        together.add(accounts.citizenAccessRead(user.userId())).add(repository.findByIdRead(citizenId));
    }

    /** The citizens a person sees as themself or acts for, with why. */
    @Transactional(readOnly = true)
    public List<CitizenWithRelationship> actingFor(SignedInUser user) {
        // read once a page: the home page asks for each module's part in one read-only transaction
        // each row found also answers a later find of the same person by id (storedCitizen)
        return ReadOnlyMemo.remember(new ActingFor(user.userId()), () -> accounts.citizenAccessFor(user.userId()).stream()
                .flatMap(a -> repository.findByIdInCouncil(a.citizenId(), a.councilId()).stream()
                        .map(c -> {
                            ReadOnlyMemo.remember(repository.findByIdRead(c.id()).key(), () -> Optional.of(c));
                            return new CitizenWithRelationship(c, a.relationship());
                        }))
                .toList());
    }

    private record ActingFor(long userId) {
    }

    /** Staff search within their own council, by name or reference. */
    @Transactional(readOnly = true)
    public Page search(SignedInUser staff, String query, int page, int pageSize) {
        if (!staff.isStaff() || staff.councilId() == null) {
            return new Page(List.of(), 0, page, pageSize);
        }
        String q = query == null ? "" : query.strip();
        return new Page(repository.search(staff.councilId(), q, page * pageSize, pageSize),
                repository.count(staff.councilId(), q), page, pageSize);
    }

    @Transactional(readOnly = true)
    public long countInCouncil(long councilId) {
        return repository.count(councilId, "");
    }

    public record CitizenWithRelationship(Citizen citizen, org.dphub.identity.CitizenRelationship relationship) {
    }

    public record Page(List<Citizen> citizens, long total, int page, int pageSize) {
        public int pages() {
            return (int) Math.max(1, (total + pageSize - 1) / pageSize);
        }
    }
}
