package org.dphub.directory.web;

import java.util.List;
import java.util.Map;
import org.dphub.directory.RegularPayments;
import org.dphub.people.Citizen;
import org.dphub.people.CitizenPageSection;
import org.dphub.shared.SignedInUser;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On a person's page, for their council's staff: the person's regular payments to providers, to read (only they stop one). */
@Component
@Order(45)
class CitizenRegularPaymentsSection implements CitizenPageSection {

    private final RegularPayments payments;

    CitizenRegularPaymentsSection(RegularPayments payments) {
        this.payments = payments;
    }

    @Override
    public Section section(SignedInUser viewer, Citizen citizen) {
        boolean staff = viewer.isStaffOf(citizen.councilId());
        List<RegularPayments.RegularPayment> list = staff ? payments.forCitizen(viewer, citizen.id()) : List.of();
        return new Section("directory/regular-citizen-section", "regular", Map.of("directoryRegularStaff", staff && !list.isEmpty(),
                "directoryRegularList", list));
    }
}
