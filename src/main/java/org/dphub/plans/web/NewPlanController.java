package org.dphub.plans.web;

import java.util.Locale;
import org.dphub.councils.CouncilSettings;
import org.dphub.councils.Councils;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.plans.CarePlans;
import org.dphub.plans.NewPlanVersion;
import org.dphub.plans.PlanInput;
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

/** A practitioner writes a care and support plan, on one page. Nothing is saved unless all of it is right. */
@Controller
@RequestMapping("/citizens/{id}/plans/new")
class NewPlanController {

    private final CarePlans plans;
    private final Citizens citizens;
    private final Councils councils;
    private final MessageSource messages;
    private final OutcomeTermChoices choices;

    NewPlanController(CarePlans plans, Citizens citizens, Councils councils, MessageSource messages, OutcomeTermChoices choices) {
        this.choices = choices;
        this.plans = plans;
        this.citizens = citizens;
        this.councils = councils;
        this.messages = messages;
    }

    @GetMapping
    String form(SignedInUser practitioner, @PathVariable long id, Model model, Locale locale) {
        Citizen citizen = citizens.findForPractitioner(practitioner, id).orElseThrow(NotFound::new);
        CouncilSettings settings = councils.settings(citizen.councilId()).settings();
        choices.addTo(model, locale);
        return PlanFormPage.show(model, PlanFormPage.Purpose.NEW, citizen, null, PlanForm.blank(settings),
                new FormErrors(messages, locale), settings);
    }

    @PostMapping
    String create(SignedInUser practitioner, @PathVariable long id, @RequestParam MultiValueMap<String, String> params,
                  Model model, Locale locale) {
        Citizen citizen = citizens.findForPractitioner(practitioner, id).orElseThrow(NotFound::new);
        CouncilSettings settings = councils.settings(citizen.councilId()).settings();
        PlanForm form = PlanForm.from(params, false);
        FormErrors errors = new FormErrors(messages, locale);
        NewPlanVersion plan = PlanInput.read(form.typed(errors), settings.paHourlyRate(), errors, choices.known());
        if (plan == null) {
            choices.addTo(model, locale);
        return PlanFormPage.show(model, PlanFormPage.Purpose.NEW, citizen, null, form, errors, settings);
        }
        try {
            return "redirect:/plans/" + plans.create(practitioner, id, plan).id();
        } catch (org.dphub.web.ValidationProblem problem) {
            // issue 18: an individual service fund provider not listed in the directory, said in the reader's language
            problem.errors().forEach(e -> errors.reject(e.field(), "plans.error.isfProvider.unknown"));
            choices.addTo(model, locale);
            return PlanFormPage.show(model, PlanFormPage.Purpose.NEW, citizen, null, form, errors, settings);
        }
    }
}
