package org.dphub.directory.web;

import java.util.ArrayList;
import java.util.List;
import org.dphub.directory.Directory;
import org.dphub.directory.DirectoryService;
import org.dphub.directory.ServiceStatus;
import org.dphub.people.Citizens;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.web.HomeContribution;
import org.dphub.web.HomeItem;
import org.dphub.web.HomeItem.Text;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The directory on the home page. A provider sees its published services and those waiting for
 * the council's checks; the DP team counts services waiting for checks, changed since their
 * check, and reported. A person (or their representative) sees the person's dphub number, which a
 * provider needs to ask them for payment.
 */
@Component
@Order(75)
class HomeDirectory implements HomeContribution {

    /** After the money and the next review: the number is for when a provider asks for it. */
    static final int NUMBER_ORDER = 95;

    private final Directory directory;
    private final Citizens citizens;

    HomeDirectory(Directory directory, Citizens citizens) {
        this.directory = directory;
        this.citizens = citizens;
    }

    @Override
    public List<HomeItem> itemsFor(SignedInUser user) {
        List<HomeItem> items = new ArrayList<>();
        if (user.has(Role.CITIZEN) || user.has(Role.REPRESENTATIVE)) {
            // the number as a String, so that it is never grouped ("12,345") by the message's formatting
            citizens.actingFor(user).forEach(c -> items.add(new HomeItem.Fact(c.citizen().id(), NUMBER_ORDER,
                    Text.of("home.directory.number"), Text.of("home.directory.number.value", String.valueOf(c.citizen().id())))));
        }
        if (user.has(Role.PROVIDER)) {
            directory.ownOrganization(user).ifPresent(o -> items.add(new HomeItem.Greeting(o.name())));
            List<DirectoryService> services = directory.ownServices(user);
            long waiting = services.stream().filter(s -> s.status() == ServiceStatus.AWAITING_CHECKS).count();
            long published = services.stream().filter(s -> s.status() == ServiceStatus.PUBLISHED).count();
            items.add(new HomeItem.Work(60, Text.of("home.work.directory-published"), published, "/provider/services", false));
            if (waiting > 0) {
                items.add(new HomeItem.ToDo(null, 20, Text.of("home.todo.directory-services", waiting), "/provider/services", false));
            }
        }
        if (user.has(Role.DP_TEAM) && user.councilId() != null) {
            Directory.Waiting waiting = directory.waiting(user);
            items.add(new HomeItem.Work(72, Text.of("home.work.directory-checks"), waiting.awaitingChecks(), "/directory-checks", false));
            items.add(new HomeItem.Work(73, Text.of("home.work.directory-changed"), waiting.changedSinceCheck(), "/directory-checks",
                    false));
            items.add(new HomeItem.Work(74, Text.of("home.work.directory-reports"), waiting.openReports(), "/directory-checks", true));
        }
        return items;
    }
}
