package org.dphub.rights.web;

import java.util.Map;
import org.dphub.people.Citizen;
import org.dphub.people.CitizenPageSection;
import org.dphub.rights.PersonalDataRights;
import org.dphub.shared.SignedInUser;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On a person's page, for staff who may ask for a whole record: the link to the person's data. */
@Component
@Order(90)
class CitizenDataSection implements CitizenPageSection {

    @Override
    public Section section(SignedInUser viewer, Citizen citizen) {
        return new Section("rights/citizen-section", "section", Map.of(
                "rightsSectionShown", viewer.isStaffOf(citizen.councilId()) && PersonalDataRights.mayAskAsStaff(viewer),
                "rightsSectionCitizenId", citizen.id()));
    }
}
