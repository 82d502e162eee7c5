package org.dphub.directory.web;

import java.util.List;
import org.dphub.directory.GroupPurchases;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.Reads;
import org.dphub.web.HomeContribution;
import org.dphub.web.HomeItem.Text;
import org.dphub.web.HomeItem;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Buying together on the home page: a share waiting for the person's agreement is a thing to do. */
@Component
@Order(75)
class HomeGroups implements HomeContribution {

    private final GroupPurchases groups;

    HomeGroups(GroupPurchases groups) {
        this.groups = groups;
    }

    @Override
    public void readAhead(SignedInUser user, Reads.Together reads) {
        if (!user.isStaff() && (user.has(Role.CITIZEN) || user.has(Role.REPRESENTATIVE))) {
            groups.readAhead(user, reads);
        }
    }

    @Override
    public List<HomeItem> itemsFor(SignedInUser user) {
        if (user.isStaff() || !(user.has(Role.CITIZEN) || user.has(Role.REPRESENTATIVE))) {
            return List.of();
        }
        return groups.waitingForConsent(user).stream()
                .<HomeItem>map(w -> new HomeItem.ToDo(w.citizenId(), 45, Text.of("home.todo.group-share", w.title(),
                        w.share().formatWithPence()), "/group-purchases/" + w.groupId(), false))
                .toList();
    }
}
