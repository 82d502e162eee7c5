package org.dphub.insights.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.dphub.insights.Insights;
import org.dphub.shared.SignedInUser;
import org.dphub.web.HomeContribution;
import org.dphub.web.HomeItem;
import org.dphub.web.HomeItem.Text;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On every staff member's home page: people with a direct payment today, linked to the council's figures. */
@Component
@Order(90)
class HomeInsights implements HomeContribution {

    private final Insights insights;
    private final Clock clock;

    HomeInsights(Insights insights, Clock clock) {
        this.insights = insights;
        this.clock = clock;
    }

    @Override
    public List<HomeItem> itemsFor(SignedInUser user) {
        if (!Insights.maySee(user)) {
            return List.of();
        }
        return List.of(new HomeItem.Work(90, Text.of("home.work.insights"),
                insights.activeDirectPayments(user, LocalDate.now(clock)), "/insights", false));
    }
}
