package org.dphub.plans.web;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.dphub.councils.Council;
import org.dphub.councils.Councils;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.plans.CarePlans;
import org.dphub.plans.DirectPayment;
import org.dphub.plans.DirectPaymentStatus;
import org.dphub.plans.DirectPayments;
import org.dphub.shared.SignedInUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "Your plan" for a citizen, or for each person a representative acts for (and nobody else):
 * what matters, the money in words and numbers, what it can be spent on, the next review, how to
 * ask for a change, and an agreement waiting to be read.
 */
@Controller
class MyPlanPage {

    /** One person's plans as they see them. */
    record Person(Citizen citizen, boolean self, Council council, List<PlanView> plans, List<DirectPayment> waiting,
                  LocalDate nextReview) {
    }

    private final Citizens citizens;
    private final CarePlans plans;
    private final DirectPayments directPayments;
    private final Councils councils;

    MyPlanPage(Citizens citizens, CarePlans plans, DirectPayments directPayments, Councils councils) {
        this.citizens = citizens;
        this.plans = plans;
        this.directPayments = directPayments;
        this.councils = councils;
    }

    @GetMapping("/my-plan")
    String myPlan(SignedInUser user, Model model) {
        List<Person> people = citizens.actingFor(user).stream().map(c -> {
            Citizen citizen = c.citizen();
            List<DirectPayments.Details> payments = directPayments.forCitizen(user, citizen.id());
            return new Person(citizen, c.relationship() == org.dphub.identity.CitizenRelationship.SELF,
                    councils.findById(citizen.councilId()).orElseThrow(),
                    plans.plansOf(user, citizen.id()).stream().map(p -> PlanView.of(p.inForce())).toList(),
                    payments.stream().map(DirectPayments.Details::directPayment)
                            .filter(DirectPayment::awaitingAgreement).toList(),
                    payments.stream()
                            .filter(d -> d.directPayment().status() == DirectPaymentStatus.ACTIVE)
                            .map(DirectPayments.Details::nextReviewDue)
                            .min(Comparator.naturalOrder()).orElse(null));
        }).toList();
        model.addAttribute("people", people);
        return "plans/my-plan";
    }
}
