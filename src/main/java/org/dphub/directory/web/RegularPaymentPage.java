package org.dphub.directory.web;

import java.time.LocalDate;
import java.util.Locale;
import org.dphub.directory.RegularPayments;
import org.dphub.shared.SignedInUser;
import org.dphub.web.Conflict;
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
 * A regular payment as the person (or their representative) sees it from "Your money": to whom,
 * how much and how often, the next date, each instalment paid or missed (and why), and stopping it
 * from a day. The person's council's staff may look, not stop it.
 */
@Controller
class RegularPaymentPage {

    private final RegularPayments payments;
    private final MessageSource messages;

    RegularPaymentPage(RegularPayments payments, MessageSource messages) {
        this.payments = payments;
        this.messages = messages;
    }

    @GetMapping("/regular-payments/{id}")
    String show(SignedInUser user, @PathVariable long id, @RequestParam(required = false) String created,
                @RequestParam(required = false) String stopped, Model model, Locale locale) {
        RegularPayments.RegularPayment payment = payments.findForPerson(user, id).orElseThrow(NotFound::new);
        LocalDate today = payments.today();
        model.addAttribute("created", created != null);
        model.addAttribute("stopped", stopped != null);
        return page(user, model, payment, Integer.toString(today.getDayOfMonth()), Integer.toString(today.getMonthValue()),
                Integer.toString(today.getYear()), new FormErrors(messages, locale));
    }

    @PostMapping("/regular-payments/{id}")
    String stop(SignedInUser user, @PathVariable long id, @RequestParam(name = "from-day", defaultValue = "") String day,
                @RequestParam(name = "from-month", defaultValue = "") String month,
                @RequestParam(name = "from-year", defaultValue = "") String year, Model model, Locale locale) {
        RegularPayments.RegularPayment payment = payments.findForPerson(user, id).orElseThrow(NotFound::new);
        FormErrors errors = new FormErrors(messages, locale);
        LocalDate from = errors.date("from", day, month, year, "regular.label.stop");
        if (errors.isEmpty()) {
            try {
                payments.stop(user, id, from, "page:" + id);
                return "redirect:/regular-payments/" + id + "?stopped=true";
            } catch (ValidationProblem past) {
                errors.reject("from", "regular.error.from");
            } catch (Conflict already) {
                errors.reject("from", "regular.error.stopped");
            }
        }
        model.addAttribute("created", false);
        model.addAttribute("stopped", false);
        return page(user, model, payment, day, month, year, errors);
    }

    private String page(SignedInUser user, Model model, RegularPayments.RegularPayment payment, String day, String month, String year,
                        FormErrors errors) {
        model.addAttribute("payment", payment);
        model.addAttribute("mayStop", payment.stoppable() && !user.isStaff());
        model.addAttribute("fromDay", day);
        model.addAttribute("fromMonth", month);
        model.addAttribute("fromYear", year);
        model.addAttribute("errors", errors);
        return "directory/regular-payment";
    }
}
