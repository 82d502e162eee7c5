package org.dphub.plans.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.dphub.plans.DirectPaymentTransitions;
import org.dphub.plans.DirectPayments;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A practitioner suspends, resumes or ends a direct payment from a date, saying why. The page says
 * plainly what happens to the payments.
 */
@Controller
@RequestMapping("/direct-payments/{id}/status-changes/new")
class StatusChangeController {

    private final DirectPayments directPayments;
    private final MessageSource messages;
    private final Clock clock;

    StatusChangeController(DirectPayments directPayments, MessageSource messages, Clock clock) {
        this.directPayments = directPayments;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String form(SignedInUser practitioner, @PathVariable long id, @RequestParam(defaultValue = "") String event, Model model,
                Locale locale) {
        DirectPayments.Details details = details(practitioner, id, event);
        LocalDate today = LocalDate.now(clock);
        return show(model, details, event, Integer.toString(today.getDayOfMonth()), Integer.toString(today.getMonthValue()),
                Integer.toString(today.getYear()), "", new FormErrors(messages, locale));
    }

    @PostMapping
    String change(SignedInUser practitioner, @PathVariable long id, @RequestParam(defaultValue = "") String event,
                  @RequestParam(name = "effectiveOn-day", defaultValue = "") String day,
                  @RequestParam(name = "effectiveOn-month", defaultValue = "") String month,
                  @RequestParam(name = "effectiveOn-year", defaultValue = "") String year,
                  @RequestParam(defaultValue = "") String reason, Model model, Locale locale) {
        DirectPayments.Details details = details(practitioner, id, event);
        FormErrors errors = new FormErrors(messages, locale);
        LocalDate today = LocalDate.now(clock);
        LocalDate on = "WITHDRAWN".equals(event) ? today : errors.date("effectiveOn", day, month, year, "dp.label.effectiveOn");
        if (on != null && (on.isAfter(today.plusYears(1)) || on.isBefore(today.minusYears(1)))) {
            errors.reject("effectiveOn", "dp.status.error.date");
        }
        String why = errors.text("reason", reason, 1000, true, "dp.label.status-reason");
        if (!errors.isEmpty()) {
            return show(model, details, event, day, month, year, reason, errors);
        }
        try {
            directPayments.changeStatus(practitioner, id, DirectPaymentTransitions.Event.valueOf(event), on, why);
        } catch (Conflict changedMeanwhile) {
            // someone changed it a moment ago: the direct payment's page shows where it is now
        }
        return "redirect:/direct-payments/" + id;
    }

    private DirectPayments.Details details(SignedInUser practitioner, long id, String event) {
        DirectPayments.Details details = directPayments.find(practitioner, id)
                .filter(d -> practitioner.isStaffOf(d.directPayment().councilId()) && practitioner.has(Role.PRACTITIONER))
                .orElseThrow(NotFound::new);
        if (!DirectPaymentPages.statusEvents(details.directPayment().status()).contains(event)) {
            throw new NotFound();
        }
        return details;
    }

    private String show(Model model, DirectPayments.Details details, String event, String day, String month, String year,
                        String reason, FormErrors errors) {
        model.addAttribute("d", details);
        model.addAttribute("citizen", details.citizen());
        model.addAttribute("event", event);
        model.addAttribute("day", day);
        model.addAttribute("month", month);
        model.addAttribute("year", year);
        model.addAttribute("reason", reason);
        model.addAttribute("errors", errors);
        return "plans/status-change";
    }
}
