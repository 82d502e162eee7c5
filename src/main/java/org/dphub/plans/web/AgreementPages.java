package org.dphub.plans.web;

import java.time.LocalDate;
import java.util.Locale;
import org.dphub.councils.Council;
import org.dphub.councils.Councils;
import org.dphub.people.Citizens;
import org.dphub.plans.CarePlans;
import org.dphub.plans.DirectPayment;
import org.dphub.plans.DirectPayments;
import org.dphub.plans.PlanVersion;
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
 * The direct payment agreement, written from the plan in plain words (open and honest, flexible
 * and creative, clear and simple). The person or their representative agrees online; staff read
 * the same agreement, and record a signed paper copy on the direct payment page.
 */
@Controller
class AgreementPages {

    private final DirectPayments directPayments;
    private final Citizens citizens;
    private final Councils councils;
    private final MessageSource messages;

    AgreementPages(DirectPayments directPayments, Citizens citizens, Councils councils, MessageSource messages) {
        this.directPayments = directPayments;
        this.citizens = citizens;
        this.councils = councils;
        this.messages = messages;
    }

    @GetMapping("/direct-payments/{id}/agreement")
    String agreement(SignedInUser user, @PathVariable long id, Model model, Locale locale) {
        DirectPayments.Details details = directPayments.find(user, id).orElseThrow(NotFound::new);
        return show(user, details, model, new FormErrors(messages, locale));
    }

    @PostMapping("/direct-payments/{id}/agreement")
    String agree(SignedInUser user, @PathVariable long id, @RequestParam(defaultValue = "") String agree, Model model,
                 Locale locale) {
        DirectPayments.Details details = directPayments.find(user, id).orElseThrow(NotFound::new);
        FormErrors errors = new FormErrors(messages, locale);
        if (!"yes".equals(agree)) {
            errors.reject("agree", "agreement.error.confirm");
            return show(user, details, model, errors);
        }
        try {
            directPayments.acceptOnline(user, id);
        } catch (Conflict e) {
            // it ended or was paused before they agreed: the agreement page shows where it is now
            return "redirect:/direct-payments/" + id + "/agreement";
        }
        return "redirect:/direct-payments/" + id + "/agreement/agreed";
    }

    @GetMapping("/direct-payments/{id}/agreement/agreed")
    String agreed(SignedInUser user, @PathVariable long id, Model model) {
        DirectPayments.Details details = directPayments.find(user, id).orElseThrow(NotFound::new);
        if (details.directPayment().agreedAt() == null) {
            return "redirect:/direct-payments/" + id + "/agreement";
        }
        addTerms(details, model);
        return "plans/agreement-agreed";
    }

    private String show(SignedInUser user, DirectPayments.Details details, Model model, FormErrors errors) {
        DirectPayment dp = details.directPayment();
        boolean actsFor = citizens.actingFor(user).stream().anyMatch(c -> c.citizen().id() == dp.citizenId());
        addTerms(details, model);
        model.addAttribute("mayAgree", dp.awaitingAgreement() && directPayments.mayAgreeOnline(user, details));
        model.addAttribute("agreesForThem", actsFor && dp.awaitingAgreement() && !directPayments.mayAgreeOnline(user, details)
                ? details.representative().map(r -> r.name()).orElse(null) : null);
        model.addAttribute("actsFor", actsFor);
        model.addAttribute("errors", errors);
        return "plans/agreement";
    }

    /** What the agreement says: the plan version in force when the payment starts, and the council's terms. */
    private void addTerms(DirectPayments.Details details, Model model) {
        DirectPayment dp = details.directPayment();
        PlanVersion version = CarePlans.inForce(details.plan().versions(), dp.startDate());
        Council council = councils.findById(dp.councilId()).orElseThrow(NotFound::new);
        model.addAttribute("d", details);
        model.addAttribute("dp", dp);
        model.addAttribute("citizen", details.citizen());
        model.addAttribute("view", PlanView.of(version));
        model.addAttribute("council", council);
        model.addAttribute("settings", councils.settings(dp.councilId()).settings());
        model.addAttribute("firstReview", details.reviews().isEmpty() ? details.nextReviewDue() : null);
        model.addAttribute("agreedOn", dp.agreedAt() == null ? null
                : LocalDate.ofInstant(dp.agreedAt(), PlanView.UK));
    }
}
