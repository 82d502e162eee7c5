package org.dphub.peersupport.web;

import java.util.ArrayList;
import java.util.List;
import org.dphub.peersupport.Board;
import org.dphub.peersupport.PeerSupport;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.Reads;
import org.dphub.web.HomeContribution;
import org.dphub.web.HomeItem.Text;
import org.dphub.web.HomeItem;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Peer support on the home page. An employer or representative is asked to say which answer helped
 * with each of their questions that has answers; the council's practitioners, budget holders and
 * DP team count the practitioners' questions nobody has answered; the DP team counts the reported
 * posts by its council's people (needing attention). Counts are single SQL counts for the council.
 */
@Component
@Order(95)
class HomePeerSupport implements HomeContribution {

    private final PeerSupport peerSupport;

    HomePeerSupport(PeerSupport peerSupport) {
        this.peerSupport = peerSupport;
    }

    @Override
    public void readAhead(SignedInUser user, Reads.Together reads) {
        peerSupport.readAhead(user, reads);
    }

    @Override
    public List<HomeItem> itemsFor(SignedInUser user) {
        List<HomeItem> items = new ArrayList<>();
        if (Board.EMPLOYERS.mayPost(user)) {
            peerSupport.ownQuestionsWaitingForHelpful(user).forEach((id, title) ->
                    items.add(new HomeItem.ToDo(null, 90, Text.of("home.todo.peer-helpful", title), "/peer-support/questions/" + id, false)));
        }
        if (Board.PRACTITIONERS.mayRead(user)) {
            items.add(new HomeItem.Work(95, Text.of("home.work.peer-unanswered"), peerSupport.unansweredPractitionerQuestions(user),
                    "/peer-support/practitioners?view=unanswered", false));
        }
        if (user.has(Role.DP_TEAM) && user.councilId() != null) {
            items.add(new HomeItem.Work(96, Text.of("home.work.peer-reports"), peerSupport.reportsWaiting(user), "/peer-support/moderation",
                    true));
        }
        return items;
    }
}
