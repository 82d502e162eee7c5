package org.dphub.directory;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.directory.internal.PaymentRequestRepository;
import org.dphub.payments.AccountStatus;
import org.dphub.payments.Accounts;
import org.dphub.payments.ProviderPayments;
import org.dphub.people.Citizens;
import org.dphub.plans.CarePlans;
import org.dphub.plans.PlanVersion;
import org.dphub.shared.Money;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.Reads;
import org.dphub.web.Conflict;
import org.dphub.web.FormError;
import org.dphub.web.NotFound;
import org.dphub.web.ValidationProblem;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Requests for payment (invoices) from a provider to a person (issue 15). The provider sends one
 * for a published service of its own to a person's dphub number (a provider may serve people of
 * any council) and sees only what it typed and the request's status; the person or their
 * representative agrees it (nothing the account cannot cover: then payments charges the account
 * once, tagged to a line of their plan and an outcome, and the next payment run pays the provider)
 * or queries it; the provider changes or withdraws it while it is not agreed.
 */
@Service
public class PaymentRequests {

    /** What a request is now, as people read it. PAID: agreed, and the council's run has paid the provider. */
    public enum Status { WAITING, QUERIED, AGREED, PAID, WITHDRAWN }

    /** The organisation a provider user runs. */
    public record Provider(UUID organizationId, String name, long councilId) {
    }

    /** What a request needs to know of a service. */
    public record ServiceFacts(UUID id, UUID organizationId, String organizationName, String name, String status, Money cost,
                               String costUnit) {
    }

    /** A request as stored. */
    public record Row(long id, UUID organizationId, String organizationName, UUID serviceId, String serviceName, long councilId,
                      long citizenId, Money amount, String description, String reference, List<LocalDate> dates, String status,
                      String queryMessage, Instant sentAt, Instant agreedAt, Long accountId, String agreementKey,
                      Integer budgetLinePosition, String outcome) {
    }

    /** A request with its status as people read it. */
    public record PaymentRequest(Row row, Status status) {

        public long id() {
            return row.id();
        }

        /** The provider may change or withdraw it, and the person may agree or query it. */
        public boolean open() {
            return status == Status.WAITING || status == Status.QUERIED;
        }
    }

    /** What the provider sends. {@code reference}: its own invoice reference (null: "REQ-{id}"). */
    public record Send(long citizenId, UUID serviceId, Money amount, String description, String reference, List<LocalDate> dates) {
    }

    /** The person's choice when agreeing: the plan's line that pays (from 1) and the outcome it serves (null: the default). */
    public record Agreement(Integer budgetLinePosition, String outcome) {
    }

    /** The plan lines and outcomes a person may pick from, with the default. */
    public record Choices(List<String> lines, int defaultLine, List<String> outcomes, String defaultOutcome) {
    }

    private final PaymentRequestRepository repository;
    private final Citizens citizens;
    private final Accounts accounts;
    private final ProviderPayments providerPayments;
    private final CarePlans plans;
    private final AuditTrail audit;
    private final DirectoryLetters letters;
    private final Clock clock;

    PaymentRequests(PaymentRequestRepository repository, Citizens citizens, Accounts accounts, ProviderPayments providerPayments,
                    CarePlans plans, AuditTrail audit, DirectoryLetters letters, Clock clock) {
        this.repository = repository;
        this.citizens = citizens;
        this.accounts = accounts;
        this.providerPayments = providerPayments;
        this.plans = plans;
        this.audit = audit;
        this.letters = letters;
        this.clock = clock;
    }

    static String chargeKey(long requestId) {
        return "payment-request:" + requestId;
    }

    /** The provider's organisation, or 403 for anyone who does not run one. */
    @Transactional(readOnly = true)
    public Provider providerOf(SignedInUser user) {
        if (!user.has(Role.PROVIDER)) {
            throw new AccessDeniedException("Only providers send requests for payment");
        }
        return repository.organizationOf(user.userId()).orElseThrow(() -> new AccessDeniedException(
                "Describe your organisation in the directory before sending requests for payment"));
    }

