package org.dphub.people;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.councils.Council;
import org.dphub.councils.Councils;
import org.dphub.identity.UserAccounts;
import java.util.Set;
import org.dphub.identity.CitizenRelationship;
import org.dphub.identity.NewUserAccount;
import org.dphub.identity.TemporaryPassword;
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
    private final List<RepresentativeDuties> duties;
    private final List<ErasedPeople> erased;
    private final java.time.Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final List<HouseholdMemberDuties> householdDuties;

    Citizens(CitizenRepository repository, PeopleRepository people, UserAccounts accounts, AuditTrail audit, Councils councils,
             Reads reads, List<RepresentativeDuties> duties, List<HouseholdMemberDuties> householdDuties, List<ErasedPeople> erased,
             java.time.Clock clock, org.springframework.context.ApplicationEventPublisher events) {
        this.repository = repository;
        this.people = people;
        this.accounts = accounts;
        this.audit = audit;
        this.councils = councils;
        this.reads = reads;
        this.duties = duties;
        this.householdDuties = householdDuties;
        this.erased = erased;
        this.clock = clock;
        this.events = events;
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

    /**
     * A practitioner corrects or updates a person's details (UK GDPR article 16: a wrong date of birth,
     * a new address, phone or name): the same checks as adding a person ({@link CitizenInput}). Only what
     * changed is audited, with what it was. The person's own sign-in follows a new name or language.
     * Refused ({@link org.dphub.web.Conflict}), nothing written, for a person whose details were erased;
     * not found for another council's or for anyone but a practitioner.
     */
    @Transactional
    public Citizen changeDetails(SignedInUser practitioner, long citizenId, NewCitizen details) {
        Citizen before = repository.findByIdForUpdate(citizenId)
                .filter(c -> practitioner.isStaffOf(c.councilId()) && practitioner.has(Role.PRACTITIONER))
                .orElseThrow(NotFound::new);
        return change(before, details);
    }

    /**
     * The person themself changes how they are contacted: their language, how they like to hear from the
     * council, email, phone and communication needs. Their name, date of birth and address stay as the
     * council recorded them (it changes those, on the person's word: a move may change which council
     * supports them). Audited as {@link #changeDetails}, with the person as the one who changed it. Not
     * found for anyone but the person themself.
     */
    @Transactional
    public Citizen changeOwnContact(SignedInUser user, long citizenId, String preferredLanguage, ContactPreference contactPreference,
                                    String email, String phone, String communicationNeeds) {
        boolean self = accounts.citizenAccessFor(user.userId()).stream()
                .anyMatch(a -> a.citizenId() == citizenId && a.relationship() == CitizenRelationship.SELF);
        Citizen before = repository.findByIdForUpdate(citizenId).filter(c -> self).orElseThrow(NotFound::new);
        return change(before, new NewCitizen(before.councilId(), before.reference(), before.givenName(), before.familyName(),
                before.dateOfBirth(), before.postcode(), preferredLanguage, contactPreference, email, phone, communicationNeeds));
    }

    private Citizen change(Citizen before, NewCitizen details) {
        long citizenId = before.id();
        refuseIfErased(before.councilId(), citizenId);
        Citizen after = new Citizen(before.id(), before.councilId(), before.reference(), details.givenName(), details.familyName(),
                details.dateOfBirth(), details.postcode(), details.preferredLanguage(), details.contactPreference(), details.email(),
                details.phone(), details.communicationNeeds());
        AuditTrail.Changed changed = AuditTrail.changed(before.auditValues(), after.auditValues());
        if (changed.isEmpty()) {
            return before;
        }
        repository.updateDetails(before.councilId(), citizenId, details);
        Map<String, Object> now = changed.with("citizenId", citizenId).now();
        audit.record(before.councilId(), "citizen", citizenId, AuditAction.UPDATE, changed.was(), now);
        if (now.containsKey("givenName") || now.containsKey("familyName") || now.containsKey("preferredLanguage")) {
            for (long own : accounts.ownAccountsOf(citizenId)) {
                accounts.followCitizenRecord(own, before.councilId(), after.fullName(), after.preferredLanguage());
            }
        }
        return after;
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

    /**
     * A practitioner corrects what is recorded about someone in the person's household: their name, how
     * they are related, whether they live with the person. Only what changed is audited, with what it
     * was. The relationship and the home decide whether a direct payment may pay them (regulation 3;
     * Wales regulation 6), so a change to either is refused ({@link HouseholdChangeRefused}, nothing
     * changed) while a direct payment not ended pays them that the change would make unlawful without
     * the council's decision that it is necessary. A person whose details were erased is refused
     * ({@link org.dphub.web.Conflict}); another person's member, or another council's, is not found.
     */
    @Transactional
    public HouseholdMember correctHouseholdMember(SignedInUser practitioner, long citizenId, long memberId, String name,
                                                  Relationship relationship, boolean livesInSameHousehold) {
        Citizen citizen = findForPractitioner(practitioner, citizenId).orElseThrow(NotFound::new);
        // locked until the change is made: a direct payment being set up to pay them waits, then reads it
        HouseholdMember before = people.householdMemberForUpdate(citizen.councilId(), citizenId, memberId).orElseThrow(NotFound::new);
        refuseIfErased(citizen.councilId(), citizenId);
        HouseholdMember after = new HouseholdMember(before.id(), citizenId, citizen.councilId(), name, relationship, livesInSameHousehold);
        if (after.equals(before)) {
            return before;
        }
        if (before.relationship() != relationship || before.livesInSameHousehold() != livesInSameHousehold) {
            List<Duty> needed = householdDuties.stream().flatMap(d -> d.ofChange(citizen.councilId(), before, after).stream()).toList();
            if (!needed.isEmpty()) {
                throw new HouseholdChangeRefused(needed);
            }
        }
        people.updateHouseholdMember(after);
        AuditTrail.Changed changed = AuditTrail.changed(householdAuditValues(before), householdAuditValues(after))
                .with("citizenId", citizenId);
        audit.record(citizen.councilId(), "household_member", memberId, AuditAction.UPDATE, changed.was(), changed.now());
        return after;
    }

    /**
     * A practitioner takes someone off the person's household, with the reason (recorded by mistake, has
     * died, is no longer family), from today. The row stays, marked, as a direct payment that paid them
     * and the audit trail point at it; the household, and whom a direct payment may pay, leave it out.
     * Refused ({@link HouseholdChangeRefused}, nothing changed) while a direct payment not ended pays
     * them, and ({@link org.dphub.web.Conflict}) when they were already removed or the person's details
     * were erased; another person's member, or another council's, is not found. Audited with what was
     * recorded about them.
     */
    @Transactional
    public RemovedHouseholdMember removeHouseholdMember(SignedInUser practitioner, long citizenId, long memberId, String reason) {
        Citizen citizen = findForPractitioner(practitioner, citizenId).orElseThrow(NotFound::new);
        // locked until removed: a direct payment being set up to pay them waits, then finds them gone
        HouseholdMember member = people.householdMemberForUpdate(citizen.councilId(), citizenId, memberId).orElseThrow(() ->
                people.removedFromHousehold(citizen.councilId(), citizenId, memberId)
                        ? new org.dphub.web.Conflict("This person has already been taken off the household") : new NotFound());
        refuseIfErased(citizen.councilId(), citizenId);
        List<Duty> needed = householdDuties.stream().flatMap(d -> d.ofRemoval(citizen.councilId(), member).stream()).toList();
        if (!needed.isEmpty()) {
            throw new HouseholdChangeRefused(needed);
        }
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/London")));
        people.removeHouseholdMember(citizen.councilId(), memberId, today, practitioner.username(), reason);
        java.util.Map<String, Object> was = householdAuditValues(member);
        was.put("citizenId", citizenId);
        audit.record(citizen.councilId(), "household_member", memberId, AuditAction.DELETE, was,
                AuditTrail.values("citizenId", citizenId, "name", member.name(), "removedOn", today.toString(), "reason", reason));
        return new RemovedHouseholdMember(memberId, citizenId, member.name(), member.relationship(), today, reason);
    }

    /** Those taken off the household of a person this member of staff may see, most recently first. */
    @Transactional(readOnly = true)
    public List<RemovedHouseholdMember> removedFromHousehold(SignedInUser staff, long citizenId) {
        Citizen citizen = find(staff, citizenId).orElseThrow(NotFound::new);
        return staff.isStaff() ? people.removedFromHousehold(citizen.councilId(), citizenId) : List.of();
    }

    private static java.util.Map<String, Object> householdAuditValues(HouseholdMember member) {
        return AuditTrail.values("name", member.name(), "relationship", member.relationship().name(),
                "livesInSameHousehold", member.livesInSameHousehold());
    }

    /**
     * These members of the person's household, held as they are until the caller's transaction ends (a
     * direct payment being set up to pay them: a correction of one waits for it). Ids not in the
     * household are left out.
     */
    @Transactional
    public List<HouseholdMember> holdHouseholdMembers(long councilId, long citizenId, java.util.Collection<Long> memberIds) {
        return people.holdHouseholdMembers(councilId, citizenId, memberIds);
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

    /** Nothing personal is written back to an erased person's record (rights answers who was erased). */
    private void refuseIfErased(long councilId, long citizenId) {
        if (erased.stream().anyMatch(e -> e.erased(councilId, citizenId))) {
            throw new org.dphub.web.Conflict("This person's details were erased at their request, so none are written back");
        }
    }

    /**
     * A representative of the council's, whoever they act for, for a module that acts for the council
     * (the letter telling a person their representative stopped acting). Says nothing to anyone signed in.
     */
    @Transactional(readOnly = true)
    public Optional<Representative> representativeForTheCouncil(long councilId, long representativeId) {
        return people.representative(councilId, representativeId);
    }

    /**
     * A practitioner records that a representative no longer acts for the person, from today, with the
     * reason. Their row stays as history; their online account stops seeing the person at once (the
     * account itself stays: they may act for someone else, and it holds their own data). Refused,
     * nothing changed, while another module still needs them ({@link RepresentativeStillNeeded}: a direct
     * payment made to them) or when they have already stopped ({@link org.dphub.web.Conflict}); not
     * found for a representative of someone else or another council's.
     */
    @Transactional
    public Representative endRepresentative(SignedInUser practitioner, long citizenId, long representativeId, String reason) {
        Citizen citizen = findForPractitioner(practitioner, citizenId).orElseThrow(NotFound::new);
        // locked until the end is recorded: a direct payment named to them waits, then finds they no longer act
        Representative representative = people.representativeForUpdate(citizen.councilId(), representativeId)
                .filter(r -> r.citizenId() == citizenId).orElseThrow(NotFound::new);
        if (!representative.current()) {
            throw new org.dphub.web.Conflict("This representative stopped acting for the person on " + representative.endedOn());
        }
        List<Duty> needed = duties.stream()
                .flatMap(d -> d.of(citizen.councilId(), representativeId).stream()).toList();
        if (!needed.isEmpty()) {
            throw new RepresentativeStillNeeded(needed);
        }
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/London")));
        if (!people.endRepresentative(citizen.councilId(), representativeId, today, practitioner.username(), reason)) {
            // ended by someone else a moment ago
            throw new org.dphub.web.Conflict("This representative has just been recorded as no longer acting for the person");
        }
        audit.record(citizen.councilId(), "representative", representativeId, AuditAction.UPDATE,
                AuditTrail.values("citizenId", citizenId, "endedOn", null),
                AuditTrail.values("citizenId", citizenId, "name", representative.name(), "kind", representative.kind().name(),
                        "endedOn", today.toString(), "reason", reason));
        Long userId = representative.userId();
        boolean actsThroughAnotherRow = userId != null && people.representativesOf(citizen.councilId(), citizenId).stream()
                .anyMatch(r -> r.current() && userId.equals(r.userId()));
        if (userId != null && !actsThroughAnotherRow) {
            accounts.revokeCitizenAccess(userId, citizenId, citizen.councilId());
        }
        // the person is told, by letter (letters listens): ids only, as the event is kept once delivered
        events.publishEvent(new RepresentativeStopped(citizen.councilId(), citizenId, representativeId, today));
        return new Representative(representative.id(), citizenId, citizen.councilId(), representative.name(), representative.kind(),
                representative.email(), userId, today, reason);
    }

    /**
     * A practitioner corrects a representative's name or email (a misspelt name, a new address): only
     * what changed is audited, with what it was. How they act (authorised, nominated…) is not changed
     * here: that is a different legal role, recorded by ending this one and adding them again. Not found
     * for one who no longer acts, another person's or another council's; refused
     * ({@link org.dphub.web.Conflict}) when the person's details were erased.
     */
    @Transactional
    public Representative correctRepresentative(SignedInUser practitioner, long citizenId, long representativeId, String name,
                                                String email) {
        Citizen citizen = findForPractitioner(practitioner, citizenId).orElseThrow(NotFound::new);
        Representative before = people.representativeForUpdate(citizen.councilId(), representativeId)
                .filter(r -> r.citizenId() == citizenId && r.current()).orElseThrow(NotFound::new);
        refuseIfErased(citizen.councilId(), citizenId);
        AuditTrail.Changed changed = AuditTrail.changed(AuditTrail.values("name", before.name(), "email", before.email()),
                AuditTrail.values("name", name, "email", email));
        if (changed.isEmpty()) {
            return before;
        }
        people.correctRepresentative(citizen.councilId(), representativeId, name, email);
        changed.with("citizenId", citizenId);
        audit.record(citizen.councilId(), "representative", representativeId, AuditAction.UPDATE, changed.was(), changed.now());
        return new Representative(before.id(), citizenId, citizen.councilId(), name, before.kind(), email, before.userId());
    }

    /**
     * For a module that names a representative in what it writes (plans: a direct payment made to
     * them): whether they still act, holding their row until the caller's transaction ends, so that
     * {@link #endRepresentative} cannot record them as stopped in between (it waits, then sees what was
     * written). Call within the writing transaction.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public boolean holdCurrentRepresentative(long councilId, long representativeId) {
        return people.holdCurrentRepresentative(councilId, representativeId);
    }

    /**
     * The people this user acted for as a representative and no longer does ("Eirlys Morgan (DE-00051)"),
     * for their own request to have their details erased (issue 17). Only their own account's.
     */
    @Transactional(readOnly = true)
    public List<String> formerlyActedFor(SignedInUser user) {
        return user.isStaff() ? List.of() : people.formerlyActedFor(user.userId());
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
                .filter(r -> r.citizenId() == citizenId && r.current()).orElseThrow(NotFound::new);
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
                .filter(r -> r.citizenId() == citizenId && r.userId() != null && r.current()).orElseThrow(NotFound::new);
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
                .filter(r -> r.citizenId() == citizenId && r.current()).orElseThrow(NotFound::new);
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
