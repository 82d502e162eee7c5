package org.dphub.help.web;

import java.util.ArrayList;
import java.util.List;
import org.dphub.help.CoverBookings;
import org.dphub.people.Citizens;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.web.HomeContribution;
import org.dphub.web.HomeItem;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Cover on the home page (issue 18): for a PA, cover requests waiting for their answer; for the
 * person and their representatives, the way to find cover when their PA cannot come.
 */
@Component
@Order(81)
class HomeCover implements HomeContribution {

    private final CoverBookings bookings;
    private final Citizens citizens;

    HomeCover(CoverBookings bookings, Citizens citizens) {
        this.bookings = bookings;
        this.citizens = citizens;
    }

    @Override
    public List<HomeItem> itemsFor(SignedInUser user) {
        List<HomeItem> items = new ArrayList<>();
        if (user.has(Role.PERSONAL_ASSISTANT)) {
            long waiting = bookings.waitingForPa(user);
            if (waiting > 0) {
                items.add(new HomeItem.ToDo(null, 79, HomeItem.Text.of("cover.home.waiting", waiting), "/cover-bookings", true));
            }
        }
        if (!user.isStaff() && (user.has(Role.CITIZEN) || user.has(Role.REPRESENTATIVE))) {
            // a way in, like "Ask for help", not a task on each person's list: nothing needs doing until a PA is off
            if (!citizens.actingFor(user).isEmpty()) {
                items.add(new HomeItem.ToDo(null, 85, HomeItem.Text.of("cover.home.find"), "/cover", false));
            }
        }
        return items;
    }
}
