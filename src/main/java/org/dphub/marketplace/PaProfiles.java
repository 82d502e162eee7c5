package org.dphub.marketplace;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.identity.NewUserAccount;
import org.dphub.identity.UserAccounts;
import org.dphub.identity.UsernameTakenException;
import org.dphub.marketplace.internal.PaProfileRepository;
import org.dphub.shared.GeoPoint;
import org.dphub.shared.PostcodeDirectory;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.AddressLimits;
import org.dphub.web.Conflict;
import org.dphub.web.NotFound;
import org.dphub.web.RuleRefusal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The marketplace's public face for PAs: sign-up, profiles on the national register, and the DP team's checks. */
@Service
public class PaProfiles {

    /** The address limit counting sign-ups ({@code DPHUB_MARKETPLACE_REGISTRATIONS_PER_HOUR} an hour from one address). */
    static final String SIGN_UP = "pa-sign-up";

    /** A sign-up from an address that has made too many in the last hour. */
    public static class TooManyRegistrations extends RuntimeException {
        TooManyRegistrations() {
            super("Too many sign-ups from this address in the last hour. Try again later.");
        }
    }

    /** A profile as the viewer may see it: in full (contact details, checks) for the PA themself and the DP team. */
    public record ProfileView(PaProfile profile, boolean full) {
    }

    private final PaProfileRepository repository;
    private final UserAccounts accounts;
    private final PostcodeDirectory postcodes;
    private final MarketplaceSettings settings;
    private final AuditTrail audit;
    private final AddressLimits addressLimits;
    private final int registrationsPerHour;

    PaProfiles(PaProfileRepository repository, UserAccounts accounts, PostcodeDirectory postcodes, MarketplaceSettings settings,
               AuditTrail audit, AddressLimits addressLimits,
               @Value("${dphub.marketplace.registrations-per-hour:20}") int registrationsPerHour) {
        this.repository = repository;
        this.accounts = accounts;
        this.postcodes = postcodes;
        this.settings = settings;
        this.audit = audit;
        this.addressLimits = addressLimits;
        this.registrationsPerHour = AddressLimits.perHour("DPHUB_MARKETPLACE_REGISTRATIONS_PER_HOUR", registrationsPerHour);
    }

    /**
     * Someone signs up as a PA: an account with the role PERSONAL_ASSISTANT and no council (the
     * register is national) that can sign in at once. The email is the username; taken → 409.
     */
    public long register(String email, String password, String displayName, String clientAddress) {
        if (!addressLimits.tryTake(SIGN_UP, clientAddress, registrationsPerHour)) {
            throw new TooManyRegistrations();
        }
        try {
            return accounts.create(new NewUserAccount(email, password, displayName, null, Set.of(Role.PERSONAL_ASSISTANT), "en"));
        } catch (UsernameTakenException | DuplicateKeyException e) {
            throw new Conflict("An account with this email address already exists. Sign in, or reset your password.");
        }
    }

    /** Adds a profile as given (demo data); {@code profile.id()} is ignored. */
    @Transactional
    public PaProfile create(PaProfile profile) {
        long id = repository.insert(profile, placeOf(profile));
        PaProfile created = repository.findById(id).orElseThrow();
        audit.record(created.registeredCouncilId(), "pa_profile", created.id(), AuditAction.CREATE, null, created.auditValues());
        return created;
    }

    /** A PA's own profile, waiting for the DP team's checks. One each. */
    @Transactional
    public PaProfile create(SignedInUser pa, PaProfile profile) {
        requirePa(pa);
        if (repository.findByUserId(pa.userId()).isPresent()) {
            throw new Conflict("You already have a profile. Change it with PUT /api/v1/pa-profiles/{id}.");
        }
        PaProfile toAdd = new PaProfile(0, pa.userId(), pa.councilId(), profile.displayName(), profile.about(),
                profile.experience(), profile.homePostcode(), profile.travelKm(), profile.hourlyRate(), profile.employmentBasis(),
                profile.skills(), profile.interests(), profile.languages(), profile.availability(), profile.visible(),
                PaProfileStatus.AWAITING_CHECKS, profile.phone(), profile.email(), profile.codeOfConductAccepted(),
                PaProfile.Checks.NONE, profile.gender(), profile.training());
        try {
            return create(toAdd);
        } catch (DuplicateKeyException e) {
            throw new Conflict("You already have a profile.");
        }
    }

