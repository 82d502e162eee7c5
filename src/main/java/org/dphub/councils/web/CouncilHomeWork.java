package org.dphub.councils.web;

import java.util.List;
import org.dphub.councils.Councils;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.Reads;
import org.dphub.web.HomeContribution;
import org.dphub.web.HomeItem;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A council administrator's home: the direct payments team's phone and email, while they are missing. */
@Component
@Order(90)
class CouncilHomeWork implements HomeContribution {

    private final Councils councils;

    CouncilHomeWork(Councils councils) {
        this.councils = councils;
    }

    @Override
    public void readAhead(SignedInUser user, Reads.Together reads) {
        // the settings this contribution reads (the layout reads the council as well: YourCouncilModel)
        if (user.has(Role.COUNCIL_ADMIN) && user.councilId() != null) {
            councils.readAhead(user.councilId(), reads);
        }
    }

    @Override
    public List<HomeItem> itemsFor(SignedInUser user) {
        if (!user.has(Role.COUNCIL_ADMIN) || user.councilId() == null
                || !councils.settings(user.councilId()).settings().contact().isEmpty()) {
            return List.of();
        }
        return List.of(new HomeItem.ToDo(null, 90, HomeItem.Text.of("home.todo.council-contact"), "/council/settings/edit#contactPhone",
                false));
    }
}