    /**
     * A provider sends a request for one of its own published services to a person (by their dphub
     * number); the person gets a PAYMENT_REQUESTED letter (what, how much, agree or ask on Your money).
     */
    @Transactional
    public PaymentRequest send(SignedInUser provider, Send send) {
        Provider org = providerOf(provider);
        List<FormError> errors = new java.util.ArrayList<>();
        ServiceFacts service = send.serviceId() == null ? null : repository.service(send.serviceId())
                .filter(s -> s.organizationId().equals(org.organizationId())).orElse(null);
        if (service == null) {
            errors.add(new FormError("serviceId", "Choose one of your own services"));
        } else if (!"PUBLISHED".equals(service.status())) {
            errors.add(new FormError("serviceId", "This service is not published yet: the council checks it first"));
        }
        Optional<Long> council = citizens.councilOf(send.citizenId());
        if (council.isEmpty()) {
            errors.add(new FormError("citizenId", "There is nobody with this dphub number. Check it with the person"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationProblem(errors);
        }
        long id = repository.insert(org.organizationId(), service.id(), council.get(), send.citizenId(), send.amount(),
                send.description(), send.reference(), send.dates(), provider.username());
        audit.record(council.get(), "payment_request", id, AuditAction.CREATE, null, AuditTrail.values(
                "provider", org.name(), "service", service.name(), "amount", send.amount().formatWithPence(),
                "description", send.description()));
        Row sent = repository.find(id).orElseThrow();
        letters.paymentRequested(sent); // a PAYMENT_REQUESTED letter to the person, in this transaction
        return view(sent);
    }

    /** The provider's published services it may ask payment for: {id, name}. */
    @Transactional(readOnly = true)
    public List<String[]> publishedServices(SignedInUser provider) {
        return repository.publishedServices(providerOf(provider).organizationId());
    }

    @Transactional(readOnly = true)
    public List<PaymentRequest> forProvider(SignedInUser provider) {
        return repository.forOrganization(providerOf(provider).organizationId()).stream().map(this::view).toList();
    }

    /** The provider's own request; any other is not found. */
    @Transactional(readOnly = true)
    public Optional<PaymentRequest> findForProvider(SignedInUser provider, long id) {
        Provider org = providerOf(provider);
        return repository.find(id).filter(r -> r.organizationId().equals(org.organizationId())).map(this::view);
    }

    /** The provider changes the amount or words of a request not yet agreed (after a query, say): it waits again. */
    @Transactional
    public PaymentRequest change(SignedInUser provider, long id, Money amount, String description) {
        Row row = ownLocked(provider, id);
        requireOpen(row);
        repository.change(id, amount, description);
        audit.record(row.councilId(), "payment_request", id, AuditAction.UPDATE,
                AuditTrail.values("amount", row.amount().formatWithPence(), "description", row.description()),
                AuditTrail.values("amount", amount.formatWithPence(), "description", description, "status", "WAITING"));
        return view(repository.find(id).orElseThrow());
    }

    @Transactional
    public PaymentRequest withdraw(SignedInUser provider, long id) {
        Row row = ownLocked(provider, id);
        requireOpen(row);
        repository.setStatus(id, "WITHDRAWN");
        audit.record(row.councilId(), "payment_request", id, AuditAction.UPDATE, AuditTrail.values("status", row.status()),
                AuditTrail.values("status", "WITHDRAWN", "provider", row.organizationName()));
        return view(repository.find(id).orElseThrow());
    }

    /** Requests to a person, for them, their representatives and their council's staff. */
    @Transactional(readOnly = true)
    public List<PaymentRequest> forCitizen(SignedInUser user, long citizenId) {
        var citizen = citizens.find(user, citizenId).orElseThrow(NotFound::new);
        return repository.forCitizen(citizen.councilId(), citizenId).stream().map(this::view).toList();
    }

    /**
     * What {@link #forCitizen} will read for this person (their requests, then the charge of each
     * agreed one), to send with a page's other reads; who may see them is checked as {@link #forCitizen} reads them.
     */
    public void readAhead(long councilId, long citizenId, Reads.Together reads) {
        reads.add(repository.forCitizenRead(councilId, citizenId), rows -> rows.stream()
                .filter(row -> Status.valueOf(row.status()) == Status.AGREED)
                .forEach(row -> providerPayments.readAheadCharge(chargeKey(row.id()), reads)));
    }

    /** A request to a person this user may see (the person, their representative, their council's staff). */
    @Transactional(readOnly = true)
    public Optional<PaymentRequest> findForPerson(SignedInUser user, long id) {
        return repository.find(id).filter(r -> citizens.find(user, r.citizenId()).isPresent()).map(this::view);
    }

    /** What the person's account can cover now, for the request's page. */
    @Transactional(readOnly = true)
    public Optional<ProviderPayments.Affordability> affordability(SignedInUser user, long id) {
        Row row = repository.find(id).filter(r -> citizens.find(user, r.citizenId()).isPresent()).orElseThrow(NotFound::new);
        return accountFor(user, row).map(providerPayments::affordability);
    }

    /** The lines of the person's plan in force today and its outcomes, with sensible defaults. */
    @Transactional(readOnly = true)
    public Choices choices(SignedInUser user, long citizenId) {
        List<CarePlans.Plan> all = plans.plansOf(user, citizenId);
        if (all.isEmpty()) {
            return new Choices(List.of(), 0, List.of(), null);
        }
        PlanVersion plan = all.get(all.size() - 1).inForce();
        List<String> lines = plan.budgetLines().stream().map(org.dphub.plans.BudgetLine::description).toList();
        int line = lines.isEmpty() ? 0 : 1;
        String outcome = plan.outcomes().isEmpty() ? null : plan.outcomes().get(0);
        if (line > 0 && !plan.budgetLines().get(0).outcomes().isEmpty()) {
            int first = plan.budgetLines().get(0).outcomes().get(0);
            if (first >= 1 && first <= plan.outcomes().size()) {
                outcome = plan.outcomes().get(first - 1);
            }
        }
        return new Choices(lines, line, plan.outcomes(), outcome);
    }

    /**
     * The person or their representative agrees: the account is charged once (key
     * "payment-request:{id}") and the next payment run pays the provider. Staff may not (403);
     * anyone else finds nothing (404). Agreeing again with the same {@code idempotencyKey} answers
     * the same and does nothing; without it, or with another, it is a conflict.
     *
     * @throws ProviderPayments.NotEnoughMoneyException when the account cannot cover it (nothing changes)
     */
    @Transactional
    public PaymentRequest agree(SignedInUser user, long id, Agreement agreement, String idempotencyKey) {
        Row row = personLocked(user, id);
        if ("AGREED".equals(row.status())) {
            if (idempotencyKey != null && idempotencyKey.equals(row.agreementKey())) {
                return view(row);
            }
            throw new Conflict("This request was agreed already. Nothing was paid twice.");
        }
        requireOpen(row);
        long accountId = accountFor(user, row).orElseThrow(() -> new Conflict(
                "There is no open direct payment account to pay this from."));
        Choices choices = choices(user, row.citizenId());
        Integer line = agreement.budgetLinePosition() != null ? agreement.budgetLinePosition()
                : choices.defaultLine() > 0 ? choices.defaultLine() : null;
        if (line != null && (line < 1 || line > choices.lines().size())) {
            throw new ValidationProblem(List.of(new FormError("budgetLinePosition", "Choose a line of your plan")));
        }
        String outcome = agreement.outcome() != null ? agreement.outcome() : choices.defaultOutcome();
        if (outcome != null && agreement.outcome() != null && !choices.outcomes().contains(outcome)) {
            throw new ValidationProblem(List.of(new FormError("outcome", "Choose one of the outcomes in your plan")));
        }
        providerPayments.charge(new ProviderPayments.ProviderChargeRequest(row.councilId(), chargeKey(id), accountId,
                row.organizationId(), row.organizationName(), row.amount(), LocalDate.now(clock), row.description(),
                row.reference(), line, outcome));
        repository.agree(id, accountId, line, outcome, user.username(), idempotencyKey);
        audit.record(row.councilId(), "payment_request", id, AuditAction.UPDATE, AuditTrail.values("status", row.status()),
                AuditTrail.values("status", "AGREED", "amount", row.amount().formatWithPence(), "provider", row.organizationName()));
        return view(repository.find(id).orElseThrow());
    }

    /** The person or their representative asks the provider about the request. */
    @Transactional
    public PaymentRequest query(SignedInUser user, long id, String message) {
        Row row = personLocked(user, id);
        requireOpen(row);
        repository.query(id, message);
        audit.record(row.councilId(), "payment_request", id, AuditAction.UPDATE, AuditTrail.values("status", row.status()),
                AuditTrail.values("status", "QUERIED", "provider", row.organizationName()));
        return view(repository.find(id).orElseThrow());
    }

    private Optional<Long> accountFor(SignedInUser user, Row row) {
        if (row.accountId() != null) {
            return Optional.of(row.accountId());
        }
        return accounts.forCitizen(user, row.citizenId()).stream()
                .filter(s -> s.account().status() == AccountStatus.OPEN && s.account().councilId() == row.councilId())
                .map(s -> s.account().id()).findFirst();
    }

    private Row ownLocked(SignedInUser provider, long id) {
        Provider org = providerOf(provider);
        return repository.lock(id).filter(r -> r.organizationId().equals(org.organizationId())).orElseThrow(NotFound::new);
    }

    /** The person or their representative: staff of the person's council may look but not act (403); others 404. */
    private Row personLocked(SignedInUser user, long id) {
        Row row = repository.lock(id).orElseThrow(NotFound::new);
        boolean actsFor = citizens.actingFor(user).stream().anyMatch(c -> c.citizen().id() == row.citizenId());
        if (actsFor) {
            return row;
        }
        if (user.isStaffOf(row.councilId())) {
            throw new AccessDeniedException("Only the person or their representative agrees or queries a request for payment");
        }
        throw new NotFound();
    }

    private static void requireOpen(Row row) {
        if ("WITHDRAWN".equals(row.status())) {
            throw new Conflict("The provider withdrew this request.");
        }
        if ("AGREED".equals(row.status())) {
            throw new Conflict("This request was agreed already.");
        }
    }

    private PaymentRequest view(Row row) {
        Status status = Status.valueOf(row.status());
        if (status == Status.AGREED && providerPayments.findCharge(row.councilId(), chargeKey(row.id()))
                .map(ProviderPayments.ProviderCharge::paidToProvider).orElse(false)) {
            status = Status.PAID;
        }
        return new PaymentRequest(row, status);
    }
}
