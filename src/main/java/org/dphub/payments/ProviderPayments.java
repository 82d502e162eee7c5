package org.dphub.payments;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.payments.internal.ProviderChargeRepository;
import org.dphub.shared.Money;
import org.dphub.web.Conflict;
import org.dphub.web.FormError;
import org.dphub.web.NotFound;
import org.dphub.web.RuleRefusal;
import org.dphub.web.ValidationProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payments module's public face for paying providers (issue 15). The directory (requests for
 * payment, regular payments to a listed service, group purchases) tells it what it needs: it
 * never reads the directory. A charge is spending on the person's ledger at once (so the balance
 * shows it and nothing can be promised twice); the council's next payment run pays each provider
 * once, the sum of its people's parts, with a remittance CSV of each part by its reference.
 */
@Service
public class ProviderPayments {

    static final String CHARGE_KEY = "provider-charge:";
    static final String REFUND_KEY = "provider-refund:";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final ProviderChargeRepository charges;
    private final Accounts accounts;
    private final Ledger ledger;
    private final AuditTrail audit;

    ProviderPayments(ProviderChargeRepository charges, Accounts accounts, Ledger ledger, AuditTrail audit) {
        this.charges = charges;
        this.accounts = accounts;
        this.ledger = ledger;
        this.audit = audit;
    }

    /**
     * Spending from a person's account to a provider. {@code idempotencyKey}: the caller's key for
     * this spending (the same key again returns the first charge and changes nothing);
     * {@code remittanceReference}: what the provider's remittance shows for this part (their invoice
     * reference, or a group member's reference: never the person's name); {@code budgetLinePosition}
     * (from 1) and {@code outcome}: the line of the person's plan in force on {@code on} that pays
     * for it and the outcome it serves (null: not linked).
     */
    public record ProviderChargeRequest(long councilId, String idempotencyKey, long accountId, UUID organizationId,
                                        String organizationName, Money amount, LocalDate on, String description,
                                        String remittanceReference, Integer budgetLinePosition, String outcome) {
    }

    /** Money back to the account for (part of) the charge made with {@code chargeIdempotencyKey}. */
    public record ProviderRefundRequest(long councilId, String idempotencyKey, String chargeIdempotencyKey, Money amount,
                                        LocalDate on, String description) {
    }

    /** A charge as recorded: {@code created} is false when the key had been used before (nothing changed). */
    public record ProviderCharge(long id, String idempotencyKey, long councilId, long accountId, UUID organizationId,
                                 String organizationName, Money amount, LocalDate on, String description,
                                 String remittanceReference, Money refunded, boolean paidToProvider, boolean created) {
    }

    /** How a refund was settled with the provider. */
    public enum Settlement {
        /** the provider had not been paid yet: its next payout is that much less */
        REDUCED_PAYOUT,
        /** the provider had been paid (or is in a run already): it owes the money back */
        OWED_BACK
    }

    public record ProviderRefund(long id, String idempotencyKey, String chargeIdempotencyKey, long accountId, Money amount,
                                 LocalDate on, Settlement settlement, boolean created) {
    }

    /**
     * What the account can cover now: the balance today (money received), less what is already
     * promised (money set to leave later), and when the next payment lands and how much it is
     * (null when none is coming).
     */
    public record Affordability(long accountId, Money balance, Money promised, Money available, LocalDate nextPaymentDate,
                                Money nextPayment, LocalDate today) {

        public boolean covers(Money amount) {
            return !amount.isGreaterThan(available);
        }

        /** In plain English (pages say it in the reader's language from the fields). */
        public String inWords() {
            String there = "The account has " + available.formatWithPence() + " to spend now";
            String next = nextPaymentDate == null ? "; no further payment is due." : "; the next payment of "
                    + nextPayment.formatWithPence() + " arrives on " + DAY.format(nextPaymentDate) + ".";
            return there + next;
        }
    }

    /** The account cannot cover the amount: says what is there and when the next payment lands (422, rule NOT_ENOUGH_MONEY). */
    public static class NotEnoughMoneyException extends RuleRefusal {

        private final transient Affordability affordability;
        private final Money asked;

        public NotEnoughMoneyException(Affordability affordability, Money asked) {
            super("NOT_ENOUGH_MONEY", "The account cannot cover " + asked.formatWithPence() + ". " + affordability.inWords(),
                    affordability.nextPaymentDate() == null ? null
                            : "Agree it on or after " + DAY.format(affordability.nextPaymentDate()) + ", when the next payment has arrived.");
            this.affordability = affordability;
            this.asked = asked;
        }

