package org.dphub.help.web;

import org.dphub.people.DpContacts;
import org.dphub.plans.DirectPayments;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A DP team member's caseload (issue 18): the people whose named contact they are, and the people
 * of the council with a direct payment who have no named contact yet, each linked to their page
 * where the contact is chosen.
 */
@Controller
class CaseloadPage {

    private final DpContacts contacts;
    private final DirectPayments directPayments;

    CaseloadPage(DpContacts contacts, DirectPayments directPayments) {
        this.contacts = contacts;
        this.directPayments = directPayments;
    }

    @GetMapping("/caseload")
    String caseload(SignedInUser staff, Model model) {
        if (staff.councilId() == null || !staff.isStaffOf(staff.councilId())
                || !(staff.has(Role.DP_TEAM) || staff.has(Role.COUNCIL_ADMIN))) {
            throw new AccessDeniedException("The direct payments team's caseload");
        }
        model.addAttribute("mine", contacts.caseload(staff, staff.userId()));
        model.addAttribute("without", contacts.withoutContact(staff, directPayments.holders(staff)));
        return "help/caseload";
    }
}
