package org.dphub.marketplace;

import java.util.Optional;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.Reads;
import org.springframework.stereotype.Component;

/**
 * Who may act for a citizen in the marketplace: the citizen, a representative recorded for them
 * (people's {@code CitizenAccessPolicy}), or a practitioner of the citizen's council. Other staff
 * roles of the council see the person's records but do not post vacancies or hire for them.
 */
@Component
class EmployerSide {

    private final Citizens citizens;

    EmployerSide(Citizens citizens) {
        this.citizens = citizens;
    }

    Optional<Citizen> citizenFor(SignedInUser user, long citizenId) {
        return citizens.find(user, citizenId)
                .filter(c -> !user.isStaff() || (user.has(Role.PRACTITIONER) && user.isStaffOf(c.councilId())));
    }

    /** The people this person is or acts for (none for staff: they see introductions through a person's page). */
    java.util.List<Long> citizensActedFor(SignedInUser user) {
        return user.isStaff() ? java.util.List.of() : citizens.actingFor(user).stream().map(c -> c.citizen().id()).toList();
    }

    boolean mayActFor(SignedInUser user, long citizenId) {
        return citizenFor(user, citizenId).isPresent();
    }

    /** What {@link #citizenFor} will read, to send with a page's other reads. */
    void readAhead(SignedInUser user, long citizenId, Reads.Together together) {
        citizens.readAheadFind(user, citizenId, together);
    }
}
