package org.dphub.monitoring.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dphub.monitoring.Checks;
import org.dphub.monitoring.Questions;
import org.dphub.monitoring.Returns;
import org.dphub.payments.Accounts;
import org.dphub.people.Citizens;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.Reads;
import org.dphub.web.HomeContribution;
import org.dphub.web.HomeItem.Text;
import org.dphub.web.HomeItem;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Monitoring on the home page. For each person a citizen is or acts for: the council's questions
 * still to answer and returns still to confirm, each linked to where it is done. For finance and the
 * DP team: how many accounts are due a check.
 */
@Component
@Order(50)
class HomeMonitoring implements HomeContribution {

    private final Citizens citizens;
    private final Questions questions;
    private final Returns returns;
    private final Checks checks;
    private final Accounts accounts;

    HomeMonitoring(Citizens citizens, Questions questions, Returns returns, Checks checks, Accounts accounts) {
        this.citizens = citizens;
        this.questions = questions;
        this.returns = returns;
        this.checks = checks;
        this.accounts = accounts;
    }

    @Override
    public void readAhead(SignedInUser user, Reads.Together reads) {
        if (user.has(Role.CITIZEN) || user.has(Role.REPRESENTATIVE)) {
            for (Citizens.CitizenWithRelationship person : citizens.actingFor(user)) {
                questions.readAhead(person.citizen().id(), reads);
                returns.readAhead(person.citizen().id(), reads);
            }
        }
    }

    @Override
    public List<HomeItem> itemsFor(SignedInUser user) {
        List<HomeItem> items = new ArrayList<>();
        if (user.has(Role.CITIZEN) || user.has(Role.REPRESENTATIVE)) {
            LocalDate today = accounts.today();
            for (Citizens.CitizenWithRelationship person : citizens.actingFor(user)) {
                long citizenId = person.citizen().id();
                questions.forCitizen(user, citizenId).stream().filter(q -> !q.answered()).forEach(q -> items.add(new HomeItem.ToDo(
                        citizenId, 20, Text.of("home.todo.question", q.askedInUk().toLocalDate()), "/my-spending/questions/" + q.id(),
                        false)));
                returns.forCitizen(user, citizenId).stream().filter(r -> !r.confirmed()).forEach(r -> items.add(new HomeItem.ToDo(
                        citizenId, 30, Text.of("home.todo.return", r.periodStart(), r.periodEnd(), r.dueOn()),
                        "/my-spending/returns/" + r.id(), r.dueOn().isBefore(today))));
            }
        }
        if (user.has(Role.FINANCE) || user.has(Role.DP_TEAM)) {
            items.add(new HomeItem.Work(40, Text.of("home.work.checks"), checks.countDue(user), "/checks", false));
        }
        return items;
    }
}
