package org.dphub.marketplace.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dphub.marketplace.IntroductionStatus;
import org.dphub.marketplace.Introductions;
import org.dphub.marketplace.PaProfile;
import org.dphub.marketplace.PaProfileStatus;
import org.dphub.marketplace.PaProfiles;
import org.dphub.marketplace.Vacancies;
import org.dphub.marketplace.internal.IntroductionRepository;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.Reads;
import org.dphub.web.HomeContribution;
import org.dphub.web.HomeItem.Text;
import org.dphub.web.HomeItem;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Finding a PA on the home page. A PA is greeted by the name on their profile, sees the vacancies
 * that match them and invitations waiting for an answer, and what their profile still needs. A
 * citizen or representative sees each PA's interest in their vacancies. The DP team counts the
 * profiles waiting for checks and the reports still to act on.
 */
@Component
@Order(70)
class HomeMarketplace implements HomeContribution {

    private final PaProfiles profiles;
    private final Vacancies vacancies;
    private final Introductions introductions;

    HomeMarketplace(PaProfiles profiles, Vacancies vacancies, Introductions introductions) {
        this.profiles = profiles;
        this.vacancies = vacancies;
        this.introductions = introductions;
    }

    @Override
    public void readAhead(SignedInUser user, Reads.Together reads) {
        if (user.has(Role.PERSONAL_ASSISTANT) || user.has(Role.CITIZEN) || user.has(Role.REPRESENTATIVE)) {
            introductions.readAhead(user, reads);
        }
    }

    @Override
    public List<HomeItem> itemsFor(SignedInUser user) {
        List<HomeItem> items = new ArrayList<>();
        if (user.has(Role.PERSONAL_ASSISTANT)) {
            pa(user, items);
        }
        boolean employerSide = user.has(Role.CITIZEN) || user.has(Role.REPRESENTATIVE);
        if (user.has(Role.PERSONAL_ASSISTANT) || employerSide) {
            for (IntroductionRepository.Waiting waiting : introductions.waitingForAnswer(user)) {
                String href = "/introductions/" + waiting.id();
                if (waiting.status() == IntroductionStatus.INVITED) {
                    items.add(new HomeItem.ToDo(null, 10, Text.of("home.todo.invitation", waiting.vacancyTitle()), href, false));
                } else if (employerSide) {
                    items.add(new HomeItem.ToDo(waiting.citizenId(), 50, Text.of("home.todo.interest", waiting.vacancyTitle()), href,
                            false));
                }
            }
        }
        if (user.has(Role.DP_TEAM) && user.councilId() != null) {
            PaProfiles.ChecksWaiting waiting = profiles.checksWaiting(user);
            items.add(new HomeItem.Work(70, Text.of("home.work.pa-checks"), waiting.profiles(), "/pa-checks", false));
            items.add(new HomeItem.Work(71, Text.of("home.work.reports"), waiting.reports(), "/pa-checks/reports", true));
        }
        return items;
    }

    private void pa(SignedInUser pa, List<HomeItem> items) {
        Optional<PaProfile> own = profiles.ownProfile(pa.userId());
        if (own.isEmpty()) {
            items.add(new HomeItem.ToDo(null, 5, Text.of("home.todo.pa-profile"), "/pa/profile/edit", false));
            return;
        }
        PaProfile profile = own.get();
        items.add(new HomeItem.Greeting(profile.displayName()));
        if (!profile.codeOfConductAccepted()) {
            items.add(new HomeItem.ToDo(null, 5, Text.of("home.todo.code-of-conduct"), "/pa/profile/edit", false));
        }
        if (profile.status() == PaProfileStatus.LIVE) {
            items.add(new HomeItem.Work(61, Text.of("home.work.pa-vacancies"), vacancies.countMatchesForProfile(pa, profile.id()),
                    "/pa/vacancies", false));
        }
    }
}
