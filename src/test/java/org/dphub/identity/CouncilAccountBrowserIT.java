package org.dphub.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.dphub.councils.Council;
import org.dphub.councils.CouncilSettings;
import org.dphub.councils.Councils;
import org.dphub.councils.Nation;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.support.BrowserPages;
import org.dphub.support.Chromium;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.dphub.support.TestOidcProvider;
import org.dphub.support.TestOidcProvider.Client;
import org.dphub.support.TestOidcProvider.Person;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Staff single sign-on in Chromium (issue 17): a council administrator sets it up on the council
 * settings pages; a member of staff chooses "Sign in with your council account", signs in at the
 * council's provider (a real one, started here) and lands on their home page; someone in no mapped
 * group sees the page that says so. axe-core on every dphub page, in English and Welsh.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CouncilAccountBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    Councils councils;
    @Autowired
    UserAccounts accounts;

    BrowserPages pages;
    TestOidcProvider provider;
    Council council;
    String admin;

    @BeforeAll
    void start() {
        String code = "sso-browser-" + UUID.randomUUID().toString().substring(0, 8);
        council = councils.create(code, "Browser Borough Council", "Cyngor Bwrdeistref y Porwr", Nation.WALES, CouncilSettings.defaults(true));
        admin = "admin@" + code;
        accounts.create(new NewUserAccount(admin, Http.DEMO_PASSWORD, "Gwen Admin", council.id(), Set.of(Role.COUNCIL_ADMIN), "en"));
        provider = TestOidcProvider.start("PROVIDERB", List.of(
                new Client("dphub-browser", "browser-secret", "http://localhost:" + port + "/login/oauth2/code/" + code)));
        System.setProperty("DPHUB_OIDC_SECRET_" + code.toUpperCase().replace('-', '_'), "browser-secret");
        pages = new BrowserPages(Chromium.start(), port);
    }

    @AfterAll
    void stop() {
        if (pages != null) {
            pages.browser.quit();
        }
        if (provider != null) {
            // the council stops offering single sign-on with its provider, so no later test meets a provider that is gone
            councils.singleSignOn(council.id()).ifPresent(v -> councils.removeSingleSignOn(council.id(), v.version()));
            provider.close();
        }
    }

    @Test
    void anAdministratorSetsItUpAndStaffSignInWithTheirCouncilAccount() {
        // the administrator, signed in with a password, sets up the council's provider
        pages.signIn(admin);
        pages.open("/council/settings?lang=en");
        pages.clickLink("Set up sign-in with council accounts");
        assertThat(pages.h1()).isEqualTo("Staff sign-in with council accounts");
        pages.assertAccessibleInBothLanguages("the single sign-on settings");
        pages.submit();
        assertThat(pages.errors()).contains("Enter the issuer", "Enter the client ID", "Enter a group for at least one role");
        pages.assertAccessible("the single sign-on settings with errors");
        pages.type("issuer", provider.issuer());
        pages.type("clientId", "dphub-browser");
        pages.type("practitionerGroups", "social-work, occupational-therapy");
        pages.type("dpTeamGroups", "direct-payments");
        pages.submit();
        assertThat(pages.path()).as(pages.whatThePageSays()).isEqualTo("/council/settings");
        assertThat(pages.main()).contains("Sign-in with council accounts saved").contains(provider.issuer())
                .contains("(set on this server)");
        pages.assertAccessibleInBothLanguages("the council settings with single sign-on");

        // a practitioner signs in with their council account
        String username = "rhys-" + UUID.randomUUID().toString().substring(0, 8);
        provider.person(new Person(username, "provider-password", List.of("occupational-therapy", "canteen"),
                username + "@browser.example.gov.uk", "Rhys Bevan"));
        pages.browser.manage().deleteAllCookies();
        // the sign-in page as it is after a session reached its longest (SessionsIT), then as usual
        pages.open("/sign-in?session-ended&lang=en");
        assertThat(pages.main()).contains("we signed you out to keep your account safe");
        pages.assertAccessibleInBothLanguages("the sign-in page after a long session");
        pages.open("/sign-in?lang=en");
        pages.clickLink("Sign in with your council account");
        assertThat(pages.h1()).isEqualTo("Sign in with your council account");
        pages.assertAccessibleInBothLanguages("choosing your council");
        pages.clickLink("Browser Borough Council");
        // the provider's own sign-in form
        assertThat(pages.browser.getCurrentUrl()).startsWith(provider.issuer() + "/login");
        pages.browser.findElement(By.id("username")).sendKeys(username);
        pages.browser.findElement(By.id("password")).sendKeys("provider-password");
        pages.click(pages.browser.findElement(By.cssSelector("button[type=submit]")));
        assertThat(pages.path()).as(pages.whatThePageSays()).isEqualTo("/home");
        SignedInUser rhys = accounts.findByUsername(username + "@browser.example.gov.uk").orElseThrow();
        assertThat(rhys.roles()).containsExactly(Role.PRACTITIONER);
        assertThat(rhys.councilId()).isEqualTo(council.id());

        // someone in no group the council maps
        String other = "owen-" + UUID.randomUUID().toString().substring(0, 8);
        provider.person(new Person(other, "provider-password", List.of("canteen"), other + "@browser.example.gov.uk", "Owen Price"));
        pages.browser.manage().deleteAllCookies();
        pages.open("/sign-in/council-account?lang=en");
        pages.clickLink("Browser Borough Council");
        pages.browser.findElement(By.id("username")).sendKeys(other);
        pages.browser.findElement(By.id("password")).sendKeys("provider-password");
        pages.click(pages.browser.findElement(By.cssSelector("button[type=submit]")));
        assertThat(pages.path()).isEqualTo("/sign-in/council-account/refused");
        assertThat(pages.main()).contains("Your Browser Borough Council account is not in a group that can use dphub.")
                .contains("social-work").contains("direct-payments");
        assertThat(accounts.findByUsername(other + "@browser.example.gov.uk")).isEmpty();
        pages.assertAccessibleInBothLanguages("refused: no known group");

        // a council without single sign-on
        pages.open("/sign-in/council-account/demo-england?lang=en");
        assertThat(pages.h1()).isEqualTo("This council does not use council accounts for dphub");
        pages.assertAccessibleInBothLanguages("a council without single sign-on");
    }
}
