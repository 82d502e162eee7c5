package org.dphub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.support.ShippedMessages;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

class ServiceNavigationTest {

    private final ServiceNavigation navigation = new ServiceNavigation(messages());

    private static ResourceBundleMessageSource messages() {
        return ShippedMessages.source();
    }

    private static SignedInUser user(Role... roles) {
        return new SignedInUser(1, "someone@example.org", "Someone", 1L, "demo-england", Set.of(roles), "en", false);
    }

    private List<String> hrefs(SignedInUser user, String path) {
        return navigation.itemsFor(user, path).stream().map(ServiceNavigation.Item::href).toList();
    }

    @AfterEach
    void englishAgain() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aCitizenSeesTheirOwnPagesAndNoCouncilWork() {
        List<String> links = hrefs(user(Role.CITIZEN), "/home");
        assertThat(links).startsWith("/home", "/my-plan", "/my-money")
                .contains("/help", "/my-vacancies", "/peer-support")
                .doesNotContain("/citizens", "/payment-runs", "/insights", "/council/settings", "/pa/work");
    }

    @Test
    void staffSeeTheirRolesLinksOnly() {
        assertThat(hrefs(user(Role.FINANCE), "/home"))
                .containsExactly("/home", "/citizens", "/payment-runs", "/checks", "/outbox", "/insights");
        assertThat(hrefs(user(Role.PRACTITIONER, Role.BUDGET_HOLDER), "/home"))
                .containsExactly("/home", "/citizens", "/reviews", "/direct-payments/in-progress", "/one-off-payments",
                        "/peer-support", "/insights");
        // the national analyst is not council staff: no people, no council insights
        assertThat(hrefs(user(Role.NATIONAL_ANALYST), "/home")).containsExactly("/home", "/insights/national");
    }

    @Test
    void someoneSignedOutIsOfferedOnlyToSignIn() {
        assertThat(navigation.itemsFor(null, "/start"))
                .containsExactly(new ServiceNavigation.Item("/sign-in", "Sign in", false, false));
    }

    @Test
    void thePageShownAndThePagesUnderALinkMarkIt() {
        List<ServiceNavigation.Item> onAPerson = navigation.itemsFor(user(Role.DP_TEAM), "/citizens/42");
        ServiceNavigation.Item people = onAPerson.stream().filter(i -> i.href().equals("/citizens")).findFirst().orElseThrow();
        assertThat(people.active()).isTrue();
        assertThat(people.current()).isFalse();
        // home is never marked from a page of its own prefix, and "/help" is not marked by "/help-queue"-like paths
        assertThat(onAPerson.stream().filter(ServiceNavigation.Item::active)).extracting(ServiceNavigation.Item::href)
                .containsExactly("/citizens");

        List<ServiceNavigation.Item> onQueue = navigation.itemsFor(user(Role.DP_TEAM), "/help/queue");
        assertThat(onQueue.stream().filter(ServiceNavigation.Item::current)).extracting(ServiceNavigation.Item::href)
                .containsExactly("/help/queue");
        assertThat(navigation.itemsFor(user(Role.CITIZEN), "/insights-hub").stream().filter(ServiceNavigation.Item::active)).isEmpty();
    }

    @Test
    void theLinksAreInThePagesLanguage() {
        LocaleContextHolder.setLocale(Locale.forLanguageTag("cy"));
        assertThat(navigation.itemsFor(user(Role.CITIZEN), "/my-money"))
                .contains(new ServiceNavigation.Item("/home", "Hafan", false, false),
                        new ServiceNavigation.Item("/my-money", "Eich arian", true, true));
    }
}
