package org.dphub.plans.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.dphub.plans.DirectPayments;
import org.dphub.plans.ReviewReason;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A practitioner records a review (regulation 7): why, when, what is working and what is not.
 * If the plan needs to change, they go straight on to change it.
 */
@Controller
@RequestMapping("/direct-payments/{id}/reviews/new")
class RecordReviewController {

    /** What the review form sends, as typed. */
    record ReviewForm(String reason, String reviewedOnDay, String reviewedOnMonth, String reviewedOnYear, String working,
                      String notWorking, String planToChange) {

        static ReviewForm from(MultiValueMap<String, String> p) {
            return new ReviewForm(value(p, "reason"), value(p, "reviewedOn-day"), value(p, "reviewedOn-month"),
                    value(p, "reviewedOn-year"), value(p, "working"), value(p, "notWorking"), value(p, "planToChange"));
        }

        private static String value(MultiValueMap<String, String> params, String name) {
            String value = params.getFirst(name);
            return value == null ? "" : value;
        }
    }

    private final DirectPayments directPayments;
    private final MessageSource messages;
    private final Clock clock;

    RecordReviewController(DirectPayments directPayments, MessageSource messages, Clock clock) {
        this.directPayments = directPayments;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String form(SignedInUser practitioner, @PathVariable long id, Model model, Locale locale) {
        DirectPayments.Details details = details(practitioner, id);
        LocalDate today = LocalDate.now(clock);
        return show(model, details, new ReviewForm("", Integer.toString(today.getDayOfMonth()),
                Integer.toString(today.getMonthValue()), Integer.toString(today.getYear()), "", "", ""),
                new FormErrors(messages, locale));
    }

    @PostMapping
    String record(SignedInUser practitioner, @PathVariable long id, @RequestParam MultiValueMap<String, String> params,
                  Model model, Locale locale) {
        DirectPayments.Details details = details(practitioner, id);
        ReviewForm form = ReviewForm.from(params);
        FormErrors errors = new FormErrors(messages, locale);
        ReviewReason reason = null;
        try {
            reason = ReviewReason.valueOf(form.reason());
        } catch (IllegalArgumentException e) {
            errors.reject("reason", "review.error.reason");
        }
        LocalDate reviewedOn = errors.date("reviewedOn", form.reviewedOnDay(), form.reviewedOnMonth(), form.reviewedOnYear(),
                "review.label.reviewedOn");
        if (reviewedOn != null && reviewedOn.isAfter(LocalDate.now(clock))) {
            errors.reject("reviewedOn", "review.error.reviewedOn.future");
        }
        String working = errors.text("working", form.working(), 5000, false, "review.label.working");
        String notWorking = errors.text("notWorking", form.notWorking(), 5000, false, "review.label.notWorking");
        if (!"true".equals(form.planToChange()) && !"false".equals(form.planToChange())) {
            errors.reject("planToChange", "review.error.planToChange");
        }
        if (!errors.isEmpty()) {
            return show(model, details, form, errors);
        }
        boolean planToChange = Boolean.parseBoolean(form.planToChange());
        directPayments.recordReview(practitioner, id, reason, reviewedOn, working, notWorking, planToChange);
        return planToChange
                ? "redirect:/plans/" + details.directPayment().planId() + "/change"
                : "redirect:/direct-payments/" + id;
    }

    private DirectPayments.Details details(SignedInUser practitioner, long id) {
        return directPayments.find(practitioner, id)
                .filter(d -> practitioner.isStaffOf(d.directPayment().councilId()) && practitioner.has(Role.PRACTITIONER))
                .orElseThrow(NotFound::new);
    }

    private String show(Model model, DirectPayments.Details details, ReviewForm form, FormErrors errors) {
        model.addAttribute("d", details);
        model.addAttribute("citizen", details.citizen());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("reasons", ReviewReason.values());
        return "plans/record-review";
    }
}
