package org.dphub.approvals.web;

import java.util.ArrayList;
import java.util.List;
import org.dphub.approvals.OneOffPayments;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.web.HomeContribution;
import org.dphub.web.HomeItem;
import org.dphub.web.HomeItem.Text;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * One-off payments in the work queue: a budget holder's waiting for a decision; a practitioner's
 * own that wait for a budget holder. Both link to {@code /one-off-payments}, which lists them.
 */
@Component
@Order(40)
class HomeOneOffs implements HomeContribution {

    private final OneOffPayments payments;

    HomeOneOffs(OneOffPayments payments) {
        this.payments = payments;
    }

    @Override
    public List<HomeItem> itemsFor(SignedInUser user) {
        if (!user.has(Role.BUDGET_HOLDER) && !user.has(Role.PRACTITIONER)) {
            return List.of();
        }
        OneOffPayments.Waiting waiting = payments.waiting(user);
        List<HomeItem> items = new ArrayList<>();
        if (user.has(Role.BUDGET_HOLDER)) {
            items.add(new HomeItem.Work(30, Text.of("home.work.one-offs-to-decide"), waiting.forDecision(), "/one-off-payments", true));
        }
        if (user.has(Role.PRACTITIONER)) {
            items.add(new HomeItem.Work(31, Text.of("home.work.one-offs-asked"), waiting.askedByYou(), "/one-off-payments", false));
        }
        return items;
    }
}
