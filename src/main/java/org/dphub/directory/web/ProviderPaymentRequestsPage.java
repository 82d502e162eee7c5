package org.dphub.directory.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.dphub.directory.PaymentRequests;
import org.dphub.shared.InvalidMoneyException;
import org.dphub.shared.Money;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.ValidationProblem;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** A provider's requests for payment: what it sent and where each is, and a form to send one (issue 15). */
@Controller
class ProviderPaymentRequestsPage {

    /** The form as typed. */
    record SendForm(String citizenId, String serviceId, String amount, String description, String reference) {
    }

    private final PaymentRequests requests;
    private final MessageSource messages;

    ProviderPaymentRequestsPage(PaymentRequests requests, MessageSource messages) {
        this.requests = requests;
        this.messages = messages;
    }

    @GetMapping("/provider/payment-requests")
    String show(SignedInUser provider, Model model, Locale locale) {
        return page(provider, model, new SendForm("", "", "", "", ""), new FormErrors(messages, locale));
    }

    @PostMapping("/provider/payment-requests")
    String send(SignedInUser provider, @ModelAttribute SendForm form, Model model, Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        Long citizen = null;
        try {
            citizen = Long.parseLong(form.citizenId() == null ? "" : form.citizenId().strip());
        } catch (NumberFormatException e) {
            errors.reject("citizenId", "preq.error.citizen");
        }
        UUID service = null;
        try {
            service = UUID.fromString(form.serviceId() == null ? "" : form.serviceId());
        } catch (IllegalArgumentException e) {
            errors.reject("serviceId", "preq.error.service");
        }
        Money amount = amount("amount", form.amount(), errors);
        String description = errors.text("description", form.description(), 400, true, "preq.label.description");
        String reference = errors.text("reference", form.reference(), 60, false, "preq.label.reference");
        if (errors.isEmpty()) {
            try {
                PaymentRequests.PaymentRequest sent = requests.send(provider, new PaymentRequests.Send(citizen, service, amount,
                        description, reference.isEmpty() ? null : reference, List.of()));
                return "redirect:/provider/payment-requests/" + sent.id() + "?sent=true";
            } catch (ValidationProblem problem) {
                problem.errors().forEach(e -> errors.reject(e.field(), "citizenId".equals(e.field()) ? "preq.error.citizen.unknown"
                        : "preq.error.service.unpublished"));
            }
        }
        return page(provider, model, form, errors);
    }

    /** Pounds and pence as typed, more than £0 and at most £100,000. */
    static Money amount(String field, String typed, FormErrors errors) {
        try {
            Money money = Money.parsePositive(typed);
            if (!money.isGreaterThan(Money.ofPence(10_000_000))) {
                return money;
            }
        } catch (InvalidMoneyException e) {
            // said below
        }
        errors.reject(field, "preq.error.amount.page");
        return null;
    }

    private String page(SignedInUser provider, Model model, SendForm form, FormErrors errors) {
        model.addAttribute("provider", requests.providerOf(provider));
        model.addAttribute("requests", requests.forProvider(provider));
        List<String[]> services = requests.publishedServices(provider);
        model.addAttribute("serviceIds", services.stream().map(s -> s[0]).toList());
        model.addAttribute("serviceNames", services.stream().map(s -> s[1]).toList());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "directory/provider-payment-requests";
    }
}
