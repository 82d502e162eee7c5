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
import org.dphub.shared.database.Reads;
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
 * never reads the directory.
 *
 * <p>A charge is paid <b>from the person's next regular payment</b>, never from money the person
 * already holds: the council has paid that out to the person's own account (or card, or managed
 * account) and cannot pay it a second time. When it is agreed, the charge is spending on the
 * account's ledger dated the day of that next payment (so it is on the ledger at once, "going out
 * on 10 December", and today's balance, the money the person holds, is untouched). The council's
 * payment run that pays the person <b>nets</b> it: the person is paid their payment less the
 * charges (the ledger's payment in full less the charge is what reaches their bank, and the bank
 * statement's line matches it), and the provider is paid once a run (the sum of its people's parts,
 * with a remittance CSV of each part by its reference) — or, if it has not given bank details yet,
 * by a later run, the council holding the money for it. A refund before a run has taken the charge
 * is on the ledger at once (less comes off the payment); after, the council's next run pays the
 * person back and the provider owes the council.
 */
@Service
public class ProviderPayments {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    static final String CHARGE_KEY = "provider-charge:";
    static final String REFUND_KEY = "provider-refund:";

    private final ProviderChargeRepository charges;
    private final Accounts accounts;
    private final Ledger ledger;
    private final AuditTrail audit;

