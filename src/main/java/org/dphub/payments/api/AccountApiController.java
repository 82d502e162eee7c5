package org.dphub.payments.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.dphub.payments.Accounts;
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

    record AccountJson(long id, long citizenId, Long directPaymentId, AccountType type, AccountStatus status,
                       LocalDate openedOn, long balancePence, long committedPence, long surplusPence,
                       int surplusWeeks, long surplusKeepPence, long weeklyBudgetPence, LocalDate nextPaymentDate,
                       Long nextPaymentPence) {
        static AccountJson of(Accounts.Summary s) {
            var a = s.account();
            return new AccountJson(a.id(), a.citizenId(), a.directPaymentId(), a.type(), a.status(), a.openedOn(),
                    s.balance().pence(), s.committed().pence(), s.surplus().surplus().pence(), s.surplus().surplusWeeks(),
                    s.surplus().keep().pence(), s.surplus().weeklyBudget().pence(), s.nextPaymentDate(),
                    s.nextPayment() == null ? null : s.nextPayment().pence());
        }
    }

    record LedgerEntryJson(long id, LocalDate postedOn, LedgerKind kind, long amountPence, String description) {
        static LedgerEntryJson of(LedgerEntry e) {
            return new LedgerEntryJson(e.transactionId(), e.postedOn(), e.kind(), e.amount().pence(), e.description());
        }
    }

    private final Accounts accounts;

    AccountApiController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    @Operation(summary = "A citizen's accounts (staff of their council, the citizen, their representatives)")
    List<AccountJson> forCitizen(SignedInUser user, @RequestParam long citizenId) {
        return accounts.forCitizen(user, citizenId).stream().map(AccountJson::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "An account: balance (the sum of its ledger entries), surplus, next payment")
    AccountJson get(SignedInUser user, @PathVariable long id) {
        return accounts.find(user, id).map(AccountJson::of).orElseThrow(NotFound::new);
    }

    @GetMapping("/{id}/ledger")
    @Operation(summary = "Every movement of money in and out of the account, oldest first")
    List<LedgerEntryJson> ledger(SignedInUser user, @PathVariable long id) {
        return accounts.ledger(user, id).stream().map(LedgerEntryJson::of).toList();
    }
}
