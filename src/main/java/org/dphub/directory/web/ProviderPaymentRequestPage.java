package org.dphub.directory.web;

import java.util.Locale;
import org.dphub.directory.PaymentRequests;
import org.dphub.shared.Money;
import org.dphub.shared.SignedInUser;
import org.dphub.web.Conflict;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** One of the provider's requests: where it is, the person's question if they asked one, and change or withdraw it. */
@Controller
class ProviderPaymentRequestPage {

    record ChangeForm(String action, String amount, String description) {
    }

    private final PaymentRequests requests;
    private final MessageSource messages;

    ProviderPaymentRequestPage(PaymentRequests requests, MessageSource messages) {
        this.requests = requests;
        this.messages = messages;
    }

    @GetMapping("/provider/payment-requests/{id}")
    String show(SignedInUser provider, @PathVariable long id, @RequestParam(defaultValue = "") String sent, Model model,
                Locale locale) {
        PaymentRequests.PaymentRequest request = requests.findForProvider(provider, id).orElseThrow(NotFound::new);
        model.addAttribute("sent", !sent.isEmpty());
        return page(model, request, new ChangeForm("change", request.row().amount().formatWithPence().replace("£", "").replace(",", ""),
                request.row().description()), new FormErrors(messages, locale));
    }

    @PostMapping("/provider/payment-requests/{id}")
    String act(SignedInUser provider, @PathVariable long id, @ModelAttribute ChangeForm form, Model model, Locale locale) {
        PaymentRequests.PaymentRequest request = requests.findForProvider(provider, id).orElseThrow(NotFound::new);
        FormErrors errors = new FormErrors(messages, locale);
        try {
            if ("withdraw".equals(form.action())) {
                requests.withdraw(provider, id);
                return "redirect:/provider/payment-requests/" + id;
            }
            Money amount = ProviderPaymentRequestsPage.amount("amount", form.amount(), errors);
            String description = errors.text("description", form.description(), 400, true, "preq.label.description");
            if (errors.isEmpty()) {
                requests.change(provider, id, amount, description);
                return "redirect:/provider/payment-requests/" + id;
            }
        } catch (Conflict notOpen) {
            errors.reject("amount", "preq.error.not-open");
        }
        model.addAttribute("sent", false);
        return page(model, request, form, errors);
    }

    private String page(Model model, PaymentRequests.PaymentRequest request, ChangeForm form, FormErrors errors) {
        model.addAttribute("request", request);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "directory/provider-payment-request";
    }
}
