package org.dphub.feedback.web;

import java.util.ArrayList;
import java.util.List;
import org.dphub.feedback.Feedback;
import org.dphub.feedback.Round;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.Reads;
import org.dphub.web.HomeContribution;
import org.dphub.web.HomeItem.Text;
import org.dphub.web.HomeItem;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On the home page: a survey round open to this person that they have not answered yet (a thing
 * to do, with the day it closes), and for council staff how many of the council's rounds are open,
 * linked to the rounds and their results.
 */
@Component
@Order(95)
class HomeFeedback implements HomeContribution {

    private final Feedback feedback;

    HomeFeedback(Feedback feedback) {
        this.feedback = feedback;
    }

    @Override
    public void readAhead(SignedInUser user, Reads.Together reads) {
        feedback.readAhead(user, reads);
    }

    @Override
    public List<HomeItem> itemsFor(SignedInUser user) {
        List<HomeItem> items = new ArrayList<>();
        for (Round round : feedback.waitingFor(user)) {
            items.add(new HomeItem.ToDo(null, 95, Text.of("home.todo.feedback", round.closesOn()), "/feedback/rounds/" + round.id(),
                    false));
        }
        if (Feedback.maySeeResults(user)) {
            items.add(new HomeItem.Work(95, Text.of("home.work.feedback"), feedback.openRounds(user), "/feedback", false));
        }
        return items;
    }
}