    /** The PA changes their own profile; it shows in matches at once (matching reads live data). */
    @Transactional
    public PaProfile update(SignedInUser pa, long id, PaProfile changed) {
        PaProfile before = repository.findForUpdate(id).filter(p -> isOwner(pa, p)).orElseThrow(NotFound::new);
        repository.update(id, changed, placeOf(changed));
        PaProfile after = repository.findById(id).orElseThrow();
        audit.record(after.registeredCouncilId(), "pa_profile", id, AuditAction.UPDATE, before.auditValues(), after.auditValues());
        return after;
    }

    /** A PA's own profile: the only one a PA may open in full. */
    @Transactional(readOnly = true)
    public Optional<PaProfile> ownProfile(long userId) {
        return repository.findByUserId(userId);
    }

    /**
     * A profile as this person may see it: the PA themself and the DP team in full; anyone else
     * signed in only a live, visible profile and never its contact details. Otherwise not found.
     */
    @Transactional(readOnly = true)
    public Optional<ProfileView> view(SignedInUser user, long id) {
        return repository.findById(id).flatMap(p -> {
            if (isOwner(user, p) || user.has(Role.DP_TEAM)) {
                return Optional.of(new ProfileView(p, true));
            }
            return p.status() == PaProfileStatus.LIVE && p.visible() ? Optional.of(new ProfileView(p, false)) : Optional.empty();
        });
    }

    /**
     * A profile for the staff of the council the PA registered with (their DP team and administrators
     * carry out the PA's personal-data rights, issue 17); empty for anyone else, or a profile with no
     * sign-in or no registering council.
     */
    @Transactional(readOnly = true)
    public Optional<PaProfile> registeredWith(SignedInUser staff, long id) {
        return repository.findById(id).filter(p -> p.userId() != null && p.registeredCouncilId() != null
                && staff.isStaffOf(p.registeredCouncilId()));
    }

    /** The sign-in of a profile, for a system job (the personal-data retention job), never for a page. */
    @Transactional(readOnly = true)
    public Optional<Long> signInOf(long id) {
        return repository.findById(id).map(PaProfile::userId);
    }

    /**
     * The DP team records its checks. All of identity, references and a DBS check date are needed,
     * and the PA must have accepted the code of conduct ({@link ProfileChecksPolicy}); then LIVE.
     * The register is national: any council's DP team may check a PA, once for all councils.
     */
    @Transactional
    public PaProfile recordChecks(SignedInUser dpTeam, long id, boolean identityChecked, boolean referencesChecked,
                                  LocalDate dbsCheckedOn) {
        requireDpTeam(dpTeam);
        PaProfile profile = repository.findForUpdate(id).orElseThrow(NotFound::new);
        List<ProfileChecksPolicy.Missing> missing = ProfileChecksPolicy.missing(identityChecked, referencesChecked, dbsCheckedOn,
                profile.codeOfConductAccepted(), settings.today());
        if (!missing.isEmpty()) {
            throw new RuleRefusal("CHECKS_INCOMPLETE", "The profile cannot go live yet. Missing: "
                    + String.join(", ", missing.stream().map(Enum::name).toList()) + ".",
                    "Check the PA's identity and references, record the date of their DBS check (not in the future), "
                            + "and ask the PA to accept the code of conduct on their profile.");
        }
        PaProfileStatus next = PaProfileTransitions.next(profile.status(), PaProfileTransitions.Event.CHECKS_PASSED)
                .orElseThrow(() -> new Conflict("A " + profile.status() + " profile cannot be checked; reinstate it first."));
        repository.recordChecks(id, identityChecked, referencesChecked, dbsCheckedOn, dpTeam.username(), next);
        PaProfile after = repository.findById(id).orElseThrow();
        audit.record(dpTeam.councilId(), "pa_profile", id, AuditAction.UPDATE,
                AuditTrail.values("status", profile.status().name()),
                AuditTrail.values("status", next.name(), "identityChecked", identityChecked, "referencesChecked", referencesChecked,
                        "dbsCheckedOn", dbsCheckedOn.toString()));
        return after;
    }

