package org.dphub.plans.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.dphub.plans.DirectPayments;
import org.dphub.shared.SignedInUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** What the council's staff need to act on: reviews coming due, and requests still waiting for money. */
@Controller
class WorkQueuePages {

    /** Reviews this many days ahead are shown as coming up. */
    static final int DUE_SOON_DAYS = 30;

    /** A direct payment with the flags its row shows. */
    record Row(DirectPayments.Details details, boolean overdue, boolean dueSoon, boolean overTarget) {
    }

    private final DirectPayments directPayments;
    private final Clock clock;

    WorkQueuePages(DirectPayments directPayments, Clock clock) {
        this.directPayments = directPayments;
        this.clock = clock;
    }

    /** Active direct payments by next review date: overdue first (regulation 7). */
    @GetMapping("/reviews")
    String reviews(SignedInUser staff, Model model) {
        LocalDate soon = LocalDate.now(clock).plusDays(DUE_SOON_DAYS);
        List<Row> rows = directPayments.reviewsDue(staff).stream()
                .map(d -> new Row(d, d.reviewOverdue(), !d.reviewOverdue() && !d.nextReviewDue().isAfter(soon), false))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("overdue", rows.stream().filter(Row::overdue).count());
        model.addAttribute("dueSoonDays", DUE_SOON_DAYS);
        return "plans/reviews";
    }

    /** Requests whose money has not reached the person yet, with the days they have waited. */
    @GetMapping("/direct-payments/in-progress")
    String inProgress(SignedInUser staff, Model model) {
        List<Row> rows = directPayments.inProgress(staff).stream()
                .map(d -> new Row(d, false, false, d.daysSinceRequest() > d.targetDaysToMoney()))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("overTarget", rows.stream().filter(Row::overTarget).count());
        return "plans/in-progress";
    }
}
