package org.dphub.web;

import static org.dphub.shared.Role.BUDGET_HOLDER;
import static org.dphub.shared.Role.CITIZEN;
import static org.dphub.shared.Role.COUNCIL_ADMIN;
import static org.dphub.shared.Role.DP_TEAM;
import static org.dphub.shared.Role.FINANCE;
import static org.dphub.shared.Role.NATIONAL_ANALYST;
import static org.dphub.shared.Role.PERSONAL_ASSISTANT;
import static org.dphub.shared.Role.PRACTITIONER;
import static org.dphub.shared.Role.PROVIDER;
import static org.dphub.shared.Role.REPRESENTATIVE;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The menu at the top of every page (GOV.UK service navigation): the links this person's roles
 * open, in order, the one for the page being shown marked. Worked out here once a page rather
 * than in the layout, where each link was a condition and a fragment of its own: the menu was
 * most of the cost of drawing a page (bin/bench load). The layout calls
 * {@code @serviceNavigation.itemsFor(signedInUser, currentPath)}.
 */
@Component("serviceNavigation")
public class ServiceNavigation {

    /** One link in the menu, as the layout shows it. */
    public record Item(String href, String label, boolean current, boolean active) {
    }

    /** A link and who sees it: everyone signed in, staff, or anyone with one of the roles. */
    private record Link(String href, String labelKey, boolean staff, Set<Role> roles) {

        boolean shownTo(SignedInUser user) {
            return staff ? user.isStaff() : roles.isEmpty() || user.roles().stream().anyMatch(roles::contains);
        }
    }

    private static Link everyone(String href, String labelKey) {
        return new Link(href, labelKey, false, Set.of());
    }

    private static Link staff(String href, String labelKey) {
        return new Link(href, labelKey, true, Set.of());
    }

    private static Link roles(String href, String labelKey, Role first, Role... more) {
        return new Link(href, labelKey, false, EnumSet.of(first, more));
    }

    private static final List<Link> LINKS = List.of(
            everyone("/home", "nav.home"),
            staff("/citizens", "nav.people"),
            roles("/reviews", "nav.reviews", PRACTITIONER),
            roles("/direct-payments/in-progress", "nav.in-progress", BUDGET_HOLDER, DP_TEAM),
            roles("/payment-runs", "nav.payment-runs", FINANCE),
            roles("/one-off-payments", "nav.one-offs", BUDGET_HOLDER, PRACTITIONER),
            roles("/checks", "nav.checks", FINANCE, DP_TEAM),
            roles("/outbox", "nav.outbox", FINANCE, DP_TEAM),
            roles("/letter-templates", "nav.letter-wording", COUNCIL_ADMIN, DP_TEAM),
            roles("/my-plan", "nav.my-plan", CITIZEN, REPRESENTATIVE),
            roles("/my-money", "nav.my-money", CITIZEN, REPRESENTATIVE),
            roles("/my-spending", "nav.my-spending", CITIZEN, REPRESENTATIVE),
            roles("/my-employees", "nav.my-employees", CITIZEN, REPRESENTATIVE),
            roles("/my-people", "nav.my-people", CITIZEN, REPRESENTATIVE),
            roles("/help", "nav.help", CITIZEN, REPRESENTATIVE, PERSONAL_ASSISTANT),
            roles("/pa/work", "nav.pa-work", PERSONAL_ASSISTANT),
            roles("/pa/profile", "nav.pa-profile", PERSONAL_ASSISTANT),
            roles("/pa/vacancies", "nav.pa-vacancies", PERSONAL_ASSISTANT),
            roles("/introductions", "nav.introductions", PERSONAL_ASSISTANT),
            roles("/my-vacancies", "nav.find-pa", CITIZEN, REPRESENTATIVE),
            roles("/help/queue", "nav.help-queue", DP_TEAM),
            roles("/pa-checks", "nav.pa-checks", DP_TEAM),
            roles("/directory-checks", "nav.directory-checks", DP_TEAM),
            roles("/provider/services", "nav.directory-services", PROVIDER),
            roles("/pa-pay-rates", "nav.pa-rates", DP_TEAM, COUNCIL_ADMIN),
            roles("/directory/gaps", "nav.market-gaps", DP_TEAM, COUNCIL_ADMIN),
            roles("/peer-support", "nav.peer-support", CITIZEN, REPRESENTATIVE, PRACTITIONER, BUDGET_HOLDER, DP_TEAM),
            staff("/insights", "nav.insights"),
            roles("/insights/national", "nav.national", NATIONAL_ANALYST),
            roles("/council/settings", "nav.settings", COUNCIL_ADMIN),
            roles("/council/information", "nav.information", COUNCIL_ADMIN),
            roles("/council/audit-trail", "nav.audit", COUNCIL_ADMIN));

    private static final Link SIGN_IN = everyone("/sign-in", "nav.sign-in");

    private final MessageSource messages;

    ServiceNavigation(MessageSource messages) {
        this.messages = messages;
    }

    /** The menu for this person (signed out: only "Sign in"), in the language of the page being drawn. */
    public List<Item> itemsFor(SignedInUser user, String currentPath) {
        Locale locale = LocaleContextHolder.getLocale();
        List<Item> items = new ArrayList<>();
        if (user == null) {
            items.add(item(SIGN_IN, currentPath, locale));
            return items;
        }
        for (Link link : LINKS) {
            if (link.shownTo(user)) {
                items.add(item(link, currentPath, locale));
            }
        }
        return items;
    }

    private Item item(Link link, String currentPath, Locale locale) {
        String href = link.href();
        boolean current = href.equals(currentPath);
        // a page under a link's own path (a person's page under "People") marks it too; home has no pages under it
        boolean active = current || (!href.equals("/home") && currentPath != null && currentPath.startsWith(href + "/"));
        return new Item(href, messages.getMessage(link.labelKey(), null, locale), current, active);
    }
}
