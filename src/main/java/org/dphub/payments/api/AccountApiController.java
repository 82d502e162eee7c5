package org.dphub.payments.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.net.URI;
import java.util.Locale;
import org.dphub.payments.Accounts;
import org.dphub.payments.BankAccounts;
import org.dphub.payments.BankDetails;
import org.dphub.payments.SurplusRecoveries;
import org.dphub.payments.SurplusRecovery;
import org.dphub.shared.Money;
import org.dphub.web.FormErrors;
import org.dphub.web.JsonInput;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.dphub.payments.AccountStatus;
import org.dphub.payments.LedgerEntry;
import org.dphub.payments.LedgerKind;
import org.dphub.plans.AccountType;
import org.dphub.shared.SignedInUser;
import org.dphub.web.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/accounts")
@Tag(name = "Money")
class AccountApiController {

    /**
     * {@code balancePence} is the money in the account today; money a run has sent for a later day
     * is in {@code onItsWay} (and {@code onItsWayPence}), never in the balance or the surplus.
     */
    record AccountJson(long id, long citizenId, Long directPaymentId, AccountType type, AccountStatus status,
                       LocalDate openedOn, LocalDate balanceOn, long balancePence, long onItsWayPence,
                       List<OnItsWayJson> onItsWay, long committedPence, long surplusPence,
                       int surplusWeeks, long surplusKeepPence, long weeklyBudgetPence, LocalDate nextPaymentDate,
                       Long nextPaymentPence) {
        static AccountJson of(Accounts.Summary s) {
            var a = s.account();
            return new AccountJson(a.id(), a.citizenId(), a.directPaymentId(), a.type(), a.status(), a.openedOn(),
                    s.today(), s.balance().pence(), s.onItsWayTotal().pence(),
                    s.onItsWay().stream().map(w -> new OnItsWayJson(w.on(), w.amount().pence())).toList(),
                    s.committed().pence(), s.surplus().surplus().pence(), s.surplus().surplusWeeks(),
                    s.surplus().keep().pence(), s.surplus().weeklyBudget().pence(), s.nextPaymentDate(),
                    s.nextPayment() == null ? null : s.nextPayment().pence());
        }
    }

    /** Money arriving on a later day. */
    record OnItsWayJson(LocalDate date, long amountPence) {
    }

    /** {@code onItsWay}: posted for a day after today, so not in the balance yet. */
    record LedgerEntryJson(long id, LocalDate postedOn, LedgerKind kind, long amountPence, String description, String budgetLine,
                           boolean onItsWay) {
        static LedgerEntryJson of(LedgerEntry e, LocalDate today) {
            return new LedgerEntryJson(e.transactionId(), e.postedOn(), e.kind(), e.amount().pence(), e.description(), e.budgetLine(),
                    e.isAfter(today));
        }
    }

    record RecoveryJson(Object amountPence, String reason) {
    }

    record RecoveryResultJson(long id, long accountId, long amountPence, long surplusBeforePence, String reason,
                              LocalDate recoveredOn, String proposedBy, String ledgerKey, String letterLanguage, String letter) {
        static RecoveryResultJson of(SurplusRecovery r) {
            return new RecoveryResultJson(r.id(), r.accountId(), r.amount().pence(), r.surplusBefore().pence(), r.reason(),
                    r.recoveredOn(), r.proposedBy(), r.idempotencyKey(), r.letterLocale().getLanguage(), r.letter());
        }
    }

    record BankDetailsJson(String accountName, String sortCode, String accountNumber, String reference) {
        static BankDetailsJson of(BankDetails d) {
            return new BankDetailsJson(d.accountName(), d.sortCodeForPeople(), d.accountNumber(), d.reference());
        }
    }

    private final Accounts accounts;
    private final SurplusRecoveries recoveries;
    private final BankAccounts bankAccounts;
    private final MessageSource messages;

    AccountApiController(Accounts accounts, SurplusRecoveries recoveries, BankAccounts bankAccounts, MessageSource messages) {
        this.accounts = accounts;
        this.recoveries = recoveries;
        this.bankAccounts = bankAccounts;
        this.messages = messages;
    }

