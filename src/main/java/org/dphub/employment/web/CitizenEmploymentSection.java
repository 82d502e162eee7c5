package org.dphub.employment.web;

import java.util.List;
import java.util.Map;
import org.dphub.employment.Employment;
import org.dphub.employment.Employments;
import org.dphub.people.Citizen;
import org.dphub.people.CitizenPageSection;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The PAs a person employs, on their page, for the DP team and practitioners of their council:
 * the way in to record a PA, check timesheets and run payroll on the person's behalf.
 */
@Component
@Order(40)
class CitizenEmploymentSection implements CitizenPageSection {

    private final Employments employments;

    CitizenEmploymentSection(Employments employments) {
        this.employments = employments;
    }

    @Override
    public Section section(SignedInUser viewer, Citizen citizen) {
        boolean show = viewer.isStaffOf(citizen.councilId()) && (viewer.has(Role.DP_TEAM) || viewer.has(Role.PRACTITIONER));
        List<Employment> pas = show ? employments.forCitizen(viewer, citizen.id()) : List.of();
        return new Section("employment/citizen-sections", "sections", Map.of("employmentSectionShow", show, "employmentSectionPas", pas));
    }
}
