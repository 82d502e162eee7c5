package org.dphub.directory.web;

import java.util.List;
import org.dphub.directory.GroupPurchases;
import org.dphub.shared.SignedInUser;
import org.springframework.stereotype.Component;

/**
 * A person's places in group purchases, for the "Buying together" part of Your money (the
 * fragment directory/group-shares asks for them as {@code @groupMoney.places(...)}), so the
 * money page needs no change but an include.
 */
@Component("groupMoney")
public class GroupMoney {

    private final GroupPurchases groups;

    GroupMoney(GroupPurchases groups) {
        this.groups = groups;
    }

    public List<GroupPurchases.Place> places(SignedInUser user, long citizenId) {
        return user == null ? List.of() : groups.placesOf(user, citizenId);
    }
}