        public Affordability affordability() {
            return affordability;
        }

        public Money asked() {
            return asked;
        }
    }

    /**
     * Spending from a person's account to a provider: on the account's ledger now, paid to the
     * provider by the council's next payment run (one payment a provider a run). Idempotent by key.
     *
     * @throws NotEnoughMoneyException when the account cannot cover it (nothing is written)
     */
    @Transactional
    public ProviderCharge charge(ProviderChargeRequest request) {
        Optional<ProviderCharge> before = charges.findCharge(request.idempotencyKey());
        if (before.isPresent()) {
            return sameCharge(before.get(), request);
        }
        validate(request);
        Account account = accounts.account(request.accountId()).filter(a -> a.councilId() == request.councilId())
                .orElseThrow(NotFound::new);
        if (account.status() != AccountStatus.OPEN) {
            throw new Conflict("This direct payment account is " + account.status().name().toLowerCase(Locale.ROOT)
                    + ", so nothing can be paid from it.");
        }
        charges.lockAccount(account.id()); // one charge at a time per account: nothing is promised twice
        before = charges.findCharge(request.idempotencyKey());
        if (before.isPresent()) {
            return sameCharge(before.get(), request);
        }
        Affordability affordable = affordability(account.id());
        if (!affordable.covers(request.amount())) {
            throw new NotEnoughMoneyException(affordable, request.amount());
        }
        Posting.BudgetLineRef line = null;
        Long planVersion = null;
        if (request.budgetLinePosition() != null) {
            planVersion = charges.planVersionOn(account, request.on()).orElse(null);
            if (planVersion == null || !charges.budgetLineExists(planVersion, request.budgetLinePosition())) {
                throw new ValidationProblem(List.of(new FormError("budgetLinePosition",
                        "Choose a line of the plan in force on " + DAY.format(request.on()))));
            }
            line = new Posting.BudgetLineRef(planVersion, request.budgetLinePosition());
        }
        String description = "Paid to " + request.organizationName() + ": " + request.description();
        ledger.post(Posting.spending(account.councilId(), CHARGE_KEY + request.idempotencyKey(), account.id(), request.amount(),
                request.on(), description.length() > 500 ? description.substring(0, 500) : description).from(line));
        long id = charges.insertCharge(request, planVersion, AuditTrail.currentActor());
        audit.record(account.councilId(), "provider_charge", id, AuditAction.CREATE, null, AuditTrail.values(
                "accountId", account.id(), "organizationId", request.organizationId().toString(),
                "organization", request.organizationName(), "amount", request.amount().formatWithPence(),
                "on", request.on().toString(), "description", request.description(),
                "reference", request.remittanceReference()));
        return charges.findCharge(request.idempotencyKey()).map(c -> withCreated(c, true)).orElseThrow();
    }

    /**
     * Money back to the account for (part of) an earlier charge: a ledger entry; the provider's
     * next payout is reduced if it has not been paid yet, else it is recorded as owed back.
     * Idempotent by key.
     */
    @Transactional
    public ProviderRefund refund(ProviderRefundRequest request) {
        Optional<ProviderRefund> before = charges.findRefund(request.idempotencyKey());
        if (before.isPresent()) {
            return before.get();
        }
        if (request.amount() == null || !request.amount().isGreaterThan(Money.ZERO)) {
            throw new ValidationProblem(List.of(new FormError("amount", "Enter a refund of more than £0")));
        }
        requireText("description", request.description(), 500);
        ProviderCharge charge = charges.findCharge(request.chargeIdempotencyKey())
                .filter(c -> c.councilId() == request.councilId()).orElseThrow(NotFound::new);
        charges.lockCharge(charge.id());
        before = charges.findRefund(request.idempotencyKey());
        if (before.isPresent()) {
            return before.get();
        }
        charge = charges.findCharge(request.chargeIdempotencyKey()).orElseThrow();
        Money left = charge.amount().minus(charge.refunded());
        if (request.amount().isGreaterThan(left)) {
            throw new ValidationProblem(List.of(new FormError("amount", "At most " + left.formatWithPence()
                    + " of this charge can be refunded")));
        }
        Settlement settlement = charges.selectedForPayout(charge.id()) ? Settlement.OWED_BACK : Settlement.REDUCED_PAYOUT;
        Posting.BudgetLineRef line = charges.budgetLine(charge.id())
                .map(l -> new Posting.BudgetLineRef(l[0], (int) l[1])).orElse(null);
        String description = "Refund from " + charge.organizationName() + ": " + request.description();
        ledger.post(new Posting(charge.councilId(), REFUND_KEY + request.idempotencyKey(), LedgerKind.SPENDING, request.on(),
                description.length() > 500 ? description.substring(0, 500) : description,
                List.of(new Posting.Leg(Book.SPENDING, charge.accountId(), request.amount().negate()),
                        new Posting.Leg(Book.ACCOUNT, charge.accountId(), request.amount())), line));
        long id = charges.insertRefund(request, charge.id(), settlement, AuditTrail.currentActor());
        audit.record(charge.councilId(), "provider_refund", id, AuditAction.CREATE, null, AuditTrail.values(
                "accountId", charge.accountId(), "chargeId", charge.id(), "organization", charge.organizationName(),
                "amount", request.amount().formatWithPence(), "on", request.on().toString(), "settlement", settlement.name()));
        return charges.findRefund(request.idempotencyKey()).map(r -> new ProviderRefund(r.id(), r.idempotencyKey(),
                r.chargeIdempotencyKey(), r.accountId(), r.amount(), r.on(), r.settlement(), true)).orElseThrow();
    }

