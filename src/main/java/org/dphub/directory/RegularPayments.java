package org.dphub.directory;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.directory.internal.RegularPaymentRepository;
import org.dphub.payments.AccountStatus;
import org.dphub.payments.Accounts;
import org.dphub.payments.ProviderPayments;
import org.dphub.people.Citizens;
import org.dphub.shared.Money;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.Reads;
import org.dphub.web.Conflict;
import org.dphub.web.FormError;
import org.dphub.web.NotFound;
import org.dphub.web.ValidationProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Regular payments to a listed provider (issue 15): the person or their representative pays one of
 * the directory's published services an amount every week, fortnight, four weeks or month from
 * their direct payment account, from a first date, until an end date, a number of times, or until
 * they stop it. Each instalment that has fallen due becomes a charge through
 * {@link ProviderPayments#charge} (key "regular:{id}:{n}", so a job run twice charges once); one the
 * account cannot cover is MISSED with the reason and is not tried again. The provider sees the
 * reference, amount, dates and status, nothing else about the person; the person's council's staff
 * may look, never set one up or stop it.
 */
@Service
public class RegularPayments {

    private static final Logger LOG = LoggerFactory.getLogger(RegularPayments.class);

    /** Largest instalment: £100,000, as a request for payment. */
    public static final long MOST_PENCE = 10_000_000;
    /** At most this many instalments when a number of times is given. */
    public static final int MOST_TIMES = 520;
    /** A first date at most this far ahead. */
    public static final int MOST_DAYS_AHEAD = 366;

    /** How often an instalment falls due. */
    public enum Frequency {
        WEEKLY, FORTNIGHTLY, FOUR_WEEKLY, MONTHLY;

        /** The day instalment {@code n} (from 1) falls due: months counted from the first date (31 Jan, 28 Feb, 31 Mar). */
        public LocalDate dueOn(LocalDate first, int n) {
            return switch (this) {
                case WEEKLY -> first.plusWeeks(n - 1L);
                case FORTNIGHTLY -> first.plusWeeks(2L * (n - 1));
                case FOUR_WEEKLY -> first.plusWeeks(4L * (n - 1));
                case MONTHLY -> first.plusMonths(n - 1L);
            };
        }
    }

    /** What a regular payment is now: ACTIVE (more to come), STOPPED by the person, ENDED (its end date or number of times reached). */
    public enum Status { ACTIVE, STOPPED, ENDED }

    /** A regular payment as stored. */
    public record Row(long id, UUID organizationId, String organizationName, UUID serviceId, String serviceName, long councilId,
                      long citizenId, long accountId, Money amount, Frequency frequency, LocalDate firstDate, LocalDate endDate,
                      Integer times, Integer budgetLinePosition, String outcome, String reference, String status,
                      LocalDate stoppedFrom, int nextN, LocalDate nextDue, String createKey, String stopKey) {

        /** The day instalment {@code n} falls due, or null when there is no such instalment (ended, stopped before it). */
        public LocalDate dueOn(int n) {
            if (times != null && n > times) {
                return null;
            }
            LocalDate day = frequency.dueOn(firstDate, n);
            if (endDate != null && day.isAfter(endDate)) {
                return null;
            }
            if (stoppedFrom != null && !day.isBefore(stoppedFrom)) {
                return null;
            }
            return day;
        }
    }

    /** One instalment that has fallen due. status: CHARGED, PAID (the council's run has paid the provider) or MISSED. */
    public record Instalment(int n, LocalDate dueOn, Money amount, String status, String missedReason) {
    }

    /** A regular payment with what has happened to it. */
    public record RegularPayment(Row row, Status status, LocalDate nextDate, List<Instalment> instalments) {

        public long id() {
            return row.id();
        }

        public long paidCount() {
            return instalments.stream().filter(i -> !"MISSED".equals(i.status())).count();
        }

        public Money paidTotal() {
            return instalments.stream().filter(i -> !"MISSED".equals(i.status())).map(Instalment::amount).reduce(Money.ZERO, Money::plus);
        }

        public long missedCount() {
            return instalments.stream().filter(i -> "MISSED".equals(i.status())).count();
        }

        /** The person may still stop it. */
        public boolean stoppable() {
            return status == Status.ACTIVE;
        }
    }

    /**
     * What the person asks for. {@code citizenId}: whom it is for (null: themselves, or the one
     * person they act for); {@code reference}: what the provider sees (null: "REG-{id}").
     */
    public record SetUp(Long citizenId, UUID serviceId, Money amount, Frequency frequency, LocalDate firstDate, LocalDate endDate,
                        Integer times, Integer budgetLinePosition, String outcome, String reference) {
    }

    /** What one run of the job did. */
    public record Charged(int charged, int missed) {
    }

    private final RegularPaymentRepository repository;
    private final Citizens citizens;
    private final Accounts accounts;
    private final ProviderPayments providerPayments;
    private final PaymentRequests requests;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate transactions;

    RegularPayments(RegularPaymentRepository repository, Citizens citizens, Accounts accounts, ProviderPayments providerPayments,
                    PaymentRequests requests, AuditTrail audit, Clock clock, PlatformTransactionManager transactionManager) {
        this.repository = repository;
        this.citizens = citizens;
        this.accounts = accounts;
        this.providerPayments = providerPayments;
        this.requests = requests;
        this.audit = audit;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    static String chargeKey(long id, int n) {
        return "regular:" + id + ":" + n;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The people this user may set up a regular payment for (themselves and those they represent). */
    @Transactional(readOnly = true)
    public List<Citizens.CitizenWithRelationship> payers(SignedInUser user) {
        return citizens.actingFor(user);
    }

    /**
     * The person this user sets one up for: themselves, or someone they represent. Staff and
     * providers may not (403); anyone else's person is not found (404).
     */
    @Transactional(readOnly = true)
    public long payerFor(SignedInUser user, Long citizenId) {
        List<Citizens.CitizenWithRelationship> acting = citizens.actingFor(user);
        if (citizenId == null) {
            Optional<Long> self = acting.stream().filter(c -> c.relationship() == org.dphub.identity.CitizenRelationship.SELF)
                    .map(c -> c.citizen().id()).findFirst();
            if (self.isPresent()) {
                return self.get();
            }
            if (acting.size() == 1) {
                return acting.get(0).citizen().id();
            }
            if (acting.isEmpty()) {
                throw refusal(user);
            }
            throw new ValidationProblem(List.of(new FormError("citizenId", "Say whom the regular payment is for")));
        }
        if (acting.stream().anyMatch(c -> c.citizen().id() == citizenId)) {
            return citizenId;
        }
        throw refusal(user);
    }

    private static RuntimeException refusal(SignedInUser user) {
        if (user.isStaff() || user.has(Role.PROVIDER)) {
            return new AccessDeniedException("Only the person or their representative sets up a regular payment");
        }
        return new NotFound();
    }

    /** A published service's facts, or nothing. */
    @Transactional(readOnly = true)
    public Optional<PaymentRequests.ServiceFacts> publishedService(UUID serviceId) {
        return repository.service(serviceId).filter(s -> "PUBLISHED".equals(s.status()));
    }

    /** The plan lines and outcomes the person may choose from (as for a request for payment). */
    @Transactional(readOnly = true)
    public PaymentRequests.Choices choices(SignedInUser user, long citizenId) {
        return requests.choices(user, citizenId);
    }

    /**
     * The person or their representative sets up a regular payment to a published service. The same
     * {@code idempotencyKey} from the same user again answers the first and sets up nothing.
     */
    @Transactional
    public RegularPayment setUp(SignedInUser user, SetUp input, String idempotencyKey) {
        long citizenId = payerFor(user, input.citizenId());
        if (idempotencyKey != null) {
            Optional<Row> before = repository.findByCreateKey(user.userId(), idempotencyKey);
            if (before.isPresent()) {
                Row first = before.get();
                if (first.citizenId() != citizenId || !first.serviceId().equals(input.serviceId())
                        || !first.amount().equals(input.amount()) || first.frequency() != input.frequency()
                        || !first.firstDate().equals(input.firstDate())) {
                    throw new Conflict("This Idempotency-Key was used to set up a different regular payment.");
                }
                return view(first);
            }
        }
        List<FormError> errors = new ArrayList<>();
        PaymentRequests.ServiceFacts service = input.serviceId() == null ? null : publishedService(input.serviceId()).orElse(null);
        if (service == null) {
            errors.add(new FormError("serviceId", "Choose a service the council has checked and published"));
        }
        LocalDate today = today();
        if (input.firstDate() != null && input.firstDate().isBefore(today)) {
            errors.add(new FormError("firstDate", "The first payment must be today or later"));
        } else if (input.firstDate() != null && input.firstDate().isAfter(today.plusDays(MOST_DAYS_AHEAD))) {
            errors.add(new FormError("firstDate", "The first payment must be within a year"));
        }
        if (input.endDate() != null && input.times() != null) {
            errors.add(new FormError("times", "Give an end date or a number of payments, not both"));
        }
        if (input.endDate() != null && input.firstDate() != null && input.endDate().isBefore(input.firstDate())) {
            errors.add(new FormError("endDate", "The end date must be on or after the first payment"));
        }
        if (input.times() != null && (input.times() < 1 || input.times() > MOST_TIMES)) {
            errors.add(new FormError("times", "Give a number of payments from 1 to " + MOST_TIMES));
        }
        long councilId = citizens.councilOf(citizenId).orElseThrow(NotFound::new);
        Long accountId = accounts.forCitizen(user, citizenId).stream()
                .filter(s -> s.account().status() == AccountStatus.OPEN && s.account().councilId() == councilId)
                .map(s -> s.account().id()).findFirst().orElse(null);
        PaymentRequests.Choices choices = choices(user, citizenId);
        Integer line = input.budgetLinePosition() != null ? input.budgetLinePosition()
                : choices.defaultLine() > 0 ? choices.defaultLine() : null;
        if (line != null && (line < 1 || line > choices.lines().size())) {
            errors.add(new FormError("budgetLinePosition", "Choose a line of your plan"));
        }
        String outcome = input.outcome() != null ? input.outcome() : choices.defaultOutcome();
        if (input.outcome() != null && !choices.outcomes().contains(input.outcome())) {
            errors.add(new FormError("outcome", "Choose one of the outcomes in your plan"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationProblem(errors);
        }
        if (accountId == null) {
            throw new Conflict("There is no open direct payment account to pay this from.");
        }
        long id = repository.insert(service, councilId, citizenId, accountId, input, line, outcome, user, idempotencyKey);
        Row row = repository.find(id).orElseThrow();
        repository.setNext(id, 1, row.dueOn(1));
        audit.record(councilId, "regular_payment", id, AuditAction.CREATE, null, AuditTrail.values(
                "provider", service.organizationName(), "service", service.name(), "amount", input.amount().formatWithPence(),
                "frequency", input.frequency().name(), "firstDate", input.firstDate().toString(),
                "endDate", input.endDate() == null ? null : input.endDate().toString(), "times", input.times(),
                "reference", row.reference(), "status", "ACTIVE"));
        return view(repository.find(id).orElseThrow());
    }

    /**
     * The person or their representative stops it: no instalment dated on or after {@code from}
     * (today or later) is charged; those already charged stay. Staff may not (403); anyone else 404.
     */
    @Transactional
    public RegularPayment stop(SignedInUser user, long id, LocalDate from, String idempotencyKey) {
        Row row = personLocked(user, id);
        if ("STOPPED".equals(row.status())) {
            if (idempotencyKey != null && idempotencyKey.equals(row.stopKey())) {
                return view(row);
            }
            throw new Conflict("This regular payment was stopped already.");
        }
        if (from == null || from.isBefore(today())) {
            throw new ValidationProblem(List.of(new FormError("from", "Stop it from today or a later day")));
        }
        repository.stop(id, from, user.username(), idempotencyKey);
        Row stopped = repository.find(id).orElseThrow();
        repository.setNext(id, stopped.nextN(), stopped.dueOn(stopped.nextN()));
        audit.record(row.councilId(), "regular_payment", id, AuditAction.UPDATE, AuditTrail.values("status", row.status()),
                AuditTrail.values("status", "STOPPED", "from", from.toString(), "provider", row.organizationName(),
                        "amount", row.amount().formatWithPence()));
        return view(repository.find(id).orElseThrow());
    }

    /** A person's regular payments, for them, their representatives and their council's staff. */
    @Transactional(readOnly = true)
    public List<RegularPayment> forCitizen(SignedInUser user, long citizenId) {
        var citizen = citizens.find(user, citizenId).orElseThrow(NotFound::new);
        return repository.forCitizen(citizen.councilId(), citizenId).stream().map(this::view).toList();
    }

    /**
     * What {@link #forCitizen} will read for this person (their regular payments, the instalments of
     * each, then the charge of each instalment charged), to send with a page's other reads; who may
     * see them is checked as {@link #forCitizen} reads them.
     */
    public void readAhead(long councilId, long citizenId, Reads.Together reads) {
        reads.add(repository.forCitizenRead(councilId, citizenId), rows -> rows.forEach(row ->
                reads.add(repository.instalmentsRead(row.id()), instalments -> instalments.stream()
                        .filter(i -> "CHARGED".equals(i.status()))
                        .forEach(i -> providerPayments.readAheadCharge(chargeKey(row.id(), i.n()), reads)))));
    }

    /** One this user may see as the person, their representative or their council's staff. */
    @Transactional(readOnly = true)
    public Optional<RegularPayment> findForPerson(SignedInUser user, long id) {
        return repository.find(id).filter(r -> citizens.find(user, r.citizenId()).isPresent()).map(this::view);
    }

    /** The regular payments to the provider's own services. */
    @Transactional(readOnly = true)
    public List<RegularPayment> forProvider(SignedInUser provider) {
        return repository.forOrganization(requests.providerOf(provider).organizationId()).stream().map(this::view).toList();
    }

    /** One of the provider's own; any other is not found. */
    @Transactional(readOnly = true)
    public Optional<RegularPayment> findForProvider(SignedInUser provider, long id) {
        UUID org = requests.providerOf(provider).organizationId();
        return repository.find(id).filter(r -> r.organizationId().equals(org)).map(this::view);
    }

    /**
     * Charges every instalment that has fallen due by {@code today} (the daily job; tests call it
     * with a day), each in its own transaction with its charge: a second run charges nothing twice.
     * An instalment the account cannot cover (or whose account is no longer open, or whose plan
     * line has gone) is MISSED with the reason and never tried again.
     */
    public Charged chargeDue(LocalDate today) {
        int charged = 0;
        int missed = 0;
        for (long id : repository.dueIds(today)) {
            try {
                int[] done = chargeDue(id, today);
                charged += done[0];
                missed += done[1];
            } catch (RuntimeException unexpected) {
                // one payment's trouble (the database, say) does not hold up the others; tomorrow's run tries it again
                LOG.error("Regular payment {}: its instalments due by {} could not be charged", id, today, unexpected);
            }
        }
        if (charged + missed > 0) {
            LOG.info("Regular payments to providers on {}: {} instalments charged, {} missed", today, charged, missed);
        }
        return new Charged(charged, missed);
    }

    /** The instalments of one regular payment due by {@code today}: {charged, missed}. */
    private int[] chargeDue(long id, LocalDate today) {
        int charged = 0;
        int missed = 0;
        for (int guard = 0; guard < MOST_TIMES; guard++) {
            Row row = repository.find(id).orElseThrow();
            if (row.nextDue() == null || row.nextDue().isAfter(today)) {
                break;
            }
            int n = row.nextN();
            String reason = null;
            try {
                Boolean done = transactions.execute(tx -> chargeOne(id, n, today));
                if (!Boolean.TRUE.equals(done)) {
                    break;
                }
                charged++;
                continue;
            } catch (ProviderPayments.NotEnoughMoneyException notEnough) {
                reason = "NOT_ENOUGH_MONEY";
            } catch (Conflict notOpen) {
                reason = "ACCOUNT_NOT_OPEN";
            } catch (ValidationProblem lineGone) {
                reason = "PLAN_LINE_GONE";
            } catch (NotFound gone) {
                reason = "ACCOUNT_NOT_OPEN";
            }
            String why = reason;
            Boolean recorded = transactions.execute(tx -> missOne(id, n, today, why));
            if (!Boolean.TRUE.equals(recorded)) {
                break;
            }
            missed++;
        }
        return new int[] {charged, missed};
    }

    /** Charges instalment {@code n} if it is still the next one and due; false when there is nothing to do. */
    private Boolean chargeOne(long id, int n, LocalDate today) {
        Row row = repository.lock(id).orElseThrow();
        LocalDate due = row.nextDue();
        if (row.nextN() != n || due == null || due.isAfter(today)) {
            return false;
        }
        String description = "Regular payment for " + row.serviceName() + ", "
                + due.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK));
        providerPayments.charge(new ProviderPayments.ProviderChargeRequest(row.councilId(), chargeKey(id, n), row.accountId(),
                row.organizationId(), row.organizationName(), row.amount(), due,
                description.length() > 400 ? description.substring(0, 400) : description, row.reference(),
                row.budgetLinePosition(), row.outcome()));
        repository.recordInstalment(id, n, due, row.amount(), "CHARGED", chargeKey(id, n), null);
        repository.setNext(id, n + 1, row.dueOn(n + 1));
        return true;
    }

    /** Records instalment {@code n} as missed (once), with the reason, and moves on to the next. */
    private Boolean missOne(long id, int n, LocalDate today, String reason) {
        Row row = repository.lock(id).orElseThrow();
        LocalDate due = row.nextDue();
        if (row.nextN() != n || due == null || due.isAfter(today)) {
            return false;
        }
        repository.recordInstalment(id, n, due, row.amount(), "MISSED", null, reason);
        repository.setNext(id, n + 1, row.dueOn(n + 1));
        audit.record(row.councilId(), "regular_payment", id, AuditAction.UPDATE, null, AuditTrail.values(
                "missed", n, "dueOn", due.toString(), "reason", reason, "provider", row.organizationName(),
                "amount", row.amount().formatWithPence()));
        return true;
    }

    /** The person or their representative: staff of the person's council may look but not act (403); others 404. */
    private Row personLocked(SignedInUser user, long id) {
        Row row = repository.lock(id).orElseThrow(NotFound::new);
        boolean actsFor = citizens.actingFor(user).stream().anyMatch(c -> c.citizen().id() == row.citizenId());
        if (actsFor) {
            return row;
        }
        if (user.isStaffOf(row.councilId())) {
            throw new AccessDeniedException("Only the person or their representative stops a regular payment");
        }
        throw new NotFound();
    }

    private RegularPayment view(Row row) {
        List<Instalment> instalments = repository.instalments(row.id()).stream().map(i -> "CHARGED".equals(i.status())
                && providerPayments.findCharge(row.councilId(), chargeKey(row.id(), i.n()))
                .map(ProviderPayments.ProviderCharge::paidToProvider).orElse(false)
                ? new Instalment(i.n(), i.dueOn(), i.amount(), "PAID", null) : i).toList();
        Status status = "STOPPED".equals(row.status()) ? Status.STOPPED : row.nextDue() == null ? Status.ENDED : Status.ACTIVE;
        return new RegularPayment(row, status, row.nextDue(), instalments);
    }
}
