package org.dphub.help.web;

import java.util.ArrayList;
import java.util.List;
import org.dphub.help.HelpCounts;
import org.dphub.help.HelpRequests;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.Reads;
import org.dphub.web.HomeContribution;
import org.dphub.web.HomeItem;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Help on the home page (issue 18): for the DP team, the queue counted (open, unassigned, mine,
 * past the council's target for a first reply) and their caseload; for people who ask, a reply
 * waiting for them and the way to ask.
 */
@Component
@Order(80)
class HomeHelp implements HomeContribution {

    private final HelpRequests requests;

    HomeHelp(HelpRequests requests) {
        this.requests = requests;
    }

    @Override
    public void readAhead(SignedInUser user, Reads.Together reads) {
        requests.readAhead(user, reads);
    }

    @Override
    public List<HomeItem> itemsFor(SignedInUser user) {
        List<HomeItem> items = new ArrayList<>();
        if (user.councilId() != null && HelpRequests.isTeamOf(user, user.councilId())) {
            HelpCounts counts = requests.counts(user);
            items.add(new HomeItem.Work(80, HomeItem.Text.of("help.home.overdue"), counts.overdue(), "/help/queue?show=OPEN", true));
            items.add(new HomeItem.Work(81, HomeItem.Text.of("help.home.unassigned"), counts.unassigned(), "/help/queue?show=UNASSIGNED",
                    false));
            items.add(new HomeItem.Work(82, HomeItem.Text.of("help.home.mine"), counts.mine(), "/help/queue?show=MINE", false));
            items.add(new HomeItem.Work(83, HomeItem.Text.of("help.home.open"), counts.open(), "/help/queue?show=OPEN", false));
            items.add(new HomeItem.ToDo(null, 84, HomeItem.Text.of("help.home.caseload"), "/caseload", false));
        }
        if (HelpRequests.mayAsk(user)) {
            long answered = requests.answeredFor(user);
            if (answered > 0) {
                items.add(new HomeItem.ToDo(null, 80, HomeItem.Text.of("help.home.answered", answered), "/help", false));
            }
            items.add(new HomeItem.ToDo(null, 81, HomeItem.Text.of("help.home.ask"), "/help/ask", false));
        }
        return items;
    }
}
