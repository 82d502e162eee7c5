package org.dphub.employment.web;

import java.util.ArrayList;
import java.util.List;
import org.dphub.employment.Employment;
import org.dphub.employment.Employments;
import org.dphub.employment.Timesheets;
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
 * Employing PAs on the home page. For each person a citizen is or acts for: each timesheet waiting
 * for their decision, linked to it on the PA's page. For a PA: their work ("Your work"), a way to
 * send each employer a timesheet, and any timesheet an employer queried (in its place: the same link).
 */
@Component
@Order(60)
class HomeEmployment implements HomeContribution {

    private final Citizens citizens;
    private final Employments employments;
    private final Timesheets timesheets;

    HomeEmployment(Citizens citizens, Employments employments, Timesheets timesheets) {
        this.citizens = citizens;
        this.employments = employments;
        this.timesheets = timesheets;
    }

    @Override
    public void readAhead(SignedInUser user, Reads.Together reads) {
        if (user.has(Role.CITIZEN) || user.has(Role.REPRESENTATIVE)) {
            citizens.actingFor(user).forEach(person -> timesheets.readAhead(user, person.citizen().id(), reads));
        }
    }

    @Override
    public List<HomeItem> itemsFor(SignedInUser user) {
        List<HomeItem> items = new ArrayList<>();
        if (user.has(Role.CITIZEN) || user.has(Role.REPRESENTATIVE)) {
            for (Citizens.CitizenWithRelationship person : citizens.actingFor(user)) {
                long citizenId = person.citizen().id();
                for (Timesheets.Open sheet : timesheets.waitingForEmployer(user, citizenId)) {
                    items.add(new HomeItem.ToDo(citizenId, 40, Text.of("home.todo.timesheet", sheet.paName(), sheet.firstDay(),
                            sheet.lastDay()), "/my-employees/" + sheet.employmentId() + "#timesheet-" + sheet.id(), false));
                }
            }
        }
        if (user.has(Role.PERSONAL_ASSISTANT)) {
            // the people they work for now: not an employment whose last day has passed
            java.time.LocalDate today = employments.today();
            List<Employment> jobs = employments.asPa(user).stream().filter(job -> !job.hasEnded(today)).toList();
            items.add(new HomeItem.Work(60, Text.of("home.work.pa-jobs"), jobs.size(), "/pa/work", false));
            for (Timesheets.Open queried : timesheets.queriedForPa(user)) {
                items.add(new HomeItem.ToDo(null, 20, Text.of("home.todo.timesheet-queried", queried.employerName(), queried.firstDay(),
                        queried.lastDay()), "/pa/work/" + queried.employmentId() + "/timesheet", true));
            }
            for (Employment job : jobs) {
                items.add(new HomeItem.ToDo(null, 40, Text.of("home.todo.send-timesheet", job.employerName()),
                        "/pa/work/" + job.id() + "/timesheet", false));
            }
        }
        return items;
    }
}
