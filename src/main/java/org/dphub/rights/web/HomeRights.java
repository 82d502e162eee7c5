package org.dphub.rights.web;

import java.util.List;
import org.dphub.rights.PersonalDataRights;
import org.dphub.shared.SignedInUser;
import org.dphub.web.HomeContribution;
import org.dphub.web.HomeItem;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the home page of the DP team and administrators: the erasures a restore from a backup undid that
 * are still to carry out again (issue 17), first among their things to do and flagged, until each is.
 * Nothing when there are none, which is almost always; one count for staff who may erase.
 */
@Component
@Order(5)
class HomeRights implements HomeContribution {

    private final PersonalDataRights rights;

    HomeRights(PersonalDataRights rights) {
        this.rights = rights;
    }

    @Override
    public List<HomeItem> itemsFor(SignedInUser user) {
        if (!user.isStaff() || !PersonalDataRights.mayErase(user)) {
            return List.of(); // a citizen's home page, the one most asked for, asks nothing more
        }
        long again = rights.erasuresToCarryOutAgain(user);
        if (again == 0) {
            return List.of();
        }
        return List.of(new HomeItem.ToDo(null, 1, HomeItem.Text.of("rights.undone.home", again), ErasuresUndoneController.PATH, true));
    }
}