    @PostMapping("/{id}/surplus-recoveries")
    @PreAuthorize("hasRole('FINANCE')")
    @Operation(summary = "Recover money left over (at most the surplus); the person gets a letter explaining it. "
            + "Send an Idempotency-Key header to make a retry safe.")
    ResponseEntity<RecoveryResultJson> recover(SignedInUser finance, @PathVariable long id, @RequestBody RecoveryJson body,
                                               @RequestHeader(name = "Idempotency-Key", required = false) String requestKey) {
        accounts.find(finance, id).orElseThrow(NotFound::new);
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        Long pence = JsonInput.pence(body.amountPence(), "amountPence", errors);
        if (body.amountPence() == null) {
            errors.reject("amountPence", "money.error.empty");
        } else if (pence != null && pence <= 0) {
            errors.reject("amountPence", "money.error.zero");
        } else if (pence != null && pence > 100_000_000L) {
            errors.reject("amountPence", "plans.error.money.too-large");
        }
        String reason = errors.text("reason", body.reason(), 1000, true, "recovery.label.reason");
        if (requestKey != null && (requestKey.isBlank() || requestKey.length() > 100)) {
            errors.reject("Idempotency-Key", "recovery.error.key");
        }
        errors.throwIfAny();
        SurplusRecoveries.Recovered done = recoveries.recover(finance, id, Money.ofPence(pence), reason, requestKey);
        return ResponseEntity.status(done.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .location(URI.create("/api/v1/accounts/" + id + "/surplus-recoveries/" + done.recovery().id()))
                .body(RecoveryResultJson.of(done.recovery()));
    }

    @GetMapping("/{id}/surplus-recoveries")
    @Operation(summary = "Money left over taken back from the account, newest first, with the letter each time")
    List<RecoveryResultJson> recoveries(SignedInUser user, @PathVariable long id) {
        return recoveries.forAccount(user, id).stream().map(RecoveryResultJson::of).toList();
    }

    @PutMapping("/{id}/bank-details")
    @PreAuthorize("hasAnyRole('FINANCE', 'DP_TEAM')")
    @Operation(summary = "Where the account is paid (for a prepaid card or managed account, the provider's account and "
            + "the person's reference); the previous details are kept")
    BankDetailsJson putBankDetails(SignedInUser staff, @PathVariable long id, @RequestBody BankDetailsJson body) {
        accounts.find(staff, id).orElseThrow(NotFound::new);
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        BankDetails details = BankDetails.read(errors, body.accountName(), body.sortCode(), body.accountNumber(), body.reference());
        errors.throwIfAny();
        return BankDetailsJson.of(bankAccounts.record(staff, id, details));
    }

    @GetMapping("/{id}/bank-details")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Where the account is paid now")
    BankDetailsJson bankDetails(SignedInUser staff, @PathVariable long id) {
        return bankAccounts.current(staff, id).map(BankDetailsJson::of).orElseThrow(NotFound::new);
    }

    @GetMapping
    @Operation(summary = "A citizen's accounts (staff of their council, the citizen, their representatives)")
    List<AccountJson> forCitizen(SignedInUser user, @RequestParam long citizenId) {
        return accounts.forCitizen(user, citizenId).stream().map(AccountJson::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "An account: the money in it today (the sum of its ledger entries up to today), money on its way "
            + "for later days, surplus (from the money received), next payment")
    AccountJson get(SignedInUser user, @PathVariable long id) {
        return accounts.find(user, id).map(AccountJson::of).orElseThrow(NotFound::new);
    }

    @GetMapping("/{id}/ledger")
    @Operation(summary = "Every movement of money in and out of the account, oldest first")
    List<LedgerEntryJson> ledger(SignedInUser user, @PathVariable long id) {
        LocalDate today = accounts.today();
        return accounts.ledger(user, id).stream().map(e -> LedgerEntryJson.of(e, today)).toList();
    }
}
