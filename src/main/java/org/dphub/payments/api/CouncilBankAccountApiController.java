package org.dphub.payments.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.dphub.payments.BankAccounts;
import org.dphub.payments.BankDetails;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The council's own accounts: COUNCIL_ACCOUNT (payments come from it) and CARD_PROVIDER (prepaid cards are loaded there). */
@RestController
@RequestMapping("/api/v1/council-bank-accounts")
@Tag(name = "Money")
class CouncilBankAccountApiController {

    private final BankAccounts bankAccounts;
    private final MessageSource messages;

    CouncilBankAccountApiController(BankAccounts bankAccounts, MessageSource messages) {
        this.bankAccounts = bankAccounts;
        this.messages = messages;
    }

    @PutMapping("/{which}")
    @PreAuthorize("hasRole('FINANCE')")
    @Operation(summary = "Record the council's paying account (COUNCIL_ACCOUNT) or prepaid card provider's account (CARD_PROVIDER)")
    AccountApiController.BankDetailsJson put(SignedInUser finance, @PathVariable String which,
                                             @RequestBody AccountApiController.BankDetailsJson body) {
        BankAccounts.CouncilAccount account = parse(which);
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        BankDetails details = BankDetails.read(errors, body.accountName(), body.sortCode(), body.accountNumber(), body.reference());
        errors.throwIfAny();
        return AccountApiController.BankDetailsJson.of(bankAccounts.recordCouncilAccount(finance, account, details));
    }

    @GetMapping("/{which}")
    @PreAuthorize("hasRole('FINANCE')")
    @Operation(summary = "The council's account in use")
    AccountApiController.BankDetailsJson get(SignedInUser finance, @PathVariable String which) {
        return bankAccounts.councilAccount(finance, parse(which)).map(AccountApiController.BankDetailsJson::of)
                .orElseThrow(NotFound::new);
    }

    private static BankAccounts.CouncilAccount parse(String which) {
        try {
            return BankAccounts.CouncilAccount.valueOf(which);
        } catch (IllegalArgumentException e) {
            throw new NotFound();
        }
    }
}
