package org.dphub.plans.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.dphub.councils.CouncilSettings;
import org.dphub.councils.Councils;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.plans.CarePlans;
import org.dphub.plans.NewPlanVersion;
import org.dphub.plans.PlanInput;
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
 * A practitioner changes a plan: the same form, prefilled from the latest version, with why it
 * changes. A temporary change has an end date, after which the plan goes back by itself.
 */
@Controller
@RequestMapping("/plans/{planId}/change")
class ChangePlanController {

    private final CarePlans plans;
    private final Citizens citizens;
    private final Councils councils;
    private final MessageSource messages;
    private final Clock clock;
    private final OutcomeTermChoices choices;

    ChangePlanController(CarePlans plans, Citizens citizens, Councils councils, MessageSource messages, Clock clock,
                         OutcomeTermChoices choices) {
        this.choices = choices;
        this.plans = plans;
        this.citizens = citizens;
        this.councils = councils;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String form(SignedInUser practitioner, @PathVariable long planId,
                @RequestParam(defaultValue = "false") boolean temporary, Model model, Locale locale) {
        CarePlans.Plan plan = plan(practitioner, planId);
        Citizen citizen = citizens.findForPractitioner(practitioner, plan.citizenId()).orElseThrow(NotFound::new);
        CouncilSettings settings = councils.settings(plan.councilId()).settings();
        choices.addTo(model, locale);
        return PlanFormPage.show(model, purpose(temporary), citizen, planId,
                PlanForm.changing(plan.latest(), LocalDate.now(clock), temporary), new FormErrors(messages, locale), settings);
    }

    @PostMapping
    String change(SignedInUser practitioner, @PathVariable long planId,
                  @RequestParam(defaultValue = "false") boolean temporary,
                  @RequestParam MultiValueMap<String, String> params, Model model, Locale locale) {
        CarePlans.Plan plan = plan(practitioner, planId);
        Citizen citizen = citizens.findForPractitioner(practitioner, plan.citizenId()).orElseThrow(NotFound::new);
        CouncilSettings settings = councils.settings(plan.councilId()).settings();
        PlanForm form = PlanForm.from(params, temporary);
        FormErrors errors = new FormErrors(messages, locale);
        PlanInput.Typed typed = form.typed(errors);
        // a change always says why, so the history explains itself
        errors.text("changeReason", form.changeReason(), 2000, true, "plans.label.changeReason");
        NewPlanVersion change = PlanInput.read(typed, settings.paHourlyRate(), errors, choices.known());
        if (change == null) {
            choices.addTo(model, locale);
        return PlanFormPage.show(model, purpose(temporary), citizen, planId, form, errors, settings);
        }
        try {
            plans.change(practitioner, planId, change);
        } catch (org.dphub.web.ValidationProblem problem) {
            // issue 18: an individual service fund provider not listed in the directory, said in the reader's language
            problem.errors().forEach(e -> errors.reject(e.field(), "plans.error.isfProvider.unknown"));
            choices.addTo(model, locale);
            return PlanFormPage.show(model, purpose(temporary), citizen, planId, form, errors, settings);
        }
        return "redirect:/plans/" + planId;
    }

    private CarePlans.Plan plan(SignedInUser practitioner, long planId) {
        return plans.find(practitioner, planId)
                .filter(p -> practitioner.isStaffOf(p.councilId()) && practitioner.has(Role.PRACTITIONER))
                .orElseThrow(NotFound::new);
    }

    private static PlanFormPage.Purpose purpose(boolean temporary) {
        return temporary ? PlanFormPage.Purpose.TEMPORARY_CHANGE : PlanFormPage.Purpose.CHANGE;
    }
}
