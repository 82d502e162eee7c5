package org.dphub.plans.web;

import java.util.List;
import java.util.Map;
import org.dphub.people.Citizen;
import org.dphub.people.CitizenPageSection;
import org.dphub.plans.CarePlans;
import org.dphub.plans.DirectPayments;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The person's plans and direct payments, on their page. */
@Component
@Order(10)
class CitizenPlanSections implements CitizenPageSection {

    /** One plan in the list: when it started, and the version in force today. */
    record PlanRow(long planId, PlanView inForce, java.time.LocalDate firstStart) {
    }

    private final CarePlans plans;
    private final DirectPayments directPayments;

    CitizenPlanSections(CarePlans plans, DirectPayments directPayments) {
        this.plans = plans;
        this.directPayments = directPayments;
    }

    @Override
    public Section section(SignedInUser viewer, Citizen citizen) {
        List<PlanRow> rows = plans.plansOf(viewer, citizen.id()).stream()
                .map(p -> new PlanRow(p.id(), PlanView.of(p.inForce()), p.versions().get(0).startDate()))
                .toList();
        return new Section("plans/citizen-sections", "sections", Map.of(
                "plansSectionPlans", rows,
                "plansSectionPayments", directPayments.forCitizen(viewer, citizen.id()),
                "plansSectionMayChange", viewer.isStaffOf(citizen.councilId()) && viewer.has(Role.PRACTITIONER)));
    }
}
