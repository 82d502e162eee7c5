package org.dphub.payments.web;

import java.util.Locale;
import java.util.Optional;
import org.dphub.payments.BankAccounts;
import org.dphub.payments.BankDetails;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Finance records the council's own accounts: the one payments come from and the prepaid card provider's. */
@Controller
class CouncilBankAccountPages {

    private final BankAccounts bankAccounts;
    private final MessageSource messages;

    CouncilBankAccountPages(BankAccounts bankAccounts, MessageSource messages) {
        this.bankAccounts = bankAccounts;
        this.messages = messages;
    }

    @GetMapping("/council-bank-accounts")
    String show(SignedInUser finance, @RequestParam(defaultValue = "") String done, Model model) {
        model.addAttribute("council", bankAccounts.councilAccount(finance, BankAccounts.CouncilAccount.COUNCIL_ACCOUNT));
        model.addAttribute("card", bankAccounts.councilAccount(finance, BankAccounts.CouncilAccount.CARD_PROVIDER));
        model.addAttribute("done", done);
        return "payments/council-bank-accounts";
    }

    @GetMapping("/council-bank-accounts/{which}")
    String form(SignedInUser finance, @PathVariable String which, Model model, Locale locale) {
        BankAccounts.CouncilAccount account = parse(which);
        Optional<BankDetails> current = bankAccounts.councilAccount(finance, account);
        return showForm(model, account, current.map(BankDetails::accountName).orElse(""),
                current.map(BankDetails::sortCodeForPeople).orElse(""), current.map(BankDetails::accountNumber).orElse(""),
                new FormErrors(messages, locale));
    }

    @PostMapping("/council-bank-accounts/{which}")
    String save(SignedInUser finance, @PathVariable String which, @RequestParam(defaultValue = "") String accountName,
                @RequestParam(defaultValue = "") String sortCode, @RequestParam(defaultValue = "") String accountNumber,
                Model model, Locale locale) {
        BankAccounts.CouncilAccount account = parse(which);
        FormErrors errors = new FormErrors(messages, locale);
        BankDetails details = BankDetails.read(errors, accountName, sortCode, accountNumber, null);
        if (details == null) {
            return showForm(model, account, accountName, sortCode, accountNumber, errors);
        }
        bankAccounts.recordCouncilAccount(finance, account, details);
        return "redirect:/council-bank-accounts?done=saved";
    }

    private String showForm(Model model, BankAccounts.CouncilAccount which, String name, String sort, String number,
                            FormErrors errors) {
        model.addAttribute("which", which);
        model.addAttribute("accountName", name);
        model.addAttribute("sortCode", sort);
        model.addAttribute("accountNumber", number);
        model.addAttribute("errors", errors);
        return "payments/council-bank-account";
    }

    private static BankAccounts.CouncilAccount parse(String which) {
        try {
            return BankAccounts.CouncilAccount.valueOf(which);
        } catch (IllegalArgumentException e) {
            throw new NotFound();
        }
    }
}