    /**
     * What the account can cover now: the balance today (money received) less what is already
     * promised, and the next payment's date and amount.
     */
    @Transactional(readOnly = true)
    public Affordability affordability(long accountId) {
        Accounts.Summary summary = accounts.summaryOf(accountId).orElseThrow(NotFound::new);
        Money available = summary.balance().minus(summary.committed());
        return new Affordability(accountId, summary.balance(), summary.committed(),
                available.isLessThan(Money.ZERO) ? Money.ZERO : available,
                summary.nextPaymentDate(), summary.nextPayment(), summary.today());
    }

    /** The charge made with this key, if there is one (of this council). */
    @Transactional(readOnly = true)
    public Optional<ProviderCharge> findCharge(long councilId, String idempotencyKey) {
        return charges.findCharge(idempotencyKey).filter(c -> c.councilId() == councilId);
    }

    private ProviderCharge sameCharge(ProviderCharge before, ProviderChargeRequest request) {
        if (before.accountId() != request.accountId() || !before.amount().equals(request.amount())
                || !before.organizationId().equals(request.organizationId())) {
            throw new Conflict("This idempotency key was used for a different charge.");
        }
        return before;
    }

    private static ProviderCharge withCreated(ProviderCharge c, boolean created) {
        return new ProviderCharge(c.id(), c.idempotencyKey(), c.councilId(), c.accountId(), c.organizationId(),
                c.organizationName(), c.amount(), c.on(), c.description(), c.remittanceReference(), c.refunded(),
                c.paidToProvider(), created);
    }

    private static void validate(ProviderChargeRequest r) {
        List<FormError> errors = new java.util.ArrayList<>();
        if (r.idempotencyKey() == null || r.idempotencyKey().isBlank() || r.idempotencyKey().length() > 150) {
            errors.add(new FormError("idempotencyKey", "Give a key of 1 to 150 characters"));
        }
        if (r.amount() == null || !r.amount().isGreaterThan(Money.ZERO) || r.amount().isGreaterThan(Money.ofPence(100_000_000))) {
            errors.add(new FormError("amountPence", "Enter an amount between £0.01 and £1,000,000"));
        }
        if (r.organizationId() == null) {
            errors.add(new FormError("organizationId", "Say which provider is paid"));
        }
        if (r.on() == null) {
            errors.add(new FormError("on", "Give the day the money is spent"));
        }
        addText(errors, "organizationName", r.organizationName(), 200);
        addText(errors, "description", r.description(), 400);
        addText(errors, "remittanceReference", r.remittanceReference(), 100);
        if (r.outcome() != null && (r.outcome().isBlank() || r.outcome().length() > 1000)) {
            errors.add(new FormError("outcome", "Give the outcome in 1 to 1000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationProblem(errors);
        }
    }

    private static void requireText(String field, String value, int max) {
        List<FormError> errors = new java.util.ArrayList<>();
        addText(errors, field, value, max);
        if (!errors.isEmpty()) {
            throw new ValidationProblem(errors);
        }
    }

    private static void addText(List<FormError> errors, String field, String value, int max) {
        if (value == null || value.isBlank() || value.length() > max) {
            errors.add(new FormError(field, "Enter " + field + " in 1 to " + max + " characters"));
        } else if (value.indexOf('<') >= 0 || value.indexOf('>') >= 0) {
            errors.add(new FormError(field, field + " must not contain < or >"));
        }
    }
}
