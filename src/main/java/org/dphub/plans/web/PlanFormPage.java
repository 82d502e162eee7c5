package org.dphub.plans.web;

import org.dphub.councils.CouncilSettings;
import org.dphub.councils.PaymentFrequency;
import org.dphub.people.Citizen;
import org.dphub.plans.BudgetLineKind;
import org.dphub.plans.HowNeedsMet;
import org.dphub.web.FormErrors;
import org.springframework.ui.Model;

/** What the plan form page shows, whether it writes a new plan or changes one. */
final class PlanFormPage {

    enum Purpose { NEW, CHANGE, TEMPORARY_CHANGE }

    private PlanFormPage() {
    }

    static String show(Model model, Purpose purpose, Citizen citizen, Long planId, PlanForm form, FormErrors errors,
                       CouncilSettings settings) {
        model.addAttribute("purpose", purpose.name());
        model.addAttribute("citizen", citizen);
        model.addAttribute("planId", planId);
        model.addAttribute("form", form);
        model.addAttribute("rows", form.rows());
        model.addAttribute("errors", errors);
        model.addAttribute("councilPaRate", settings.paHourlyRate().formatWithPence());
        model.addAttribute("howNeedsMetOptions", HowNeedsMet.values());
        model.addAttribute("frequencies", PaymentFrequency.values());
        model.addAttribute("kinds", BudgetLineKind.values());
        return "plans/plan-form";
    }
}
