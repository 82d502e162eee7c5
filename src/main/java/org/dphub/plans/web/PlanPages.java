package org.dphub.plans.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.plans.CarePlans;
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

    private final CarePlans plans;
    private final Citizens citizens;

    PlanPages(CarePlans plans, Citizens citizens) {
        this.plans = plans;
        this.citizens = citizens;
    }

    @GetMapping("/plans/{planId}")
    String plan(SignedInUser user, @PathVariable long planId, Model model) {
        CarePlans.Plan plan = plans.find(user, planId).orElseThrow(NotFound::new);
        return show(user, plan, plan.inForce(), model);
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
