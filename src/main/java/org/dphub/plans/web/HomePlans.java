package org.dphub.plans.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.dphub.people.Citizens;
import org.dphub.plans.DirectPaymentStatus;
import org.dphub.plans.DirectPayments;
import org.dphub.plans.TransitionToAdulthood;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.Reads;
import org.dphub.web.HomeContribution;
import org.dphub.web.HomeItem.Text;
import org.dphub.web.HomeItem;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Plans on the home page. For each person a citizen is or acts for: an agreement waiting to be
 * accepted (for those who may agree online) and the next review. For staff, counted in SQL: reviews
 * overdue and coming up (practitioners), and requests whose money has not arrived, against the
 * council's target days to money (practitioners, the DP team and budget holders); children turning 18
 * within the council's notice period whose adult support is not set up yet (practitioners and the DP
 * team; only when there are some).
 */
@Component
@Order(30)
class HomePlans implements HomeContribution {

    private final Citizens citizens;
    private final DirectPayments directPayments;
    private final TransitionToAdulthood transitions;

    HomePlans(Citizens citizens, DirectPayments directPayments, TransitionToAdulthood transitions) {
        this.citizens = citizens;
        this.directPayments = directPayments;
        this.transitions = transitions;
    }

    @Override
    public void readAhead(SignedInUser user, Reads.Together reads) {
        if (user.has(Role.CITIZEN) || user.has(Role.REPRESENTATIVE)) {
            citizens.actingFor(user).forEach(p -> directPayments.readAhead(p.citizen().councilId(), p.citizen().id(), reads));
        }
    }

    @Override
    public List<HomeItem> itemsFor(SignedInUser user) {
        List<HomeItem> items = new ArrayList<>();
        if (user.has(Role.CITIZEN) || user.has(Role.REPRESENTATIVE)) {
            for (Citizens.CitizenWithRelationship person : citizens.actingFor(user)) {
                person(user, person.citizen().id(), items);
            }
        }
        boolean practitioner = user.has(Role.PRACTITIONER);
        if (practitioner || user.has(Role.DP_TEAM) || user.has(Role.BUDGET_HOLDER)) {
            DirectPayments.WorkCounts counts = directPayments.workCounts(user, WorkQueuePages.DUE_SOON_DAYS);
            if (practitioner) {
                items.add(new HomeItem.Work(10, Text.of("home.work.reviews-overdue"), counts.reviewsOverdue(), "/reviews", true));
                items.add(new HomeItem.Work(11, Text.of("home.work.reviews-due-soon", WorkQueuePages.DUE_SOON_DAYS),
                        counts.reviewsDueSoon(), "/reviews", false));
            }
            items.add(new HomeItem.Work(20, Text.of("home.work.in-progress"), counts.inProgress(), "/direct-payments/in-progress",
                    false));
            items.add(new HomeItem.Work(21, Text.of("home.work.over-target", counts.targetDaysToMoney()), counts.overTarget(),
                    "/direct-payments/in-progress", true));
        }
        if (practitioner || user.has(Role.DP_TEAM)) {
            // issue 18: a child's payment ends at 18; the adult's must be set up in time for no gap in money
            long turning18 = transitions.stillToSetUp(user);
            if (turning18 > 0) {
                items.add(new HomeItem.Work(22, Text.of("home.work.turning-18"), turning18, "/direct-payments/moving-to-adult-support",
                        false));
            }
        }
        return items;
    }

    private void person(SignedInUser user, long citizenId, List<HomeItem> items) {
        List<DirectPayments.AtAGlance> payments = directPayments.atAGlance(user, citizenId);
        for (DirectPayments.AtAGlance d : payments) {
            if (d.mayAgreeOnline()) {
                items.add(new HomeItem.ToDo(citizenId, 10, Text.of("home.todo.agreement"),
                        "/direct-payments/" + d.directPayment().id() + "/agreement", false));
            }
        }
        payments.stream().filter(d -> d.directPayment().status() == DirectPaymentStatus.ACTIVE)
                .min(Comparator.comparing(DirectPayments.AtAGlance::nextReviewDue))
                .ifPresent(d -> {
                    LocalDate due = d.nextReviewDue();
                    items.add(new HomeItem.Fact(citizenId, 90, Text.of("home.review"),
                            Text.of(d.reviewOverdue() ? "home.review.overdue" : "home.review.by", due)));
                });
    }
}
