package org.dphub.employment.web;

import java.util.Map;
import org.dphub.people.Citizen;
import org.dphub.people.CitizenPageSection;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On a person's page, for the council's DP team and practitioners (who may check a PA's cost with
 * them, as the API allows): the way to the budget check. The person and those acting for them
 * reach it from "Your PAs".
 */
@Component
@Order(40)
class CitizenEmploymentSection implements CitizenPageSection {

    @Override
    public Section section(SignedInUser viewer, Citizen citizen) {
        boolean shown = viewer.isStaffOf(citizen.councilId()) && (viewer.has(Role.DP_TEAM) || viewer.has(Role.PRACTITIONER));
        return new Section("employment/citizen-sections", "sections", Map.of("employmentSectionShown", shown));
    }
}
