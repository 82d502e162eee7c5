package org.dphub.directory.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.dphub.directory.PaymentRequests;
import org.dphub.directory.RegularPayments;
import org.dphub.shared.Money;
import org.dphub.shared.SignedInUser;
import org.dphub.web.Conflict;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.dphub.web.ValidationProblem;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Setting up a regular payment to a published service, from the service's page: for whom (when the
 * user acts for more than one person), how much, how often, from when and until when, the part of
 * the plan that pays and the reference the provider sees. Staff and providers may not (403).
 */
@Controller
class RegularPaymentSetUpPage {

    /** The form as typed. */
    record SetUpForm(String amount, String frequency, String firstDay, String firstMonth, String firstYear, String endDay,
                     String endMonth, String endYear, String times, String budgetLine, String outcome, String reference) {

        static SetUpForm of(MultiValueMap<String, String> p) {
            return new SetUpForm(p.getFirst("amount"), p.getFirst("frequency"), p.getFirst("firstDate-day"),
                    p.getFirst("firstDate-month"), p.getFirst("firstDate-year"), p.getFirst("endDate-day"), p.getFirst("endDate-month"),
                    p.getFirst("endDate-year"), p.getFirst("times"), p.getFirst("budgetLine"), p.getFirst("outcome"),
                    p.getFirst("reference"));
        }
    }

    static final List<String> FREQUENCIES = java.util.Arrays.stream(RegularPayments.Frequency.values()).map(Enum::name).toList();

    private final RegularPayments payments;
    private final MessageSource messages;

    RegularPaymentSetUpPage(RegularPayments payments, MessageSource messages) {
        this.payments = payments;
        this.messages = messages;
    }

    @GetMapping("/directory/services/{serviceId}/pay-regularly")
    String show(SignedInUser user, @PathVariable String serviceId, @RequestParam(required = false) Long citizenId,
                Model model, Locale locale) {
        PaymentRequests.ServiceFacts service = service(serviceId);
        List<org.dphub.people.Citizens.CitizenWithRelationship> payers = payments.payers(user);
        if (citizenId == null && payers.size() > 1) {
            payments.payerFor(user, payers.get(0).citizen().id());
            model.addAttribute("service", service);
            model.addAttribute("payers", payers);
            return "directory/regular-payment-who";
        }
        long payer = payments.payerFor(user, citizenId);
        PaymentRequests.Choices choices = payments.choices(user, payer);
        LocalDate today = payments.today();
        return page(user, model, service, payer, choices, new SetUpForm(service.cost() == null || service.cost().isZero() ? ""
                : service.cost().toPlainString(), "WEEKLY", Integer.toString(today.getDayOfMonth()),
                Integer.toString(today.getMonthValue()), Integer.toString(today.getYear()), "", "", "", "",
                choices.defaultLine() > 0 ? Integer.toString(choices.defaultLine()) : "", choices.defaultOutcome(), ""),
                new FormErrors(messages, locale));
    }

    @PostMapping("/directory/services/{serviceId}/pay-regularly")
    String setUp(SignedInUser user, @PathVariable String serviceId, @RequestParam(required = false) Long citizenId,
                 @RequestParam MultiValueMap<String, String> params, Model model, Locale locale) {
        PaymentRequests.ServiceFacts service = service(serviceId);
        long payer = payments.payerFor(user, citizenId);
        PaymentRequests.Choices choices = payments.choices(user, payer);
        SetUpForm form = SetUpForm.of(params);
        FormErrors errors = new FormErrors(messages, locale);
        Money amount = ProviderPaymentRequestsPage.amount("amount", form.amount(), errors);
        RegularPayments.Frequency frequency = FREQUENCIES.contains(form.frequency())
                ? RegularPayments.Frequency.valueOf(form.frequency()) : null;
        if (frequency == null) {
            errors.reject("frequency", "regular.error.frequency");
        }
        LocalDate first = errors.date("firstDate", form.firstDay(), form.firstMonth(), form.firstYear(), "regular.label.first");
        LocalDate end = blank(form.endDay()) && blank(form.endMonth()) && blank(form.endYear()) ? null
                : errors.date("endDate", form.endDay(), form.endMonth(), form.endYear(), "regular.label.end");
        Integer times = null;
        if (!blank(form.times())) {
            try {
                times = Integer.valueOf(form.times().strip());
            } catch (NumberFormatException e) {
                errors.reject("times", "regular.error.times");
            }
        }
        Integer line = null;
        if (!blank(form.budgetLine())) {
            try {
                line = Integer.valueOf(form.budgetLine().strip());
            } catch (NumberFormatException e) {
                errors.reject("budgetLine", "preq.error.line");
            }
        }
        String outcome = blank(form.outcome()) ? null : form.outcome();
        String reference = errors.text("reference", form.reference(), 60, false, "regular.label.reference");
        if (errors.isEmpty()) {
            try {
                RegularPayments.RegularPayment made = payments.setUp(user, new RegularPayments.SetUp(payer, service.id(), amount,
                        frequency, first, end, times, line, outcome, reference.isEmpty() ? null : reference), null);
                return "redirect:/regular-payments/" + made.id() + "?created=true";
            } catch (ValidationProblem problem) {
                problem.errors().forEach(e -> errors.reject(pageField(e.field()), "regular.error." + e.field()));
            } catch (Conflict noAccount) {
                errors.reject("amount", "regular.error.no-account");
            }
        }
        return page(user, model, service, payer, choices, form, errors);
    }

    private static String pageField(String apiField) {
        return switch (apiField) {
            case "budgetLinePosition" -> "budgetLine";
            case "serviceId" -> "amount";
            default -> apiField;
        };
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private PaymentRequests.ServiceFacts service(String serviceId) {
        try {
            return payments.publishedService(UUID.fromString(serviceId.strip())).orElseThrow(NotFound::new);
        } catch (IllegalArgumentException notAnId) {
            throw new NotFound();
        }
    }

    private String page(SignedInUser user, Model model, PaymentRequests.ServiceFacts service, long payer,
                        PaymentRequests.Choices choices, SetUpForm form, FormErrors errors) {
        model.addAttribute("service", service);
        model.addAttribute("payer", payments.payers(user).stream().filter(c -> c.citizen().id() == payer).findFirst().orElseThrow());
        model.addAttribute("citizenId", payer);
        model.addAttribute("frequencies", FREQUENCIES);
        model.addAttribute("choices", choices);
        model.addAttribute("lineValues", java.util.stream.IntStream.rangeClosed(1, choices.lines().size())
                .mapToObj(Integer::toString).toList());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "directory/regular-payment-new";
    }
}
