package org.dphub.directory.web;

import java.util.Map;
import org.dphub.directory.PaymentRequests;
import org.dphub.identity.CitizenRelationship;
import org.dphub.payments.MyMoneySection;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.Reads;
import org.springframework.stereotype.Component;

/**
 * On "Your money": the person's dphub number, which a provider needs to ask them for payment, and
 * requests for payment from providers, waiting, agreed and paid, in plain words.
 */
@Component
class PaymentRequestsMoneySection implements MyMoneySection {

    private final PaymentRequests requests;
    private final Citizens citizens;

    PaymentRequestsMoneySection(PaymentRequests requests, Citizens citizens) {
        this.requests = requests;
        this.citizens = citizens;
    }

    @Override
    public Section section(SignedInUser viewer, Citizen citizen) {
        var list = requests.forCitizen(viewer, citizen.id());
        boolean self = citizens.actingFor(viewer).stream()
                .anyMatch(c -> c.citizen().id() == citizen.id() && c.relationship() == CitizenRelationship.SELF);
        // the number as a String, so that it is never grouped ("12,345") by the message's formatting
        return new Section("directory/money-section", "requests", Map.of("directoryRequests", list,
                "directoryCitizenId", citizen.id(), "directoryNumber", String.valueOf(citizen.id()), "directorySelf", self,
                "directoryName", citizen.fullName()));
    }

    @Override
    public void readAhead(SignedInUser viewer, Citizen citizen, Reads.Together reads) {
        requests.readAhead(citizen.councilId(), citizen.id(), reads);
    }
}
