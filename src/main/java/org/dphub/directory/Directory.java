package org.dphub.directory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.councils.Council;
import org.dphub.councils.Councils;
import org.dphub.directory.internal.DirectoryRepository;
import org.dphub.identity.NewUserAccount;
import org.dphub.identity.UserAccounts;
import org.dphub.identity.UsernameTakenException;
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

/**
 * The directory's public face: providers and their organisations, their services, the DP team's
 * checks, reports and suspensions, and the council's own outcome terms. Every other module calls
 * this class, never the directory's tables.
 *
 * <p>Who sees what: a provider only its own organisation's services; the staff of the service's
 * council every service of that council; anyone else signed in only a published service (and
 * never the DP team's checks). Anything else is not found.
 */
@Service
public class Directory {

    /** The address limit counting sign-ups ({@code DPHUB_DIRECTORY_REGISTRATIONS_PER_HOUR} an hour from one address). */
    static final String SIGN_UP = "provider-sign-up";

    /** A sign-up from an address that has made too many in the last hour. */
    public static class TooManyRegistrations extends RuntimeException {
        TooManyRegistrations() {
            super("Too many sign-ups from this address in the last hour. Try again later.");
        }
    }

    /** A service as this person may see it: in full (checks, what changed) for its provider and its council's staff. */
    public record ServiceView(DirectoryService service, boolean full) {
    }

    /** For the DP team's home and queue. */
    public record Waiting(long awaitingChecks, long changedSinceCheck, long openReports) {
    }

    private final DirectoryRepository repository;
    private final UserAccounts accounts;
    private final Councils councils;
    private final PostcodeDirectory postcodes;
    private final AuditTrail audit;
    private final AddressLimits addressLimits;
    private final int registrationsPerHour;

    Directory(DirectoryRepository repository, UserAccounts accounts, Councils councils, PostcodeDirectory postcodes, AuditTrail audit,
              AddressLimits addressLimits, @Value("${dphub.directory.registrations-per-hour:20}") int registrationsPerHour) {
        this.repository = repository;
        this.accounts = accounts;
        this.councils = councils;
        this.postcodes = postcodes;
        this.audit = audit;
        this.addressLimits = addressLimits;
        this.registrationsPerHour = AddressLimits.perHour("DPHUB_DIRECTORY_REGISTRATIONS_PER_HOUR", registrationsPerHour);
    }

    // --- providers and organisations

    /**
     * A provider signs itself up: an account with the PROVIDER role in the council it works in
     * (whose DP team checks its services), and its organisation. The email is the username; taken → 409.
     */
    @Transactional
    public long registerProvider(String email, String password, String displayName, long councilId, Organization.Input organization,
                                 String clientAddress) {
        councils.findById(councilId).orElseThrow(NotFound::new);
        if (!addressLimits.tryTake(SIGN_UP, clientAddress, registrationsPerHour)) {
            throw new TooManyRegistrations();
        }
        long userId;
        try {
            userId = accounts.create(new NewUserAccount(email, password, displayName, councilId, Set.of(Role.PROVIDER), "en"));
        } catch (UsernameTakenException | DuplicateKeyException e) {
            throw new Conflict("An account with this email address already exists. Sign in, or reset your password.");
        }
        createOrganization(councilId, userId, organization);
        return userId;
    }

    /** An organisation as given (demo data, or a provider's account that has none yet). */
    @Transactional
    public Organization createOrganization(long councilId, Long userId, Organization.Input input) {
        councils.findById(councilId).orElseThrow(NotFound::new);
        Organization created = repository.insertOrganization(councilId, userId, input);
        audit.record(councilId, "directory_organization", created.id(), AuditAction.CREATE, null, created.auditValues());
        return created;
    }

    /** A provider who has an account but no organisation yet describes theirs, in the council of their account. */
    @Transactional
    public Organization createOwnOrganization(SignedInUser provider, Organization.Input input) {
        requireProvider(provider);
        if (repository.organizationOfUser(provider.userId()).isPresent()) {
            throw new Conflict("You already have an organisation.");
        }
        if (provider.councilId() == null) {
            throw new Conflict("Your account has no council. Ask the council's direct payments team.");
        }
        return createOrganization(provider.councilId(), provider.userId(), input);
    }

    @Transactional
    public Organization updateOwnOrganization(SignedInUser provider, Organization.Input input) {
        Organization before = ownOrganization(provider).orElseThrow(NotFound::new);
        repository.updateOrganization(before.id(), input);
        Organization after = repository.findOrganization(before.id()).orElseThrow();
        audit.record(after.councilId(), "directory_organization", after.id(), AuditAction.UPDATE, before.auditValues(),
                after.auditValues());
        return after;
    }

