package org.dphub.directory.web;

import java.util.Map;
import org.dphub.directory.PaymentRequests;
import org.dphub.payments.MyMoneySection;
import org.dphub.people.Citizen;
import org.dphub.shared.SignedInUser;
import org.springframework.stereotype.Component;

/** On "Your money": requests for payment from providers, waiting, agreed and paid, in plain words. */
@Component
class PaymentRequestsMoneySection implements MyMoneySection {

    private final PaymentRequests requests;

    PaymentRequestsMoneySection(PaymentRequests requests) {
        this.requests = requests;
    }

    @Override
    public Section section(SignedInUser viewer, Citizen citizen) {
        var list = requests.forCitizen(viewer, citizen.id());
        if (list.isEmpty()) {
            return null;
        }
        return new Section("directory/money-section", "requests", Map.of("directoryRequests", list,
                "directoryCitizenId", citizen.id()));
    }
}
