package org.dphub.plans.web;

import org.dphub.councils.CouncilSettings;
import org.dphub.councils.PaymentFrequency;
import org.dphub.people.Citizen;
import org.dphub.plans.BudgetLineKind;
import org.dphub.plans.HowNeedsMet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dphub.web.FormError;
import org.dphub.web.FormErrors;
import org.springframework.ui.Model;

/** What the plan form page shows, whether it writes a new plan or changes one. */
final class PlanFormPage {

    enum Purpose { NEW, CHANGE, TEMPORARY_CHANGE }

    private static final Pattern LINE_FIELD = Pattern.compile("^budgetLines\\[(\\d+)]\\.");

    private PlanFormPage() {
    }

    static String show(Model model, Purpose purpose, Citizen citizen, Long planId, PlanForm form, FormErrors errors,
                       CouncilSettings settings) {
        model.addAttribute("purpose", purpose.name());
        model.addAttribute("citizen", citizen);
        model.addAttribute("planId", planId);
        model.addAttribute("form", form);
        model.addAttribute("rows", form.rows());
        model.addAttribute("errors", namingLines(errors));
        model.addAttribute("councilPaRate", settings.paHourlyRate().formatWithPence());
        model.addAttribute("howNeedsMetOptions", HowNeedsMet.values());
        model.addAttribute("frequencies", PaymentFrequency.values());
        model.addAttribute("kinds", BudgetLineKind.values());
        model.addAttribute("mechanisms", org.dphub.plans.DeliveryMechanism.values());
        model.addAttribute("contingencyRows", form.contingencyRows());
        List<String> contingencyKinds = new java.util.ArrayList<>(List.of("NONE"));
        for (org.dphub.plans.ContingencyKind kind : org.dphub.plans.ContingencyKind.values()) {
            contingencyKinds.add(kind.name());
        }
        model.addAttribute("contingencyKinds", contingencyKinds);
        return "plans/plan-form";
    }

    /**
     * The same problems, in the same order, with each budget line's problems saying which line
     * ("Budget line 2: Enter hours a week..."), so the error summary is clear on its own.
     */
    static FormErrors namingLines(FormErrors errors) {
        FormErrors named = new FormErrors(errors.messages(), errors.locale());
        for (FormError error : errors.list()) {
            Matcher line = LINE_FIELD.matcher(error.field());
            if (line.find()) {
                named.reject(error.field(), "plans.form.line.error", Integer.parseInt(line.group(1)) + 1, error.message());
            } else {
                named.reject(error.field(), "plans.form.error", error.message());
            }
        }
        return named;
    }
}