    ProviderPayments(ProviderChargeRepository charges, Accounts accounts, Ledger ledger, AuditTrail audit) {
        this.ledger = ledger;
        this.charges = charges;
        this.accounts = accounts;
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
     * What can be paid to providers from the account: its next regular payment less what is already
     * promised against it ({@code available}; nothing when no payment is coming), when that payment
     * lands and how much it is (null when none is coming). {@code balance}, the money received by
     * today, is the person's to spend themselves: the council cannot pay it out again.
     */
    public record Affordability(long accountId, Money balance, Money promised, Money available, LocalDate nextPaymentDate,
                                Money nextPayment, LocalDate today) {

        public boolean covers(Money amount) {
            return !amount.isGreaterThan(available);
        }

        /** In plain English (pages say it in the reader's language from the fields). */
        public String inWords() {
            if (nextPaymentDate == null) {
                return "No further payment is due to this account, so nothing can be paid to a provider from it.";
            }
            return "Up to " + available.formatWithPence() + " can be paid to providers from the next payment of "
                    + nextPayment.formatWithPence() + " on " + DAY.format(nextPaymentDate) + ".";
        }
    }

    /** The account cannot cover the amount: says what is there and when the next payment lands (422, rule NOT_ENOUGH_MONEY). */
    public static class NotEnoughMoneyException extends RuleRefusal {

        private final transient Affordability affordability;
        private final Money asked;

        public NotEnoughMoneyException(Affordability affordability, Money asked) {
            super("NOT_ENOUGH_MONEY", "The next payment cannot cover " + asked.formatWithPence() + ". " + affordability.inWords(),
                    affordability.nextPaymentDate() == null ? null
                            : asked.isGreaterThan(affordability.nextPayment())
                            ? "It is more than one payment: ask the provider to split it into parts of "
                                    + affordability.nextPayment().formatWithPence() + " or less."
                            : "Agree it after " + DAY.format(affordability.nextPaymentDate())
                                    + ", when it can be paid from the payment after that.");
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
     * Spending from a person's account to a provider, paid from the account's next regular payment:
     * on the ledger now, dated that payment's day; the council's next payment run takes it off the
     * person's payment and pays the provider (one payment a provider a run). Idempotent by key.
     *
     * @throws NotEnoughMoneyException when the next payment cannot cover it (nothing is written)
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
        Long planVersion = null;
        if (request.budgetLinePosition() != null) {
            planVersion = charges.planVersionOn(account, request.on()).orElse(null);
            if (planVersion == null || !charges.budgetLineExists(planVersion, request.budgetLinePosition())) {
                throw new ValidationProblem(List.of(new FormError("budgetLinePosition",
                        "Choose a line of the plan in force on " + DAY.format(request.on()))));
            }
        }
        Posting.BudgetLineRef line = planVersion == null ? null : new Posting.BudgetLineRef(planVersion, request.budgetLinePosition());
        String description = "Paid to " + request.organizationName() + ": " + request.description();
        // on the ledger now, leaving with the next payment (the day the run takes it off that payment)
        ledger.post(Posting.spending(account.councilId(), CHARGE_KEY + request.idempotencyKey(), account.id(), request.amount(),
                later(affordable.nextPaymentDate(), affordable.today()), description.length() > 500 ? description.substring(0, 500) : description).from(line));
        long id = charges.insertCharge(request, planVersion, AuditTrail.currentActor());
        audit.record(account.councilId(), "provider_charge", id, AuditAction.CREATE, null, AuditTrail.values(
                "accountId", account.id(), "organizationId", request.organizationId().toString(),
                "organization", request.organizationName(), "amount", request.amount().formatWithPence(),
                "on", request.on().toString(), "description", request.description(),
                "reference", request.remittanceReference()));
        return charges.findCharge(request.idempotencyKey()).map(c -> withCreated(c, true)).orElseThrow();
    }

    /**
     * Money back for (part of) an earlier charge. If no run has taken the charge yet, less is
     * promised (and the provider is paid less); once a run has taken it, the council's next run
     * pays the person back (on the ledger as spending reversed when that run is approved) and the
     * provider owes the council. Idempotent by key.
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
        Settlement settlement = charges.takenByRun(charge.id()) ? Settlement.OWED_BACK : Settlement.REDUCED_PAYOUT;
        if (settlement == Settlement.REDUCED_PAYOUT) {
            // no run has taken it: less comes off the payment, and the ledger says so now, on the same day
            Posting.BudgetLineRef line = charges.budgetLine(charge.id())
                    .map(l -> new Posting.BudgetLineRef(l[0], (int) l[1])).orElse(null);
            LocalDate day = ledger.paidOn(CHARGE_KEY + charge.idempotencyKey()).filter(d -> d.isAfter(request.on()))
                    .orElse(request.on());
            String description = "Refund from " + charge.organizationName() + ": " + request.description();
            ledger.post(new Posting(charge.councilId(), REFUND_KEY + request.idempotencyKey(), LedgerKind.SPENDING, day,
                    description.length() > 500 ? description.substring(0, 500) : description,
                    List.of(new Posting.Leg(Book.SPENDING, charge.accountId(), request.amount().negate()),
                            new Posting.Leg(Book.ACCOUNT, charge.accountId(), request.amount())), line));
        }
        // taken by a run already: the council's next run pays the person back (posted when it is approved)
        long id = charges.insertRefund(request, charge.id(), settlement, AuditTrail.currentActor());
        audit.record(charge.councilId(), "provider_refund", id, AuditAction.CREATE, null, AuditTrail.values(
                "accountId", charge.accountId(), "chargeId", charge.id(), "organization", charge.organizationName(),
                "amount", request.amount().formatWithPence(), "on", request.on().toString(), "settlement", settlement.name()));
        return charges.findRefund(request.idempotencyKey()).map(r -> new ProviderRefund(r.id(), r.idempotencyKey(),
                r.chargeIdempotencyKey(), r.accountId(), r.amount(), r.on(), r.settlement(), true)).orElseThrow();
    }

    /**
     * What can be paid to providers from the account: its next regular payment (the first not yet
     * paid by an approved run) less the charges promised against it (not taken by a run, or taken
     * by a run not approved yet), and that payment's date and amount.
     */
    @Transactional(readOnly = true)
    public Affordability affordability(long accountId) {
        Accounts.Summary summary = accounts.summaryOf(accountId).orElseThrow(NotFound::new);
        Money promised = summary.nextPaymentToProviders();
        Money available = summary.nextPayment() == null ? Money.ZERO : summary.nextPayment().minus(promised);
        return new Affordability(accountId, summary.balance(), promised,
                available.isLessThan(Money.ZERO) ? Money.ZERO : available,
                summary.nextPaymentDate(), summary.nextPayment(), summary.today());
    }

    /** The charge made with this key, if there is one (of this council). */
    @Transactional(readOnly = true)
    public Optional<ProviderCharge> findCharge(long councilId, String idempotencyKey) {
        return charges.findCharge(idempotencyKey).filter(c -> c.councilId() == councilId);
    }

    /** What {@link #findCharge} will read, to send with a page's other reads. */
    public void readAheadCharge(String idempotencyKey, Reads.Together reads) {
        reads.add(charges.findChargeRead(idempotencyKey));
    }

    /** A payment due on a day gone by that no run has paid yet is paid when the next run is approved: today at the soonest. */
    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
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
