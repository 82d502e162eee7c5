package org.dphub.payments.web;

import java.util.Map;
import org.dphub.payments.MyMoneySection;
import org.dphub.payments.ServiceFunds;
import org.dphub.people.Citizen;
import org.dphub.shared.SignedInUser;
import org.springframework.stereotype.Component;

/** On "Your money" (issue 18): each fund a provider holds for the person, what is left and what it was spent on. */
@Component
class ServiceFundMoneySection implements MyMoneySection {

    private final ServiceFunds funds;

    ServiceFundMoneySection(ServiceFunds funds) {
        this.funds = funds;
    }

    @Override
    public Section section(SignedInUser viewer, Citizen citizen) {
        var held = funds.heldFor(viewer, citizen.id());
        return held.isEmpty() ? null : new Section("payments/service-fund-money-section", "funds", Map.of("serviceFunds", held));
    }
}
