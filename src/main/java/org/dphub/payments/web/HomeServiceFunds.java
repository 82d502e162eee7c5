package org.dphub.payments.web;

import java.util.List;
import org.dphub.payments.ServiceFunds;
import org.dphub.shared.SignedInUser;
import org.dphub.web.HomeContribution;
import org.dphub.web.HomeItem;
import org.springframework.stereotype.Component;

/** On the home page (issue 18): the individual service funds a provider holds, or the council's for its DP team and finance. */
@Component
class HomeServiceFunds implements HomeContribution {

    private final ServiceFunds funds;

    HomeServiceFunds(ServiceFunds funds) {
        this.funds = funds;
    }

    @Override
    public List<HomeItem> itemsFor(SignedInUser user) {
        long count = funds.countFor(user);
        return count == 0 ? List.of()
                : List.of(new HomeItem.Work(45, HomeItem.Text.of("home.work.service-funds"), count, "/service-funds", false));
    }
}
