package org.dphub.plans.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.plans.CarePlans;
import org.dphub.plans.OutcomeDirectory;
import org.dphub.plans.PlanVersion;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.web.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A care and support plan as it is today, with every earlier version readable. Staff of the
 * person's council, the person and their representatives may read it; anyone else gets 404.
 */
@Controller
class PlanPages {

    /** Services near the person for one tagged outcome. */
    record OutcomeHelp(int number, String text, OutcomeDirectory.Nearby nearby) {
    }

    /** How many services to list under each outcome; the search link lists the rest. */
    static final int SERVICES_PER_OUTCOME = 3;

    private final CarePlans plans;
    private final Citizens citizens;
    private final List<OutcomeDirectory> directory;

    PlanPages(CarePlans plans, Citizens citizens, List<OutcomeDirectory> directory) {
        this.plans = plans;
        this.citizens = citizens;
        this.directory = directory;
    }

    @GetMapping("/plans/{planId}")
    String plan(SignedInUser user, @PathVariable long planId, Model model, java.util.Locale locale) {
        CarePlans.Plan plan = plans.find(user, planId).orElseThrow(NotFound::new);
        String page = show(user, plan, plan.inForce(), model);
        // a practitioner (any of the council's staff) sees what is near the person for each tagged outcome
        List<OutcomeHelp> help = new ArrayList<>();
        if (user.isStaffOf(plan.councilId())) {
            Citizen citizen = (Citizen) model.getAttribute("citizen");
            PlanVersion v = plan.inForce();
            for (OutcomeDirectory d : directory) {
                for (int n = 1; n <= v.outcomes().size(); n++) {
                    if (!v.termsOf(n).isEmpty()) {
                        help.add(new OutcomeHelp(n, v.outcomes().get(n - 1),
                                d.servicesNear(citizen.postcode(), v.termsOf(n), SERVICES_PER_OUTCOME, locale)));
                    }
                }
            }
            model.addAttribute("outcomeHelp", help);
        }
        return page;
    }

    @GetMapping("/plans/{planId}/versions/{versionId}")
    String version(SignedInUser user, @PathVariable long planId, @PathVariable long versionId, Model model) {
        CarePlans.Plan plan = plans.find(user, planId).orElseThrow(NotFound::new);
        PlanVersion version = plan.versions().stream().filter(v -> v.id() == versionId).findFirst().orElseThrow(NotFound::new);
        return show(user, plan, version, model);
    }

    private String show(SignedInUser user, CarePlans.Plan plan, PlanVersion shown, Model model) {
        Citizen citizen = citizens.find(user, plan.citizenId()).orElseThrow(NotFound::new);
        model.addAttribute("plan", plan);
        model.addAttribute("citizen", citizen);
        model.addAttribute("view", PlanView.of(shown));
        model.addAttribute("isInForce", shown.id() == plan.inForce().id());
        model.addAttribute("inForceVersion", plan.inForce().version());
        List<PlanView> history = new ArrayList<>(plan.versions().stream().map(PlanView::of).toList());
        Collections.reverse(history);
        model.addAttribute("history", history);
        model.addAttribute("mayChange", user.isStaffOf(plan.councilId()) && user.has(Role.PRACTITIONER));
        model.addAttribute("isStaff", user.isStaffOf(plan.councilId()));
        return "plans/plan";
    }
}