    @Transactional(readOnly = true)
    public Optional<Organization> ownOrganization(SignedInUser provider) {
        return provider.has(Role.PROVIDER) ? repository.organizationOfUser(provider.userId()) : Optional.empty();
    }

    /** The ids of an organisation's services, whatever their status (for the erasure of a provider who leaves, issue 17). */
    @Transactional(readOnly = true)
    public List<UUID> serviceIdsOf(UUID organizationId) {
        return repository.servicesOfOrganization(organizationId).stream().map(DirectoryService::id).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Organization> organization(UUID id) {
        return repository.findOrganization(id);
    }

    // --- services

    /** A provider adds a service; it waits for the DP team's checks. */
    @Transactional
    public DirectoryService addService(SignedInUser provider, ServiceInput input) {
        Organization organization = ownOrganization(requireProvider(provider)).orElseThrow(() ->
                new Conflict("Describe your organisation before you add a service."));
        return addServiceFor(organization.id(), input);
    }

    /** A service of an organisation, waiting for the DP team's checks (demo data, imports). */
    @Transactional
    public DirectoryService addServiceFor(UUID organizationId, ServiceInput input) {
        Organization organization = repository.findOrganization(organizationId).orElseThrow(NotFound::new);
        requireTermsFor(organization.councilId(), input);
        UUID id = repository.insertService(organizationId, organization.councilId(), input, placeOf(input),
                ServiceStatus.AWAITING_CHECKS);
        DirectoryService created = repository.findService(id).orElseThrow();
        audit.record(created.councilId(), "directory_service", id, AuditAction.CREATE, null, created.auditValues());
        return created;
    }

    /**
     * The provider changes its service. A published service stays published and shows on the DP
     * team's queue, with what changed, until they look at it again. A withdrawn service cannot change.
     */
    @Transactional
    public DirectoryService updateService(SignedInUser provider, UUID id, ServiceInput input) {
        DirectoryService before = ownService(provider, id, true);
        if (!ServiceTransitions.editable(before.status())) {
            throw new Conflict("A withdrawn service cannot be changed.");
        }
        requireTermsFor(before.councilId(), input);
        Map<String, Object> was = before.auditValues();
        DirectoryService preview = withInput(before, input);
        Map<String, Object> now = preview.auditValues();
        List<String> changed = new ArrayList<>();
        for (String field : now.keySet()) {
            if (!Objects.equals(was.get(field), now.get(field))) {
                changed.add(field);
            }
        }
        boolean published = before.status() == ServiceStatus.PUBLISHED;
        Set<String> fields = new LinkedHashSet<>(before.changedFields());
        if (published) {
            fields.addAll(changed);
        }
        boolean flag = before.changedSinceCheck() || (published && !changed.isEmpty());
        repository.updateService(id, input, placeOf(input), flag, flag ? fields : List.of());
        DirectoryService after = repository.findService(id).orElseThrow();
        audit.record(after.councilId(), "directory_service", id, AuditAction.UPDATE, was, after.auditValues());
        return after;
    }

    /** The provider stops offering the service: it leaves the directory for good. */
    @Transactional
    public DirectoryService withdraw(SignedInUser provider, UUID id) {
        DirectoryService before = ownService(provider, id, true);
        return move(before, ServiceTransitions.Event.WITHDRAWN, null);
    }

    @Transactional(readOnly = true)
    public List<DirectoryService> ownServices(SignedInUser provider) {
        return ownOrganization(provider).map(o -> repository.servicesOfOrganization(o.id())).orElse(List.of());
    }

    /** A service as this person may see it, or empty (see the class comment). */
    @Transactional(readOnly = true)
    public Optional<ServiceView> view(SignedInUser user, UUID id) {
        return repository.findService(id).flatMap(s -> {
            if (isOwner(user, s) || user.isStaffOf(s.councilId())) {
                return Optional.of(new ServiceView(s, true));
            }
            return s.status() == ServiceStatus.PUBLISHED ? Optional.of(new ServiceView(s, false)) : Optional.empty();
        });
    }

    /** A published service, for other modules (payment requests, group purchases): empty when it is not published. */
    @Transactional(readOnly = true)
    public Optional<DirectoryService> published(UUID id) {
        return repository.findService(id).filter(s -> s.status() == ServiceStatus.PUBLISHED);
    }

    // --- the DP team

    /**
     * The DP team of the service's council records its checks: insurance and safeguarding are both
     * needed, then the service is PUBLISHED. Checking a published service again clears "changed since check".
     */
    @Transactional
    public DirectoryService recordChecks(SignedInUser dpTeam, UUID id, boolean insuranceChecked, boolean safeguardingChecked) {
        DirectoryService before = councilService(dpTeam, id);
        if (!insuranceChecked || !safeguardingChecked) {
            List<String> missing = new ArrayList<>();
            if (!insuranceChecked) {
                missing.add("insuranceChecked");
            }
            if (!safeguardingChecked) {
                missing.add("safeguardingChecked");
            }
            throw new RuleRefusal("CHECKS_INCOMPLETE", "The service cannot be published yet. Missing: " + String.join(", ", missing) + ".",
                    "Check the provider's public liability insurance and its safeguarding policy, then record both checks.");
        }
        ServiceStatus next = ServiceTransitions.next(before.status(), ServiceTransitions.Event.CHECKS_PASSED)
                .orElseThrow(() -> new Conflict("A " + before.status() + " service cannot be checked" + (before.status()
                        == ServiceStatus.SUSPENDED ? "; restore it first." : ".")));
        repository.recordChecks(id, true, true, dpTeam.userId(), next);
        repository.closeReports(id);
        DirectoryService after = repository.findService(id).orElseThrow();
        audit.record(after.councilId(), "directory_service", id, AuditAction.UPDATE,
                AuditTrail.values("status", before.status().name(), "changedFields", before.changedFields()),
                AuditTrail.values("status", next.name(), "insuranceChecked", true, "safeguardingChecked", true));
        return after;
    }

    @Transactional
    public DirectoryService suspend(SignedInUser dpTeam, UUID id, String reason) {
        DirectoryService before = councilService(dpTeam, id);
        DirectoryService after = move(before, ServiceTransitions.Event.SUSPENDED, reason);
        repository.closeReports(id);
        return after;
    }

    /** A suspended service comes back: published if both checks are on record, else it waits for them. */
    @Transactional
    public DirectoryService restore(SignedInUser dpTeam, UUID id) {
        DirectoryService before = councilService(dpTeam, id);
        boolean checked = before.checks().insurance() && before.checks().safeguarding();
        return move(before, checked ? ServiceTransitions.Event.RESTORED : ServiceTransitions.Event.RESTORED_UNCHECKED, null);
    }

    /** Anyone signed in reports a service they can see; the DP team of its council reads the reports. */
    @Transactional
    public long report(SignedInUser user, UUID id, String reason) {
        DirectoryService service = view(user, id).orElseThrow(NotFound::new).service();
        long reportId = repository.report(id, service.councilId(), reason, user.username());
        audit.record(service.councilId(), "directory_service_report", reportId, AuditAction.CREATE, null,
                AuditTrail.values("serviceId", id.toString(), "reason", reason));
        return reportId;
    }

    @Transactional(readOnly = true)
    public List<DirectoryRepository.Report> openReports(SignedInUser dpTeam) {
        return repository.openReports(requireDpTeam(dpTeam).councilId());
    }

    /** The DP team's queue: awaiting checks, then published services changed since their check. */
    @Transactional(readOnly = true)
    public List<DirectoryService> queue(SignedInUser dpTeam) {
        return repository.queue(requireDpTeam(dpTeam).councilId(), 500);
    }

    @Transactional(readOnly = true)
    public List<DirectoryService> suspended(SignedInUser dpTeam) {
        return repository.suspended(requireDpTeam(dpTeam).councilId(), 500);
    }

    @Transactional(readOnly = true)
    public Waiting waiting(SignedInUser dpTeam) {
        DirectoryRepository.QueueCounts counts = repository.counts(requireDpTeam(dpTeam).councilId());
        return new Waiting(counts.awaitingChecks(), counts.changedSinceCheck(), counts.openReports());
    }

    // --- outcome terms

    /** The terms a service of this council may serve: the seeded ones (both nations') and the council's own. */
    @Transactional(readOnly = true)
    public List<TaxonomyTerm> termsFor(long councilId) {
        return repository.termsFor(councilId);
    }

    @Transactional(readOnly = true)
    public List<TaxonomyTerm> councilTerms(SignedInUser staff) {
        return repository.councilTerms(requireTermEditor(staff).councilId());
    }

    /** The council's DP team (or admin) adds an outcome or need of its own, in English and Welsh. */
    @Transactional
    public TaxonomyTerm addTerm(SignedInUser staff, String name, String nameCy, String description, String descriptionCy) {
        requireTermEditor(staff);
        Council council = councils.findById(staff.councilId()).orElseThrow(NotFound::new);
        UUID taxonomy = repository.councilTaxonomy(council.id(), council.name(), council.nameCy());
        String base = codeOf(name);
        String code = base;
        for (int n = 2; repository.termCodeTaken(taxonomy, code); n++) {
            code = base.substring(0, Math.min(base.length(), 55)) + "-" + n;
        }
        TaxonomyTerm term = repository.insertTerm(taxonomy, council.id(), code, name, nameCy, description, descriptionCy);
        audit.record(council.id(), "directory_taxonomy_term", term.id(), AuditAction.CREATE, null,
                AuditTrail.values("name", name, "nameCy", nameCy, "description", description, "descriptionCy", descriptionCy));
        return term;
    }

    static String codeOf(String name) {
        String code = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (code.isEmpty()) {
            code = "term";
        }
        return code.length() > 50 ? code.substring(0, 50).replaceAll("-+$", "") : code;
    }

    // --- the rules of who may

    private DirectoryService move(DirectoryService before, ServiceTransitions.Event event, String reason) {
        ServiceStatus next = ServiceTransitions.next(before.status(), event)
                .orElseThrow(() -> new Conflict("A " + before.status() + " service cannot be " + event.name().toLowerCase() + "."));
        repository.changeStatus(before.id(), next, next == ServiceStatus.SUSPENDED ? reason : null);
        audit.record(before.councilId(), "directory_service", before.id(), AuditAction.UPDATE,
                AuditTrail.values("status", before.status().name()),
                AuditTrail.values("status", next.name(), "reason", reason));
        return repository.findService(before.id()).orElseThrow();
    }

    private DirectoryService ownService(SignedInUser provider, UUID id, boolean forUpdate) {
        requireProvider(provider);
        Optional<DirectoryService> found = forUpdate ? repository.findServiceForUpdate(id) : repository.findService(id);
        return found.filter(s -> isOwner(provider, s)).orElseThrow(NotFound::new);
    }

    /** A service of the DP team's own council; another council's is not found. */
    private DirectoryService councilService(SignedInUser dpTeam, UUID id) {
        requireDpTeam(dpTeam);
        return repository.findServiceForUpdate(id).filter(s -> s.councilId() == dpTeam.councilId()).orElseThrow(NotFound::new);
    }

    private boolean isOwner(SignedInUser user, DirectoryService service) {
        return user.has(Role.PROVIDER) && repository.organizationOfUser(user.userId())
                .map(o -> o.id().equals(service.organizationId())).orElse(false);
    }

    private void requireTermsFor(long councilId, ServiceInput input) {
        Set<UUID> allowed = new java.util.HashSet<>(termsFor(councilId).stream().map(TaxonomyTerm::id).toList());
        if (!allowed.containsAll(input.taxonomyTermIds())) {
            throw new RuleRefusal("UNKNOWN_TERM", "An outcome or need is not one this council's services may serve.",
                    "Choose terms from GET /openreferral/taxonomy_terms: the seeded outcomes or this council's own.");
        }
    }

    private DirectoryRepository.Place placeOf(ServiceInput input) {
        if (input.postcode() == null) {
            return null;
        }
        GeoPoint centre = postcodes.centreOf(input.postcode());
        return new DirectoryRepository.Place(centre.latitude(), centre.longitude());
    }

    private static DirectoryService withInput(DirectoryService s, ServiceInput in) {
        return new DirectoryService(s.id(), s.organizationId(), s.organizationName(), s.councilId(), in.name(), in.description(),
                s.status(), in.delivery(), in.postcode() == null ? null : in.postcode().value(), null, null, in.travelKm(),
                in.schedules().stream().sorted(java.util.Comparator.comparing(Schedule::day).thenComparing(Schedule::opensAt)).toList(),
                in.cost(), in.costUnit(), in.minimumAge(), in.maximumAge(), in.languages(),
                in.accessibility() == null ? "" : in.accessibility(), in.taxonomyTermIds(), in.url(), in.email(), s.checks(),
                s.changedSinceCheck(), s.changedFields(), s.suspensionReason(), s.lastModified());
    }

    private static SignedInUser requireProvider(SignedInUser user) {
        if (!user.has(Role.PROVIDER)) {
            throw new AccessDeniedException("Only a provider has services");
        }
        return user;
    }

    private static SignedInUser requireDpTeam(SignedInUser user) {
        if (!user.has(Role.DP_TEAM) || user.councilId() == null) {
            throw new AccessDeniedException("Only the direct payments team checks services");
        }
        return user;
    }

    private static SignedInUser requireTermEditor(SignedInUser user) {
        if (!(user.has(Role.DP_TEAM) || user.has(Role.COUNCIL_ADMIN)) || user.councilId() == null) {
            throw new AccessDeniedException("Only the direct payments team or an administrator adds outcome terms");
        }
        return user;
    }
}
