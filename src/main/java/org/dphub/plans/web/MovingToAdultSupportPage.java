package org.dphub.plans.web;

import java.util.Locale;
import org.dphub.councils.Councils;
import org.dphub.plans.TransitionToAdulthood;
import org.dphub.shared.SignedInUser;
import org.dphub.web.Conflict;
import org.dphub.web.FormErrors;
import org.dphub.web.RuleRefusal;
import org.dphub.web.ValidationProblem;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * Issue 18: "Moving to adult support" — children's direct payments whose child turns 18 within the
 * council's notice period, and one button that sets up the adult's own plan and direct payment from
 * the day the child's payment ends.
 */
@Controller
class MovingToAdultSupportPage {

    private final TransitionToAdulthood transitions;
    private final Councils councils;
    private final MessageSource messages;

    MovingToAdultSupportPage(TransitionToAdulthood transitions, Councils councils, MessageSource messages) {
        this.transitions = transitions;
        this.councils = councils;
        this.messages = messages;
    }

    @GetMapping("/direct-payments/moving-to-adult-support")
    String list(SignedInUser staff, Model model) {
        return show(staff, model, null);
    }

    private String show(SignedInUser staff, Model model, String problem) {
        model.addAttribute("rows", transitions.dueSoon(staff));
        model.addAttribute("noticeDays", councils.transitionNoticeDays(staff.councilId()));
        model.addAttribute("problem", problem);
        return "plans/moving-to-adult-support";
    }

    @PostMapping("/direct-payments/{id}/adult-continuation")
    String continueAsAdult(SignedInUser practitioner, @PathVariable long id, Model model, Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        try {
            TransitionToAdulthood.Continued done = transitions.continueAsAdult(practitioner, id,
                    new TransitionToAdulthood.AdultPaymentChoice(null, null, null), errors);
            return "redirect:/direct-payments/" + done.adultPayment().id();
        } catch (RuleRefusal refusal) {
            return show(practitioner, model, refusal.getMessage());
        } catch (ValidationProblem | Conflict problem) {
            return show(practitioner, model, messages.getMessage("transition.error.not-now", null, locale));
        }
    }
}
