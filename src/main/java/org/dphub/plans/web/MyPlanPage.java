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
import org.dphub.plans.OutcomeDirectory;
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
                  LocalDate nextReview, List<Whose> whose) {
    }

    /**
     * Issue 18: whose a carer's or a child's direct payment is, in words ("Your carer's direct payment",
     * "Direct payment for Alex, held by you"): a message key and the person's first name.
     */
    record Whose(long directPaymentId, String key, String name) {

        static java.util.Optional<Whose> of(DirectPayments.Details details, Citizen citizen, boolean self, long userId) {
            DirectPayment dp = details.directPayment();
            if (dp.recipientKind() == org.dphub.plans.RecipientKind.ADULT || dp.status() == DirectPaymentStatus.ENDED) {
                return java.util.Optional.empty();
            }
            boolean heldByThisRepresentative = details.representative()
                    .map(r -> r.userId() != null && r.userId() == userId).orElse(false);
            if (self ? dp.representativeId() != null : !heldByThisRepresentative) {
                return java.util.Optional.empty(); // "held by you" only to the one who holds it
            }
            return java.util.Optional.of(new Whose(dp.id(), "myplan.whose." + dp.recipientKind() + (self ? ".self" : ".other"),
                    citizen.givenName()));
        }
    }

    private final Citizens citizens;
    private final CarePlans plans;
    private final DirectPayments directPayments;
    private final Councils councils;
    private final List<OutcomeDirectory> directory;

    MyPlanPage(Citizens citizens, CarePlans plans, DirectPayments directPayments, Councils councils,
               List<OutcomeDirectory> directory) {
        this.citizens = citizens;
        this.plans = plans;
        this.directPayments = directPayments;
        this.councils = councils;
        this.directory = directory;
    }

    /**
     * For each plan version shown, one link a outcome: the directory's search near the person for
     * what the outcome is tagged with (or everything near them when it is not tagged).
     */
    private java.util.Map<Long, List<String>> findLinks(List<Person> people) {
        java.util.Map<Long, List<String>> links = new java.util.HashMap<>();
        if (directory.isEmpty()) {
            return links;
        }
        for (Person person : people) {
            for (PlanView view : person.plans()) {
                List<String> hrefs = new java.util.ArrayList<>();
                for (int n = 1; n <= view.version().outcomes().size(); n++) {
                    hrefs.add(directory.get(0).searchHref(person.citizen().postcode(), view.version().termsOf(n)));
                }
                links.put(view.version().id(), hrefs);
            }
        }
        return links;
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
                            .min(Comparator.naturalOrder()).orElse(null),
                    payments.stream().map(d -> Whose.of(d, citizen,
                            c.relationship() == org.dphub.identity.CitizenRelationship.SELF, user.userId()))
                            .flatMap(java.util.Optional::stream).toList());
        }).toList();
        model.addAttribute("people", people);
        model.addAttribute("findLinks", findLinks(people));
        return "plans/my-plan";
    }
}
