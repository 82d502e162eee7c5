package org.dphub.payments.web;

import java.util.Map;
import org.dphub.payments.Accounts;
import org.dphub.people.Citizen;
import org.dphub.people.CitizenPageSection;
import org.dphub.shared.SignedInUser;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The person's direct payment accounts, on their page for council staff, each linked to its account page. */
@Component
@Order(20)
class CitizenMoneySection implements CitizenPageSection {

    private final Accounts accounts;

    CitizenMoneySection(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Section section(SignedInUser viewer, Citizen citizen) {
        return new Section("payments/citizen-sections", "sections", Map.of(
                "paymentsSectionAccounts", viewer.isStaffOf(citizen.councilId()) ? accounts.forCitizen(viewer, citizen.id())
                        : java.util.List.of(),
                "paymentsSectionStaff", viewer.isStaffOf(citizen.councilId())));
    }
}
