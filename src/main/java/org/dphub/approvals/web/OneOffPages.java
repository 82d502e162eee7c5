package org.dphub.approvals.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dphub.approvals.OneOffPayment;
import org.dphub.approvals.OneOffPayments;
import org.dphub.approvals.OneOffReason;
import org.dphub.approvals.OneOffStatus;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.plans.AccountType;
import org.dphub.plans.CarePlans;
import org.dphub.shared.InvalidMoneyException;
import org.dphub.shared.Money;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.web.Conflict;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Connect and Enable: a practitioner raises a one-off payment for a person (approved on the spot
 * up to the council's limit); a budget holder decides the larger ones.
 */
@Controller
class OneOffPages {

    private final OneOffPayments payments;
    private final Citizens citizens;
    private final CarePlans plans;
    private final MessageSource messages;
    private final java.util.Optional<org.dphub.shared.AccountDirectory> accounts;

    OneOffPages(OneOffPayments payments, Citizens citizens, CarePlans plans, MessageSource messages,
                java.util.Optional<org.dphub.shared.AccountDirectory> accounts) {
        this.accounts = accounts;
        this.payments = payments;
        this.citizens = citizens;
        this.plans = plans;
        this.messages = messages;
    }

    @GetMapping("/citizens/{id}/one-off-payments/new")
    String form(SignedInUser practitioner, @PathVariable long id, Model model, Locale locale) {
        Citizen citizen = citizens.findForPractitioner(practitioner, id).orElseThrow(NotFound::new);
        return showForm(practitioner, model, citizen, Map.of(), new FormErrors(messages, locale));
    }

    @PostMapping("/citizens/{id}/one-off-payments/new")
    String request(SignedInUser practitioner, @PathVariable long id, @RequestParam Map<String, String> form, Model model,
                   Locale locale) {
        Citizen citizen = citizens.findForPractitioner(practitioner, id).orElseThrow(NotFound::new);
        FormErrors errors = new FormErrors(messages, locale);
        Money amount = null;
        try {
            amount = Money.parsePositive(form.getOrDefault("amount", ""));
            Money maximum = payments.oneOffMaximum(citizen.councilId());
            if (amount.isGreaterThan(maximum)) {
                errors.reject("amount", "oneoff.error.too-large", maximum.formatWithPence());
                amount = null;
            }
        } catch (InvalidMoneyException e) {
            errors.reject("amount", e.messageKey());
        }
        String purpose = errors.text("purpose", form.get("purpose"), 1000, true, "oneoff.label.purpose");
        String outcome = errors.text("outcome", form.get("outcome"), 1000, true, "oneoff.label.outcome");
        OneOffReason reason = null;
        try {
            reason = OneOffReason.valueOf(form.getOrDefault("reason", ""));
        } catch (IllegalArgumentException e) {
            errors.reject("reason", "oneoff.error.reason");
        }
        AccountType type = null;
        try {
            type = AccountType.chosenForDirectPayment(form.getOrDefault("accountType", ""));
        } catch (IllegalArgumentException e) {
            errors.reject("accountType", "oneoff.error.account-type");
        }
        if (!errors.isEmpty()) {
            return showForm(practitioner, model, citizen, form, errors);
        }
        OneOffPayment created = payments.request(practitioner,
                new OneOffPayments.NewOneOff(citizen.id(), amount, purpose, outcome, reason, type));
        return "redirect:/one-off-payments/" + created.id() + "?done=requested";
    }

    private String showForm(SignedInUser practitioner, Model model, Citizen citizen, Map<String, String> form, FormErrors errors) {
        model.addAttribute("citizen", citizen);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("reasons", OneOffReason.values());
        model.addAttribute("accountTypes", AccountType.forDirectPayments());
        model.addAttribute("limit", payments.selfApprovalLimit(citizen.councilId()));
        model.addAttribute("maximum", payments.oneOffMaximum(citizen.councilId()));
        model.addAttribute("outcomes", plans.plansOf(practitioner, citizen.id()).stream()
                .flatMap(p -> p.inForce().outcomes().stream()).distinct().toList());
        return "approvals/new-one-off";
    }

    static final int ASKED_PAGE_SIZE = 25;

    /**
     * A budget holder's one-off payments waiting for a decision; a practitioner's own one-off
     * payments, newest first, with where each is. Someone with both roles sees both.
     */
    @GetMapping("/one-off-payments")
    String awaiting(SignedInUser staff, @RequestParam(defaultValue = "1") int page, Model model) {
        boolean decides = staff.has(Role.BUDGET_HOLDER);
        boolean asks = staff.has(Role.PRACTITIONER);
        List<OneOffPayment> waiting = decides ? payments.awaitingDecision(staff) : List.of();
        int current = Math.max(1, page);
        OneOffPayments.Asked asked = asks ? payments.askedBy(staff, current - 1, ASKED_PAGE_SIZE) : new OneOffPayments.Asked(List.of(), 0);
        model.addAttribute("decides", decides);
        model.addAttribute("asks", asks);
        model.addAttribute("payments", waiting);
        model.addAttribute("asked", asked.payments());
        model.addAttribute("page", current);
        model.addAttribute("pages", (int) Math.max(1, (asked.total() + ASKED_PAGE_SIZE - 1) / ASKED_PAGE_SIZE));
        model.addAttribute("names", java.util.stream.Stream.concat(waiting.stream(), asked.payments().stream())
                .map(OneOffPayment::citizenId).distinct()
                .collect(java.util.stream.Collectors.toMap(c -> c, c -> citizens.find(staff, c).map(Citizen::fullName).orElse(""))));
        return "approvals/awaiting";
    }

    @GetMapping("/one-off-payments/{id}")
    String show(SignedInUser staff, @PathVariable long id, @RequestParam(defaultValue = "") String done, Model model,
                Locale locale) {
        OneOffPayment payment = payments.find(staff, id).filter(p -> staff.isStaffOf(p.councilId())).orElseThrow(NotFound::new);
        return showPayment(staff, model, payment, done, "", "", new FormErrors(messages, locale));
    }

    @PostMapping("/one-off-payments/{id}")
    String decide(SignedInUser budgetHolder, @PathVariable long id, @RequestParam(defaultValue = "") String decision,
                  @RequestParam(defaultValue = "") String reason, Model model, Locale locale) {
        OneOffPayment payment = payments.find(budgetHolder, id).filter(p -> budgetHolder.isStaffOf(p.councilId()))
                .orElseThrow(NotFound::new);
        if (!budgetHolder.has(Role.BUDGET_HOLDER)) {
            throw new AccessDeniedException("Only a budget holder decides");
        }
        FormErrors errors = new FormErrors(messages, locale);
        if (!decision.equals("APPROVE") && !decision.equals("DECLINE")) {
            errors.reject("decision", "oneoff.error.decision");
        }
        String why = errors.text("reason", reason, 2000, decision.equals("DECLINE"), "oneoff.label.decisionReason");
        if (!errors.isEmpty()) {
            return showPayment(budgetHolder, model, payment, "", decision, reason, errors);
        }
        try {
            payments.decide(budgetHolder, id, decision.equals("APPROVE"), why == null || why.isEmpty() ? null : why);
        } catch (Conflict decidedMeanwhile) {
            return "redirect:/one-off-payments/" + id;
        }
        return "redirect:/one-off-payments/" + id + "?done=decided";
    }

    private String showPayment(SignedInUser staff, Model model, OneOffPayment payment, String done, String decision,
                               String reason, FormErrors errors) {
        model.addAttribute("p", payment);
        model.addAttribute("citizen", citizens.find(staff, payment.citizenId()).orElseThrow(NotFound::new));
        model.addAttribute("done", done);
        model.addAttribute("decision", decision);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        model.addAttribute("paidOn", accounts.flatMap(a -> a.oneOffPaidOn(payment.id())).orElse(null));
        model.addAttribute("mayDecide", staff.has(Role.BUDGET_HOLDER) && payment.status() == OneOffStatus.AWAITING_APPROVAL);
        return "approvals/one-off";
    }
}
