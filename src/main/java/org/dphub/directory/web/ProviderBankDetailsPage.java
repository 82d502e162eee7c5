package org.dphub.directory.web;

import java.util.Locale;
import org.dphub.directory.PaymentRequests;
import org.dphub.payments.BankAccounts;
import org.dphub.payments.BankDetails;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where the council pays the provider (issue 15): checked as the council's own accounts are
 * (sort code, account number, reference), recorded by payments with the audit, and shown back by
 * the last four digits only.
 */
@Controller
class ProviderBankDetailsPage {

    record BankForm(String accountName, String sortCode, String accountNumber, String reference) {
    }

    private final PaymentRequests requests;
    private final BankAccounts bankAccounts;
    private final MessageSource messages;

    ProviderBankDetailsPage(PaymentRequests requests, BankAccounts bankAccounts, MessageSource messages) {
        this.requests = requests;
        this.bankAccounts = bankAccounts;
        this.messages = messages;
    }

    @GetMapping("/provider/bank-details")
    String show(SignedInUser provider, @RequestParam(defaultValue = "") String saved, Model model, Locale locale) {
        model.addAttribute("saved", !saved.isEmpty());
        return page(provider, model, new BankForm("", "", "", ""), new FormErrors(messages, locale));
    }

    @PostMapping("/provider/bank-details")
    String save(SignedInUser provider, @ModelAttribute BankForm form, Model model, Locale locale) {
        PaymentRequests.Provider org = requests.providerOf(provider);
        FormErrors errors = new FormErrors(messages, locale);
        BankDetails details = BankDetails.read(errors, form.accountName(), form.sortCode(), form.accountNumber(), form.reference());
        if (details == null) {
            model.addAttribute("saved", false);
            return page(provider, model, form, errors);
        }
        bankAccounts.recordProviderAccount(provider, org.councilId(), org.organizationId(), org.name(), details);
        return "redirect:/provider/bank-details?saved=true";
    }

    private String page(SignedInUser provider, Model model, BankForm form, FormErrors errors) {
        PaymentRequests.Provider org = requests.providerOf(provider);
        model.addAttribute("provider", org);
        model.addAttribute("current", bankAccounts.providerAccount(org.organizationId()).orElse(null));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "directory/provider-bank-details";
    }
}
