package org.dphub.payments.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.dphub.payments.ServiceFunds;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormError;
import org.dphub.web.FormErrors;
import org.dphub.web.ValidationProblem;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Individual service funds (issue 18) for the provider holding them, or the council's DP team and
 * finance on a provider's behalf: the funds, and for each what is left, spending by outcome, a form
 * to record one line and a CSV upload for many.
 */
@Controller
class ServiceFundPages {

    record SpendingForm(String day, String month, String year, String amount, String description, String outcome) {

        static SpendingForm blank() {
            return new SpendingForm("", "", "", "", "", "");
        }
    }

    private final ServiceFunds funds;
    private final MessageSource messages;

    ServiceFundPages(ServiceFunds funds, MessageSource messages) {
        this.funds = funds;
        this.messages = messages;
    }

    @GetMapping("/service-funds")
    String list(SignedInUser user, Model model) {
        model.addAttribute("funds", funds.fundsFor(user));
        return "payments/service-funds";
    }

    @GetMapping("/service-funds/{id}")
    String show(SignedInUser user, @PathVariable long id, @RequestParam(defaultValue = "0") int recorded, Model model,
                Locale locale) {
        model.addAttribute("recorded", recorded);
        return page(user, id, model, SpendingForm.blank(), new FormErrors(messages, locale), List.of());
    }

    @PostMapping("/service-funds/{id}/spending")
    String spend(SignedInUser user, @PathVariable long id, @RequestParam(name = "spentOn-day", required = false) String day,
                 @RequestParam(name = "spentOn-month", required = false) String month,
                 @RequestParam(name = "spentOn-year", required = false) String year,
                 @RequestParam(required = false) String amount, @RequestParam(required = false) String description,
                 @RequestParam(required = false) String outcome, Model model, Locale locale) {
        SpendingForm form = new SpendingForm(day, month, year, amount, description, outcome);
        funds.find(user, id); // someone who may not see it: not found, before anything is read
        FormErrors errors = new FormErrors(messages, locale);
        java.time.LocalDate on = errors.date("spentOn", form.day(), form.month(), form.year(), "isf.label.spentOn");
        try {
            // every field is checked at once; a date not given is refused by the service too, so nothing is recorded
            int n = funds.record(user, id, List.of(new ServiceFunds.SpendingInput(on == null ? "" : on.toString(), form.amount(),
                    form.description(), form.outcome())), "page:" + id + ":" + java.util.UUID.randomUUID(),
                    new FormErrors(messages, locale)).size();
            return "redirect:/service-funds/" + id + "?recorded=" + n;
        } catch (ValidationProblem problem) {
            for (FormError e : problem.errors()) {
                // the page's fields are the line's own: lines[0].amount is the field "amount"
                String field = e.field().replace("lines[0].", "");
                errors.reject(field.equals("lines") ? "amount" : field, "isf.error.csv.any", e.message());
            }
        }
        model.addAttribute("recorded", 0);
        return page(user, id, model, form, errors, List.of());
    }

    @PostMapping("/service-funds/{id}/upload")
    String upload(SignedInUser user, @PathVariable long id, @RequestParam(required = false) MultipartFile file, Model model,
                  Locale locale) throws IOException {
        funds.find(user, id);
        FormErrors errors = new FormErrors(messages, locale);
        if (file == null || file.isEmpty()) {
            model.addAttribute("recorded", 0);
            return page(user, id, model, SpendingForm.blank(), errors, List.of(new FormError("file",
                    messages.getMessage("isf.error.csv.choose", null, locale))));
        }
        try {
            int n = funds.upload(user, id, file.getBytes(), errors).size();
            return "redirect:/service-funds/" + id + "?recorded=" + n;
        } catch (ValidationProblem problem) {
            model.addAttribute("recorded", 0);
            return page(user, id, model, SpendingForm.blank(), new FormErrors(messages, locale), problem.errors());
        }
    }

    private String page(SignedInUser user, long id, Model model, SpendingForm form, FormErrors errors, List<FormError> uploadErrors) {
        model.addAttribute("fund", funds.find(user, id));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("uploadErrors", uploadErrors);
        return "payments/service-fund";
    }
}
