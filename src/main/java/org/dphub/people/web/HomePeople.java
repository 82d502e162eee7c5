package org.dphub.people.web;

import java.util.List;
import org.dphub.identity.CitizenRelationship;
import org.dphub.people.Citizens;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.web.HomeContribution;
import org.dphub.web.HomeItem;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The people a citizen's or representative's home is about: themself, and each person they act for. */
@Component
@Order(10)
class HomePeople implements HomeContribution {

    private final Citizens citizens;

    HomePeople(Citizens citizens) {
        this.citizens = citizens;
    }

    @Override
    public List<HomeItem> itemsFor(SignedInUser user) {
        if (!user.has(Role.CITIZEN) && !user.has(Role.REPRESENTATIVE)) {
            return List.of();
        }
        return citizens.actingFor(user).stream().<HomeItem>map(c -> new HomeItem.Person(c.citizen().id(), c.citizen().fullName(),
                c.relationship() == CitizenRelationship.SELF)).toList();
    }
}
