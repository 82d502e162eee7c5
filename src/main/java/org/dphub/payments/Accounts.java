package org.dphub.payments;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.dphub.approvals.OneOffPaymentApproved;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.councils.Councils;
import org.dphub.payments.internal.AccountRepository;
import org.dphub.payments.internal.LedgerRepository;
import org.dphub.people.Citizens;
import org.dphub.plans.DirectPaymentActivated;
import org.dphub.shared.AccountDirectory;
import org.dphub.shared.Money;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.ReadOnlyMemo;
import org.dphub.shared.database.Reads;
import org.dphub.web.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The payments module's public face for accounts: opened from an activated direct payment. */
@Service
public class Accounts implements AccountDirectory {

    private final AccountRepository accounts;
    private final LedgerRepository ledger;
    private final Citizens citizens;
    private final Councils councils;
    private final AuditTrail audit;
    private final Clock clock;
    private final org.dphub.payments.internal.ProviderChargeRepository providerCharges;

    Accounts(AccountRepository accounts, LedgerRepository ledger, Citizens citizens, Councils councils, AuditTrail audit,
             Clock clock, org.dphub.payments.internal.ProviderChargeRepository providerCharges) {
        this.providerCharges = providerCharges;
        this.accounts = accounts;
        this.ledger = ledger;
        this.citizens = citizens;
        this.councils = councils;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * An account with what people need to know about its money, as of {@code today}: the balance is
     * the money received by today (issue 14: a payment approved for a later date is on its way, never
     * in the balance); money already set to go out later (payroll for a later pay day) is committed;
     * money left over is worked out from these, so nothing can be asked back before it has arrived.
     * The next payment is the next regular payment not yet sent.
     */
    public record Summary(Account account, Money balance, Money committed, SurplusCalculation surplus,
                          Optional<PaymentSchedule> schedule, LocalDate nextPaymentDate, Money nextPayment,
                          List<MoneyOnItsWay> onItsWay, LocalDate today, Money nextPaymentToProviders) {

        /** What of the next payment reaches the person: the payment less what it pays providers for them (issue 15). */
        public Money nextPaymentToPerson() {
            if (nextPayment == null) {
                return null;
            }
            Money rest = nextPayment.minus(nextPaymentToProviders);
            return rest.isLessThan(Money.ZERO) ? Money.ZERO : rest;
        }

        public Money onItsWayTotal() {
            return onItsWay.stream().map(MoneyOnItsWay::amount).reduce(Money.ZERO, Money::plus);
        }
    }

    /**
     * Opens the account and its schedule for a direct payment that has just become active. Runs
     * once per direct payment: a repeated event (after a crash, say) finds the account there.
     * The account is opened on the day the agreement was made (a paper copy recorded later was
     * still signed that day), never later than today.
     */
    @Transactional
    public Account open(DirectPaymentActivated activated) {
        LocalDate today = LocalDate.now(clock);
        LocalDate openedOn = activated.agreedOn() == null || activated.agreedOn().isAfter(today) ? today : activated.agreedOn();
        Optional<Long> created = accounts.insertForDirectPayment(activated.councilId(), activated.citizenId(),
                activated.directPaymentId(), activated.accountType(), openedOn);
        if (created.isPresent()) {
            accounts.insertSchedule(activated.councilId(), created.get(), activated.paymentFrequency(),
                    Money.ofPence(activated.regularPaymentPence()), Money.ofPence(activated.weeklyBudgetPence()),
                    activated.startDate());
            audit.record(activated.councilId(), "dp_account", created.get(), AuditAction.CREATE, null, AuditTrail.values(
                    "directPaymentId", activated.directPaymentId(), "type", activated.accountType().name(),
                    "paymentFrequency", activated.paymentFrequency().name(),
                    "regularPayment", Money.ofPence(activated.regularPaymentPence()).formatWithPence(),
                    "firstPaymentDate", activated.startDate().toString()));
        }
        // issue 18: each provider holding part of the budget as an individual service fund has its own account
        for (org.dphub.plans.ServiceFundPart part : activated.serviceFunds()) {
            openServiceFund(activated.councilId(), activated.citizenId(), activated.directPaymentId(), part,
                    activated.paymentFrequency(), activated.startDate(), openedOn);
        }
        return accounts.forDirectPayment(activated.directPaymentId()).orElseThrow();
    }

    /** Opens (once) the account a provider holds for the person, with its own schedule paid to the provider. */
    private void openServiceFund(long councilId, long citizenId, long directPaymentId, org.dphub.plans.ServiceFundPart part,
                                 org.dphub.councils.PaymentFrequency frequency, LocalDate firstPaymentDate, LocalDate openedOn) {
        Optional<Long> created = accounts.insertServiceFund(councilId, citizenId, directPaymentId, part.organizationId(),
                part.organizationName(), openedOn);
        if (created.isPresent()) {
            accounts.insertSchedule(councilId, created.get(), frequency, Money.ofPence(part.regularPaymentPence()),
                    Money.ofPence(part.weeklyBudgetPence()), firstPaymentDate);
            audit.record(councilId, "dp_account", created.get(), AuditAction.CREATE, null, AuditTrail.values(
                    "directPaymentId", directPaymentId, "type", org.dphub.plans.AccountType.INDIVIDUAL_SERVICE_FUND.name(),
                    "provider", part.organizationName(), "paymentFrequency", frequency.name(),
                    "regularPayment", Money.ofPence(part.regularPaymentPence()).formatWithPence(),
                    "firstPaymentDate", firstPaymentDate.toString()));
        }
    }

    /**
     * Issue 18: a plan change moves each provider's part from its date: a provider no longer named
     * is paid nothing from then on, a provider named for the first time gets its account then.
     */
    private void changeServiceFunds(Account account, LocalDate from, List<org.dphub.plans.ServiceFundPart> parts, String reason) {
        List<Account> funds = accounts.serviceFundsOf(account.directPaymentId());
        for (Account fund : funds) {
            org.dphub.plans.ServiceFundPart part = parts.stream()
                    .filter(p -> p.organizationId().equals(fund.isfOrganizationId())).findFirst().orElse(null);
            PaymentSchedule schedule = accounts.schedule(fund.id()).orElseThrow();
            Money regular = part == null ? Money.ZERO : Money.ofPence(part.regularPaymentPence());
            Money weekly = part == null ? Money.ZERO : Money.ofPence(part.weeklyBudgetPence());
            accounts.insertScheduleChange(schedule.id(), from, regular, weekly, reason, AuditTrail.currentActor());
            audit.record(account.councilId(), "payment_schedule", schedule.id(), AuditAction.UPDATE,
                    AuditTrail.values("regularPayment", schedule.regularPaymentOn(from).formatWithPence()),
                    AuditTrail.values("regularPayment", regular.formatWithPence(), "from", from.toString(), "reason", reason));
        }
        PaymentSchedule own = accounts.schedule(account.id()).orElseThrow();
        for (org.dphub.plans.ServiceFundPart part : parts) {
            if (funds.stream().noneMatch(f -> part.organizationId().equals(f.isfOrganizationId()))) {
                openServiceFund(account.councilId(), account.citizenId(), account.directPaymentId(), part, own.frequency(), from,
                        from.isAfter(LocalDate.now(clock)) ? LocalDate.now(clock) : from);
            }
        }
    }

    /** A plan change: payments due from the date are the new amount. */
    @Transactional
    public void changeAmount(org.dphub.plans.DirectPaymentAmountChanged changed) {
        Account account = accounts.forDirectPayment(changed.directPaymentId()).orElse(null);
        if (account == null) {
            return; // not active yet: the account opens with the plan in force then
        }
        PaymentSchedule schedule = accounts.schedule(account.id()).orElseThrow();
        accounts.insertScheduleChange(schedule.id(), changed.effectiveFrom(), Money.ofPence(changed.regularPaymentPence()),
                Money.ofPence(changed.weeklyBudgetPence()), changed.reason(), AuditTrail.currentActor());
        audit.record(account.councilId(), "payment_schedule", schedule.id(), AuditAction.UPDATE,
                AuditTrail.values("regularPayment", schedule.regularPaymentOn(changed.effectiveFrom()).formatWithPence()),
                AuditTrail.values("regularPayment", Money.ofPence(changed.regularPaymentPence()).formatWithPence(),
                        "from", changed.effectiveFrom().toString(), "reason", changed.reason()));
        changeServiceFunds(account, changed.effectiveFrom(), changed.serviceFunds(), changed.reason());
    }

    /**
     * A suspension pays nothing for periods due from its date (and the account shows as suspended
     * to finance); a resumption pays the amount in force again from its date; an end closes the
     * account: periods due before the end are still paid, none after, and the ledger stays as its
     * final statement.
     */
    @Transactional
    public void changeStatus(org.dphub.plans.DirectPaymentStatusChanged changed) {
        Account account = accounts.forDirectPayment(changed.directPaymentId()).orElse(null);
        if (account == null) {
            return;
        }
        PaymentSchedule schedule = accounts.schedule(account.id()).orElseThrow();
        AccountStatus status;
        LocalDate closedOn = null;
        switch (changed.event()) {
            case SUSPENDED -> {
                status = AccountStatus.SUSPENDED;
                accounts.insertScheduleChange(schedule.id(), changed.effectiveOn(), Money.ZERO,
                        schedule.weeklyBudgetOn(changed.effectiveOn()), "Suspended: " + changed.reason(), AuditTrail.currentActor());
            }
            case RESUMED -> {
                status = AccountStatus.OPEN;
                accounts.insertScheduleChange(schedule.id(), changed.effectiveOn(), Money.ofPence(changed.regularPaymentPence()),
                        Money.ofPence(changed.weeklyBudgetPence()), "Resumed: " + changed.reason(), AuditTrail.currentActor());
            }
            case ENDED -> {
                status = AccountStatus.CLOSED;
                closedOn = changed.effectiveOn();
            }
            default -> {
                return;
            }
        }
        accounts.setStatus(account.id(), status, closedOn);
        audit.record(account.councilId(), "dp_account", account.id(), AuditAction.UPDATE,
                AuditTrail.values("status", account.status().name()),
                AuditTrail.values("status", status.name(), "from", changed.effectiveOn().toString(), "reason", changed.reason()));
        // issue 18: the individual service funds the agreement pays follow it
        for (Account fund : accounts.serviceFundsOf(account.directPaymentId())) {
            PaymentSchedule fundSchedule = accounts.schedule(fund.id()).orElseThrow();
            if (status == AccountStatus.SUSPENDED) {
                accounts.insertScheduleChange(fundSchedule.id(), changed.effectiveOn(), Money.ZERO,
                        fundSchedule.weeklyBudgetOn(changed.effectiveOn()), "Suspended: " + changed.reason(), AuditTrail.currentActor());
            } else if (status == AccountStatus.OPEN) {
                org.dphub.plans.ServiceFundPart part = changed.serviceFunds().stream()
                        .filter(p -> p.organizationId().equals(fund.isfOrganizationId())).findFirst().orElse(null);
                accounts.insertScheduleChange(fundSchedule.id(), changed.effectiveOn(),
                        part == null ? Money.ZERO : Money.ofPence(part.regularPaymentPence()),
                        part == null ? Money.ZERO : Money.ofPence(part.weeklyBudgetPence()), "Resumed: " + changed.reason(),
                        AuditTrail.currentActor());
            }
            accounts.setStatus(fund.id(), status, closedOn);
            audit.record(fund.councilId(), "dp_account", fund.id(), AuditAction.UPDATE,
                    AuditTrail.values("status", fund.status().name()),
                    AuditTrail.values("status", status.name(), "from", changed.effectiveOn().toString(), "reason", changed.reason()));
        }
    }

    /** Issue 18: the open individual service funds a provider holds for the council's people (no access check: callers check). */
    @Transactional(readOnly = true)
    public List<Account> serviceFundsHeldBy(long councilId, java.util.UUID organizationId) {
        return accounts.serviceFundsHeldBy(councilId, organizationId);
    }

    /** Today, in the service's time zone: the day balances are worked out for. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The account's schedule, for work that runs without a signed-in person (payment runs, data loading). */
    @Transactional(readOnly = true)
    public Optional<PaymentSchedule> scheduleOf(long accountId) {
        return accounts.schedule(accountId);
    }

    @Transactional(readOnly = true)
    public Optional<Account> account(long accountId) {
        return accounts.find(accountId);
    }

    /**
     * An approved one-off payment goes into the person's open account, or a new one opened for it
     * (no direct payment is needed); the next payment run pays it. Idempotent by the one-off's id.
     */
    @Transactional
    public long acceptOneOff(OneOffPaymentApproved approved) {
        Optional<Long> recorded = accounts.accountForOneOff(approved.oneOffId());
        if (recorded.isPresent()) {
            return recorded.get();
        }
        long accountId = accounts.forCitizen(approved.councilId(), approved.citizenId()).stream()
                // a one-off is the person's to spend: never paid into a fund a provider holds (issue 18)
                .filter(a -> a.status() == AccountStatus.OPEN && !a.isIndividualServiceFund())
                .map(Account::id)
                .findFirst()
                .orElseGet(() -> {
                    long id = accounts.insertWithoutDirectPayment(approved.councilId(), approved.citizenId(),
                            approved.accountType(), LocalDate.now(clock));
                    audit.record(approved.councilId(), "dp_account", id, AuditAction.CREATE, null, AuditTrail.values(
                            "oneOffPaymentId", approved.oneOffId(), "type", approved.accountType().name()));
                    return id;
                });
        accounts.insertOneOffDue(approved.oneOffId(), approved.councilId(), accountId, approved.amountPence(),
                approved.approvedOn(), "One-off payment: " + approved.purpose());
        return accountId;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> accountForOneOff(long oneOffId) {
        return accounts.accountForOneOff(oneOffId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<LocalDate> oneOffPaidOn(long oneOffId) {
        return ledger.paidOn("one-off:" + oneOffId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Long> accountFor(long directPaymentId) {
        return accounts.forDirectPayment(directPaymentId).map(Account::id);
    }

    /** The account, if this user may see its citizen (staff of the council, the citizen, their representatives). */
    @Transactional(readOnly = true)
    public Optional<Summary> find(SignedInUser user, long accountId) {
        return visible(user, accountId).map(this::summary);
    }

    private Optional<Account> visible(SignedInUser user, long accountId) {
        return accounts.find(accountId).filter(a -> citizens.find(user, a.citizenId()).isPresent());
    }

    /**
     * The account, if this person may see it, with no summary worked out: for pages and services
     * that only need to know it is theirs (its letters, its statement story) before reading more.
     */
    @Transactional(readOnly = true)
    public Optional<Account> visibleAccount(SignedInUser user, long accountId) {
        return visible(user, accountId);
    }

    // An account's summary is worked out once in a read-only transaction (ReadOnlyMemo), as its row
    // is read once (AccountRepository): the home page asks for it for the person's money and again for
    // their to-do list.
    private record SummaryOf(long accountId) {
    }

    @Transactional(readOnly = true)
    public List<Summary> forCitizen(SignedInUser user, long citizenId) {
        var citizen = citizens.find(user, citizenId).orElseThrow(NotFound::new);
        return accounts.forCitizen(citizen.councilId(), citizenId).stream().map(this::summary).toList();
    }

    /**
     * What the home page will read here for a person (their accounts and what each one's summary
     * reads), to send with the other modules' reads; who may see them is checked as
     * {@link #forCitizen} reads them.
     */
    public void readAhead(long councilId, long citizenId, Reads.Together reads) {
        readAhead(councilId, citizenId, reads, account -> {
        });
    }

    /**
     * {@link #readAhead(long, long, Reads.Together)}, and then, with each account, what {@code andEach}
     * adds for it (a page's reads of the account's movements or letters) in the same round trip as its
     * schedule.
     */
    public void readAhead(long councilId, long citizenId, Reads.Together reads, java.util.function.Consumer<Account> andEach) {
        LocalDate today = LocalDate.now(clock);
        // what working out each account's summary reads: its schedule, then its money by day and what
        // it has promised to providers (read whether or not a next payment needs it: no round trip of its own)
        reads.add(accounts.forCitizenRead(councilId, citizenId), found -> found.forEach(account -> {
            reads.add(accounts.scheduleRead(account.id()), schedule -> reads
                    .add(ledger.accountMoneyRead(account.id(), schedule.map(PaymentSchedule::id).orElse(null), today))
                    .add(providerCharges.promisedPenceRead(account.id())));
            andEach.accept(account);
        }));
    }

    /** What {@link #ledger(Summary)} will read for this account, to send with a page's other reads. */
    public void readAheadLedger(long accountId, Reads.Together reads) {
        reads.add(ledger.entriesRead(accountId));
    }

    /** The accounts the person holds: not a fund a provider holds for them (issue 18), which has pages of its own. */
    @Transactional(readOnly = true)
    public List<Summary> heldBy(SignedInUser user, long citizenId) {
        var citizen = citizens.find(user, citizenId).orElseThrow(NotFound::new);
        return accounts.forCitizen(citizen.councilId(), citizenId).stream().filter(a -> !a.isIndividualServiceFund())
                .map(this::summary).toList();
    }

    /**
     * Every movement of the account, oldest first, including those posted for a later day (on their
     * way); a regular payment knows the start of the period it was for.
     */
    @Transactional(readOnly = true)
    public List<LedgerEntry> ledger(SignedInUser user, long accountId) {
        Account account = visible(user, accountId).orElseThrow(NotFound::new);
        return ledger(account, accounts.schedule(account.id()));
    }

    /** {@link #ledger(SignedInUser, long)} for an account whose summary this user was given (no second look-up). */
    @Transactional(readOnly = true)
    public List<LedgerEntry> ledger(Summary summary) {
        return ledger(summary.account(), summary.schedule());
    }

    private List<LedgerEntry> ledger(Account account, Optional<PaymentSchedule> schedule) {
        String regular = schedule.map(s -> "schedule:" + s.id() + ":").orElse(null);
        return ledger.entries(account.id()).stream().map(e -> {
            if (regular != null && e.idempotencyKey() != null && e.idempotencyKey().startsWith(regular)) {
                try {
                    return e.withPeriodFrom(schedule.get().dueDate(Integer.parseInt(e.idempotencyKey().substring(regular.length()))));
                } catch (NumberFormatException notAPeriod) {
                    return e;
                }
            }
            return e;
        }).toList();
    }

    /** The account's summary for work that runs without a signed-in person (paying a provider): callers check who may. */
    @Transactional(readOnly = true)
    public Optional<Summary> summaryOf(long accountId) {
        return accounts.find(accountId).map(this::summary);
    }

    private Summary summary(Account account) {
        return ReadOnlyMemo.remember(new SummaryOf(account.id()), () -> workedOut(account));
    }

    private Summary workedOut(Account account) {
        LocalDate today = LocalDate.now(clock);
        Optional<PaymentSchedule> schedule = accounts.schedule(account.id());
        LedgerRepository.AccountMoney money = ledger.accountMoney(account.id(), schedule.map(PaymentSchedule::id).orElse(null), today);
        Money weekly = schedule.map(s -> s.weeklyBudgetOn(today)).orElse(Money.ZERO);
        int surplusWeeks = councils.settings(account.councilId()).settings().surplusWeeks();
        // money already set to leave later (payroll approved for a later pay day) is spoken for
        SurplusCalculation surplus = SurplusCalculation.of(money.balance(), money.committed(), surplusWeeks, weekly);
        LocalDate next = null;
        Money nextPayment = null;
        if (schedule.isPresent() && account.status() != AccountStatus.SUSPENDED) {
            PaymentSchedule s = schedule.get();
            int horizon = s.periodsDueBy(today) + 60;
            for (int period = 0; period <= horizon; period++) {
                LocalDate due = s.dueDate(period);
                if (account.closedOn() != null && !due.isBefore(account.closedOn())) {
                    break;
                }
                if (!money.fundedPeriods().contains(period) && !s.regularPaymentOn(due).isZero()) {
                    next = due;
                    nextPayment = s.regularPaymentOn(due);
                    break;
                }
            }
        }
        Money toProviders = next == null ? Money.ZERO : Money.ofPence(providerCharges.promisedPence(account.id()));
        return new Summary(account, money.balance(), money.committed(), surplus, schedule, next, nextPayment, money.onItsWay(), today,
                toProviders);
    }
}
