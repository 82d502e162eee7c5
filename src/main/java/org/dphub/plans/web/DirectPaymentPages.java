package org.dphub.plans.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import org.dphub.people.Citizens;
import org.dphub.plans.CarePlans;
import org.dphub.plans.DirectPayments;
import org.dphub.plans.ManagedAccountProviders;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.web.Conflict;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One direct payment: where it is, how long the person has waited, its agreement, reviews. A
 * practitioner can record a signed paper agreement here.
 */
@Controller
class DirectPaymentPages {

    private final DirectPayments directPayments;
    private final Citizens citizens;
    private final MessageSource messages;
    private final Clock clock;
    private final java.util.Optional<org.dphub.shared.AccountDirectory> accounts;
    private final ManagedAccountProviders managedAccountProviders;

    DirectPaymentPages(DirectPayments directPayments, Citizens citizens, MessageSource messages, Clock clock,
                       java.util.Optional<org.dphub.shared.AccountDirectory> accounts, ManagedAccountProviders managedAccountProviders) {
        this.accounts = accounts;
        this.managedAccountProviders = managedAccountProviders;
        this.directPayments = directPayments;
        this.citizens = citizens;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/direct-payments/{id}")
    String show(SignedInUser user, @PathVariable long id, @RequestParam(required = false) String provider, Model model, Locale locale) {
        DirectPayments.Details details = directPayments.find(user, id).orElseThrow(NotFound::new);
        model.addAttribute("providerSaved", provider != null);
        return show(user, details, model, new FormErrors(messages, locale), "", "", "");
    }

    @PostMapping("/direct-payments/{id}/paper-agreement")
    String recordPaperAgreement(SignedInUser practitioner, @PathVariable long id,
                                @RequestParam(name = "signedOn-day", defaultValue = "") String day,
                                @RequestParam(name = "signedOn-month", defaultValue = "") String month,
                                @RequestParam(name = "signedOn-year", defaultValue = "") String year,
                                Model model, Locale locale) {
        DirectPayments.Details details = directPayments.find(practitioner, id).orElseThrow(NotFound::new);
        FormErrors errors = new FormErrors(messages, locale);
        LocalDate signedOn = errors.date("signedOn", day, month, year, "dp.label.signedOn");
        if (signedOn != null && signedOn.isAfter(LocalDate.now(clock))) {
            errors.reject("signedOn", "dp.error.signedOn.future");
        }
        if (!errors.isEmpty()) {
            return show(practitioner, details, model, errors, day, month, year);
        }
        try {
            directPayments.recordPaperAgreement(practitioner, id, signedOn);
        } catch (Conflict e) {
            // no longer waiting for agreement (ended meanwhile): the page shows where it is now
        }
        return "redirect:/direct-payments/" + id;
    }

    /** What a practitioner can do next from here: suspend an active one, resume a suspended one, end either. */
    static java.util.List<String> statusEvents(org.dphub.plans.DirectPaymentStatus status) {
        return switch (status) {
            // a request set up wrongly, or made to someone who no longer acts, is withdrawn before it is agreed
            case AWAITING_AGREEMENT -> java.util.List.of("WITHDRAWN");
            case ACTIVE -> java.util.List.of("SUSPENDED", "ENDED");
            case SUSPENDED -> java.util.List.of("RESUMED", "ENDED");
            default -> java.util.List.of();
        };
    }

    private String show(SignedInUser user, DirectPayments.Details details, Model model, FormErrors errors,
                        String day, String month, String year) {
        long citizenId = details.directPayment().citizenId();
        model.addAttribute("d", details);
        model.addAttribute("dp", details.directPayment());
        model.addAttribute("citizen", details.citizen());
        model.addAttribute("mayAct", user.isStaffOf(details.directPayment().councilId()) && user.has(Role.PRACTITIONER));
        model.addAttribute("actsFor", citizens.actingFor(user).stream().anyMatch(c -> c.citizen().id() == citizenId));
        model.addAttribute("planInForce", CarePlans.inForce(details.plan().versions(), LocalDate.now(clock)));
        model.addAttribute("agreedAt", details.directPayment().agreedAt() == null ? null
                : LocalDateTime.ofInstant(details.directPayment().agreedAt(), PlanView.UK));
        model.addAttribute("overTarget", details.directPayment().firstPaymentDate() == null
                && details.daysSinceRequest() > details.targetDaysToMoney());
        model.addAttribute("accountId", user.isStaff()
                ? accounts.flatMap(a -> a.accountFor(details.directPayment().id())).orElse(null) : null);
        model.addAttribute("statusEvents", statusEvents(details.directPayment().status()));
        // issue 18: who holds a managed account, and whether this user may name them
        model.addAttribute("managedProvider", details.directPayment().accountType() == org.dphub.plans.AccountType.MANAGED_ACCOUNT
                ? managedAccountProviders.find(user, details.directPayment().id()).orElse(null) : null);
        model.addAttribute("mayNameProvider", ManagedAccountProviders.mayName(user, details.directPayment()));
        model.addAttribute("errors", errors);
        model.addAttribute("signedOnDay", day);
        model.addAttribute("signedOnMonth", month);
        model.addAttribute("signedOnYear", year);
        return "plans/direct-payment";
    }
}
