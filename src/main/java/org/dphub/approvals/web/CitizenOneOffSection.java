package org.dphub.approvals.web;

import java.util.Map;
import org.dphub.approvals.OneOffPayments;
import org.dphub.people.Citizen;
import org.dphub.people.CitizenPageSection;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The person's one-off payments on their page, and for a practitioner the way to make one. */
@Component
@Order(30)
class CitizenOneOffSection implements CitizenPageSection {

    private final OneOffPayments payments;

    CitizenOneOffSection(OneOffPayments payments) {
        this.payments = payments;
    }

    @Override
    public Section section(SignedInUser viewer, Citizen citizen) {
        boolean staff = viewer.isStaffOf(citizen.councilId());
        return new Section("approvals/citizen-sections", "sections", Map.of(
                "approvalsSectionStaff", staff,
                "approvalsSectionPayments", staff ? payments.forCitizen(viewer, citizen.id()) : java.util.List.of(),
                "approvalsSectionMayAsk", staff && viewer.has(Role.PRACTITIONER)));
    }
}
