package org.dphub.directory.web;

import java.util.Locale;
import org.dphub.directory.PaymentRequests;
import org.dphub.payments.ProviderPayments;
import org.dphub.shared.SignedInUser;
import org.dphub.web.Conflict;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.dphub.web.ValidationProblem;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A request for payment as the person (or their representative) sees it from "Your money": what
 * it is for, what the account can cover now and when the next payment lands, the plan line and
 * outcome it is paid from (the default picked), and agree it or ask the provider about it.
 */
@Controller
class PaymentRequestPage {

    record AnswerForm(String action, String budgetLine, String outcome, String message) {
    }

    private final PaymentRequests requests;
    private final MessageSource messages;

    PaymentRequestPage(PaymentRequests requests, MessageSource messages) {
        this.requests = requests;
        this.messages = messages;
    }

    @GetMapping("/payment-requests/{id}")
    String show(SignedInUser user, @PathVariable long id, Model model, Locale locale) {
        PaymentRequests.PaymentRequest request = requests.findForPerson(user, id).orElseThrow(NotFound::new);
        PaymentRequests.Choices choices = requests.choices(user, request.row().citizenId());
        return page(user, model, request, choices, new AnswerForm("agree", choices.defaultLine() > 0
                ? Integer.toString(choices.defaultLine()) : "", choices.defaultOutcome(), ""), new FormErrors(messages, locale));
    }

    @PostMapping("/payment-requests/{id}")
    String answer(SignedInUser user, @PathVariable long id, @ModelAttribute AnswerForm form, Model model, Locale locale) {
        PaymentRequests.PaymentRequest request = requests.findForPerson(user, id).orElseThrow(NotFound::new);
        PaymentRequests.Choices choices = requests.choices(user, request.row().citizenId());
        FormErrors errors = new FormErrors(messages, locale);
        try {
            if ("query".equals(form.action())) {
                String message = errors.text("message", form.message(), 1000, true, "preq.label.message");
                if (errors.isEmpty()) {
                    requests.query(user, id, message);
                    return "redirect:/my-money";
                }
            } else {
                Integer line = null;
                if (form.budgetLine() != null && !form.budgetLine().isBlank()) {
                    try {
                        line = Integer.valueOf(form.budgetLine().strip());
                    } catch (NumberFormatException e) {
                        errors.reject("budgetLine", "preq.error.line");
                    }
                }
                String outcome = form.outcome() == null || form.outcome().isBlank() ? null : form.outcome();
                if (errors.isEmpty()) {
                    requests.agree(user, id, new PaymentRequests.Agreement(line, outcome), "page:" + id);
                    return "redirect:/my-money";
                }
            }
        } catch (ProviderPayments.NotEnoughMoneyException notEnough) {
            errors.reject("budgetLine", "preq.error.not-enough", notEnough.asked().formatWithPence(),
                    notEnough.affordability().available().formatWithPence());
        } catch (ValidationProblem wrongChoice) {
            errors.reject("budgetLine", "preq.error.line");
        } catch (Conflict notOpen) {
            errors.reject("budgetLine", "preq.error.answered");
        }
        return page(user, model, request, choices, form, errors);
    }

    private String page(SignedInUser user, Model model, PaymentRequests.PaymentRequest request, PaymentRequests.Choices choices,
                        AnswerForm form, FormErrors errors) {
        model.addAttribute("request", request);
        model.addAttribute("affordability", requests.affordability(user, request.id()).orElse(null));
        model.addAttribute("choices", choices);
        model.addAttribute("lineValues", java.util.stream.IntStream.rangeClosed(1, choices.lines().size())
                .mapToObj(Integer::toString).toList());
        model.addAttribute("mayAnswer", request.open() && !user.isStaff());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "directory/payment-request";
    }
}
