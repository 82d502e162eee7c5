package org.dphub.directory.web;

import java.util.Map;
import org.dphub.directory.GroupPurchases;
import org.dphub.payments.MyMoneySection;
import org.dphub.people.Citizen;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.Reads;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * "Buying together" on Your money: the person's places in group purchases, their shares and any
 * refund (the fragment directory/group-shares), or a link to pool their money with others. First of
 * the sections other modules add, and read with the rest of the page in its one read-only transaction.
 */
@Component
@Order(0)
class GroupSharesMoneySection implements MyMoneySection {

    private final GroupPurchases groups;

    GroupSharesMoneySection(GroupPurchases groups) {
        this.groups = groups;
    }

    @Override
    public Section section(SignedInUser viewer, Citizen citizen) {
        return new Section("directory/group-shares", "groupShares", Map.of("groupPlaces", groups.placesOf(viewer, citizen.id())));
    }

    @Override
    public void readAhead(SignedInUser viewer, Citizen citizen, Reads.Together reads) {
        groups.readAheadPlaces(citizen.councilId(), citizen.id(), reads);
    }
}