    @Transactional
    public PaProfile suspend(SignedInUser dpTeam, long id, String reason) {
        return changeStatus(dpTeam, id, PaProfileTransitions.Event.SUSPENDED, reason);
    }

    /** A suspended profile comes back as AWAITING_CHECKS: it is checked again before it is live. */
    @Transactional
    public PaProfile reinstate(SignedInUser dpTeam, long id) {
        return changeStatus(dpTeam, id, PaProfileTransitions.Event.REINSTATED, null);
    }

    private PaProfile changeStatus(SignedInUser dpTeam, long id, PaProfileTransitions.Event event, String reason) {
        requireDpTeam(dpTeam);
        PaProfile profile = repository.findForUpdate(id).orElseThrow(NotFound::new);
        PaProfileStatus next = PaProfileTransitions.next(profile.status(), event)
                .orElseThrow(() -> new Conflict("A " + profile.status() + " profile cannot be " + event.name().toLowerCase() + "."));
        repository.changeStatus(id, next, reason);
        audit.record(dpTeam.councilId(), "pa_profile", id, AuditAction.UPDATE, AuditTrail.values("status", profile.status().name()),
                AuditTrail.values("status", next.name(), "reason", reason));
        return repository.findById(id).orElseThrow();
    }

    /** Anyone signed in may report a profile they can see; the DP team reads the reports. */
    @Transactional
    public long report(SignedInUser user, long id, String reason) {
        view(user, id).orElseThrow(NotFound::new);
        long reportId = repository.report(id, null, null, reason, user.username());
        audit.record(null, "marketplace_report", reportId, AuditAction.CREATE, null,
                AuditTrail.values("profileId", id, "reason", reason));
        return reportId;
    }

    @Transactional(readOnly = true)
    public List<PaProfileRepository.Report> reports(SignedInUser dpTeam) {
        requireDpTeam(dpTeam);
        return repository.reportsFor(dpTeam.councilId());
    }

    /** Profiles waiting for checks (the register is national: any council's DP team may check them). */
    @Transactional(readOnly = true)
    public List<PaProfile> awaitingChecks(SignedInUser dpTeam) {
        requireDpTeam(dpTeam);
        return repository.awaitingChecks(200);
    }

    /** For the DP team's home: {profiles waiting for checks (on the national register), reports still to act on}. */
    public record ChecksWaiting(long profiles, long reports) {
    }

    @Transactional(readOnly = true)
    public ChecksWaiting checksWaiting(SignedInUser dpTeam) {
        requireDpTeam(dpTeam);
        return new ChecksWaiting(repository.countAwaitingChecks(), repository.countOpenReports(dpTeam.councilId()));
    }

    /** Today, as the marketplace reckons it: no training is completed after it. */
    public LocalDate today() {
        return settings.today();
    }

    @Transactional(readOnly = true)
    public long countLive() {
        return repository.countLive();
    }

    /** Rows older than matching (no sector centre, no masks) get them; run at start-up. */
    @Transactional
    public int placeOlderProfiles() {
        int placed = 0;
        for (long id : repository.withoutPlace()) {
            PaProfile p = repository.findById(id).orElseThrow();
            if (postcodes.findSector(p.homePostcode()).isPresent()) {
                repository.place(id, placeOf(p), Skill.maskOf(p.skills()), Language.maskOf(p.languages()),
                        AvailabilitySlot.maskOf(p.availability()));
                placed++;
            }
        }
        return placed;
    }

    static boolean isOwner(SignedInUser user, PaProfile profile) {
        return profile.userId() != null && profile.userId() == user.userId();
    }

    private PaProfileRepository.Place placeOf(PaProfile profile) {
        GeoPoint centre = postcodes.centreOf(profile.homePostcode());
        return new PaProfileRepository.Place(centre.latitude().doubleValue(), centre.longitude().doubleValue());
    }

    private static void requirePa(SignedInUser user) {
        if (!user.has(Role.PERSONAL_ASSISTANT)) {
            throw new AccessDeniedException("Only a personal assistant has a profile");
        }
    }

    private static void requireDpTeam(SignedInUser user) {
        if (!user.has(Role.DP_TEAM) || user.councilId() == null) {
            throw new AccessDeniedException("Only the direct payments team checks profiles");
        }
    }
}
