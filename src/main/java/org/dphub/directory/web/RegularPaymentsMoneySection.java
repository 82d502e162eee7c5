package org.dphub.directory.web;

import java.util.Map;
import org.dphub.directory.RegularPayments;
import org.dphub.payments.MyMoneySection;
import org.dphub.people.Citizen;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.Reads;
import org.springframework.stereotype.Component;

/** On "Your money": the person's regular payments to providers (next date, amount, paid, missed), and how to set one up. */
@Component
class RegularPaymentsMoneySection implements MyMoneySection {

    private final RegularPayments payments;

    RegularPaymentsMoneySection(RegularPayments payments) {
        this.payments = payments;
    }

    @Override
    public Section section(SignedInUser viewer, Citizen citizen) {
        return new Section("directory/regular-money-section", "regular", Map.of(
                "directoryRegular", payments.forCitizen(viewer, citizen.id()), "directoryRegularCitizenId", citizen.id()));
    }

    @Override
    public void readAhead(SignedInUser viewer, Citizen citizen, Reads.Together reads) {
        payments.readAhead(citizen.councilId(), citizen.id(), reads);
    }
}
