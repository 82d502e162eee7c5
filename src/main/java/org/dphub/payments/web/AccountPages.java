package org.dphub.payments.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dphub.payments.Accounts;
import org.dphub.payments.BankAccounts;
import org.dphub.payments.BankDetails;
import org.dphub.payments.LedgerEntry;
import org.dphub.payments.SurplusRecoveries;
import org.dphub.payments.SurplusRecovery;
import org.dphub.people.Citizens;
import org.dphub.shared.Money;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.dphub.web.ValidationProblem;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An account as council staff see it: balance and surplus with the working, the schedule and its
 * changes, where it is paid, every movement, and recoveries with their letters. Finance and the
 * direct payments team change where it is paid; finance recovers money left over.
 */
@Controller
class AccountPages {

    static final int SHOWN = 50;

    private final Accounts accounts;
    private final BankAccounts bankAccounts;
    private final SurplusRecoveries recoveries;
    private final Citizens citizens;
    private final MessageSource messages;
    private final ManagedAccountProviderNames managedAccountProviders;

    AccountPages(Accounts accounts, BankAccounts bankAccounts, SurplusRecoveries recoveries, Citizens citizens,
                 MessageSource messages, ManagedAccountProviderNames managedAccountProviders) {
        this.managedAccountProviders = managedAccountProviders;
        this.accounts = accounts;
        this.bankAccounts = bankAccounts;
        this.recoveries = recoveries;
        this.citizens = citizens;
        this.messages = messages;
    }

    private Accounts.Summary summary(SignedInUser staff, long id) {
        return accounts.find(staff, id).filter(s -> staff.isStaffOf(s.account().councilId())).orElseThrow(NotFound::new);
    }

    @GetMapping("/accounts/{id}")
    String show(SignedInUser staff, @PathVariable long id, @RequestParam(defaultValue = "") String done, Model model) {
        Accounts.Summary summary = summary(staff, id);
        List<LedgerEntry> newestFirst = new ArrayList<>(accounts.ledger(summary));
        int all = newestFirst.size();
        Collections.reverse(newestFirst);
        model.addAttribute("s", summary);
        model.addAttribute("citizen", citizens.find(staff, summary.account().citizenId()).orElseThrow(NotFound::new));
        model.addAttribute("payee", bankAccounts.payee(staff, id));
        model.addAttribute("managedProvider", managedAccountProviders.of(staff, List.of(summary.account())).get(summary.account().id()));
        model.addAttribute("entries", newestFirst.stream().limit(SHOWN).toList());
        model.addAttribute("moreEntries", Math.max(0, all - SHOWN));
        model.addAttribute("recoveries", recoveries.forAccount(staff, id));
        model.addAttribute("mayChangeBank", staff.has(Role.FINANCE) || staff.has(Role.DP_TEAM));
        model.addAttribute("mayRecover", staff.has(Role.FINANCE) && !summary.surplus().surplus().isZero());
        model.addAttribute("done", done);
        return "payments/account";
    }

    @GetMapping("/accounts/{id}/bank-details")
    String bankForm(SignedInUser staff, @PathVariable long id, Model model, Locale locale) {
        Accounts.Summary summary = summary(staff, id);
        Optional<BankDetails> current = bankAccounts.current(staff, id);
        return showBankForm(staff, model, summary, current.map(d -> d.accountName()).orElse(""),
                current.map(BankDetails::sortCodeForPeople).orElse(""), current.map(BankDetails::accountNumber).orElse(""),
                current.map(d -> d.reference() == null ? "" : d.reference()).orElse(""), new FormErrors(messages, locale));
    }

    @PostMapping("/accounts/{id}/bank-details")
    String saveBank(SignedInUser staff, @PathVariable long id, @RequestParam(defaultValue = "") String accountName,
                    @RequestParam(defaultValue = "") String sortCode, @RequestParam(defaultValue = "") String accountNumber,
                    @RequestParam(defaultValue = "") String reference, Model model, Locale locale) {
        Accounts.Summary summary = summary(staff, id);
        FormErrors errors = new FormErrors(messages, locale);
        BankDetails details = BankDetails.read(errors, accountName, sortCode, accountNumber, reference);
        if (details == null) {
            return showBankForm(staff, model, summary, accountName, sortCode, accountNumber, reference, errors);
        }
        bankAccounts.record(staff, id, details);
        return "redirect:/accounts/" + id + "?done=bank";
    }

    private String showBankForm(SignedInUser staff, Model model, Accounts.Summary summary, String name, String sort, String number, String reference,
                                FormErrors errors) {
        model.addAttribute("s", summary);
        model.addAttribute("citizen", citizens.find(staff, summary.account().citizenId()).orElseThrow(NotFound::new));
        model.addAttribute("accountName", name);
        model.addAttribute("sortCode", sort);
        model.addAttribute("accountNumber", number);
        model.addAttribute("reference", reference);
        model.addAttribute("errors", errors);
        return "payments/bank-details";
    }

    @GetMapping("/accounts/{id}/surplus-recoveries/new")
    String recoveryForm(SignedInUser finance, @PathVariable long id, Model model, Locale locale) {
        Accounts.Summary summary = summary(finance, id);
        return showRecoveryForm(finance, model, summary, summary.surplus().surplus().isZero() ? "" : summary.surplus().surplus().toPlainString(),
                "", new FormErrors(messages, locale));
    }

    @PostMapping("/accounts/{id}/surplus-recoveries/new")
    String recover(SignedInUser finance, @PathVariable long id, @RequestParam(defaultValue = "") String amount,
                   @RequestParam(defaultValue = "") String reason, Model model, Locale locale) {
        Accounts.Summary summary = summary(finance, id);
        FormErrors errors = new FormErrors(messages, locale);
        Money money = null;
        try {
            money = Money.parsePositive(amount);
        } catch (org.dphub.shared.InvalidMoneyException e) {
            errors.reject("amount", e.messageKey());
        }
        String why = errors.text("reason", reason, 1000, true, "recovery.label.reason");
        if (!errors.isEmpty()) {
            return showRecoveryForm(finance, model, summary, amount, reason, errors);
        }
        SurplusRecovery done;
        try {
            done = recoveries.recover(finance, id, money, why, null).recovery();
        } catch (ValidationProblem tooMuch) {
            errors.reject("amount", "recovery.error.too-much", summary(finance, id).surplus().surplus().formatWithPence());
            return showRecoveryForm(finance, model, summary(finance, id), amount, reason, errors);
        }
        return "redirect:/accounts/" + id + "?done=recovery-" + done.id();
    }

    private String showRecoveryForm(SignedInUser finance, Model model, Accounts.Summary summary, String amount, String reason, FormErrors errors) {
        model.addAttribute("s", summary);
        model.addAttribute("citizen", citizens.find(finance, summary.account().citizenId()).orElseThrow(NotFound::new));
        model.addAttribute("amount", amount);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        return "payments/recover";
    }
}
