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
        recipientChoices(model, "ADULT", "", "false");
        return PlanFormPage.show(model, PlanFormPage.Purpose.NEW, citizen, null, PlanForm.blank(settings),
                new FormErrors(messages, locale), settings);
    }

    /** Issue 18: who the plan is for, as typed (kept apart from PlanForm, which changes of plan share). */
    private static void recipientChoices(Model model, String kind, String caredForReference, String ehcPlan) {
        model.addAttribute("recipientKinds", org.dphub.plans.RecipientKind.values());
        model.addAttribute("recipientKind", kind);
        model.addAttribute("caredForReference", caredForReference);
        model.addAttribute("ehcPlan", ehcPlan);
    }

    /** The person cared for, found by their reference in the practitioner's own council. */
    private Long caredFor(SignedInUser practitioner, String reference) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        return citizens.search(practitioner, reference.strip(), 0, 5).citizens().stream()
                .filter(c -> c.reference().equalsIgnoreCase(reference.strip())).map(Citizen::id).findFirst().orElse(-1L);
    }

    @PostMapping
    String create(SignedInUser practitioner, @PathVariable long id, @RequestParam MultiValueMap<String, String> params,
                  Model model, Locale locale) {
        Citizen citizen = citizens.findForPractitioner(practitioner, id).orElseThrow(NotFound::new);
        CouncilSettings settings = councils.settings(citizen.councilId()).settings();
        PlanForm form = PlanForm.from(params, false);
        FormErrors errors = new FormErrors(messages, locale);
        String kindTyped = params.getFirst("recipientKind") == null ? "ADULT" : params.getFirst("recipientKind");
        String reference = params.getFirst("caredForCitizenId") == null ? "" : params.getFirst("caredForCitizenId"); // the reference, as typed
        String ehc = params.getFirst("ehcPlan") == null ? "false" : params.getFirst("ehcPlan");
        org.dphub.plans.RecipientKind kind = null;
        try {
            kind = org.dphub.plans.RecipientKind.valueOf(kindTyped);
        } catch (IllegalArgumentException e) {
            errors.reject("recipientKind", "plans.error.choose.RecipientKind");
        }
        org.dphub.plans.PlanRecipient recipient = new org.dphub.plans.PlanRecipient(kind, caredFor(practitioner, reference),
                "true".equals(ehc));
        if (kind != null && kind != org.dphub.plans.RecipientKind.ADULT) {
            plans.checkRecipient(practitioner, citizen, form.typed(new FormErrors(messages, locale)).startDate(), recipient, errors);
        }
        NewPlanVersion plan = PlanInput.read(form.typed(errors), settings.paHourlyRate(), errors, choices.known());
        if (plan == null || !errors.isEmpty()) {
            choices.addTo(model, locale);
            recipientChoices(model, kindTyped, reference, ehc);
            return PlanFormPage.show(model, PlanFormPage.Purpose.NEW, citizen, null, form, errors, settings);
        }
        return "redirect:/plans/" + plans.create(practitioner, id, plan, recipient, errors).id();
    }
}
