package org.dphub.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.dphub.support.BrowserPages;
import org.dphub.support.Chromium;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A provider in Chromium: it signs up with its organisation (a weak password first), adds a service
 * (a cost of 12.345 and a session that closes before it opens refused first, nothing saved), the
 * DP team finds it on its list and checks it (both checks needed), and a person sees it with the
 * "Checked by the council" badge. The DP team also imports the council's Open Referral UK feed: a
 * file with a problem first (listed by JSON path in the error summary, in Welsh and in English,
 * nothing imported), then a good one. axe-core on every page, in English and Welsh.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectoryBrowserIT {

    static final String PASSWORD = "lunch club on tuesdays 2026";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    BrowserPages pages;

    @BeforeAll
    void start() {
        pages = new BrowserPages(Chromium.start(), port);
    }

    @AfterAll
    void stop() {
        if (pages != null) {
            pages.browser.quit();
        }
    }

    void tick(String id) {
        pages.browser.findElement(By.cssSelector("label[for='" + id + "']")).click();
    }

    void signInAs(String username, String password) {
        pages.browser.manage().deleteAllCookies();
        pages.open("/sign-in?lang=en");
        pages.browser.findElement(By.id("username")).sendKeys(username);
        pages.browser.findElement(By.id("password")).sendKeys(password);
        pages.submit();
        org.dphub.support.AuthenticatorApp.finishSignIn(pages.browser, username);
        assertThat(pages.path()).as(pages.whatThePageSays()).isEqualTo("/home");
    }

    @Test
    /** A service as an Open Referral UK service_list holds it. */
    static String feedService(UUID id, UUID organization, String name) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"description\":\"A weekly call for a chat\",\"status\":\"active\","
                + "\"organization\":{\"id\":\"" + organization + "\",\"name\":\"Phone Friends\",\"description\":\"Calls\"}}";
    }

    @Test
    void aProviderSignsUpAddsAServiceAndTheDpTeamChecksItSoPeopleSeeTheBadge() throws Exception {
        String email = "lunch-" + System.nanoTime() + "@example.org";
        String serviceName = "Hillside lunch club " + System.nanoTime() % 10_000;

        // --- the provider signs up
        pages.browser.manage().deleteAllCookies();
        pages.open("/?lang=en");
        pages.click(pages.browser.findElement(By.id("join-as-a-provider")));
        assertThat(pages.h1()).isEqualTo("Join as a provider");
        pages.assertAccessibleInBothLanguages("join as a provider");
        pages.type("displayName", "Gwen Hughes");
        pages.type("email", email);
        pages.type("password", "short");
        pages.browser.findElement(By.cssSelector("input[name=councilCode][value='demo-england'] + label")).click();
        pages.type("organisationName", "Hillside Friends");
        pages.type("organisationDescription", "Neighbours who cook and eat together");
        tick("kind-2");
        pages.type("organisationEmail", "hello@hillside.example");
        pages.submit();
        assertThat(pages.errors()).hasSize(1);
        pages.assertAccessible("join as a provider, refused");
        pages.type("password", PASSWORD);
        pages.submit();
        assertThat(pages.path()).as(pages.whatThePageSays()).isEqualTo("/sign-in");

        // --- and adds a service
        signInAs(email, PASSWORD);
        pages.open("/provider/services");
        assertThat(pages.h1()).isEqualTo("Your services");
        pages.assertAccessibleInBothLanguages("your services, none yet");
        pages.click(pages.browser.findElement(By.id("add-service")));
        assertThat(pages.h1()).isEqualTo("Add a service");
        pages.assertAccessibleInBothLanguages("add a service");
        pages.type("name", serviceName);
        pages.type("description", "A hot lunch and a chat");
        pages.type("postcode", "SY1 1AA");
        new org.openqa.selenium.support.ui.Select(pages.browser.findElement(By.id("schedules[0].day"))).selectByValue("TUESDAY");
        pages.type("schedules[0].opensAt", "14:00");
        pages.type("schedules[0].closesAt", "12:00");
        tick("costUnit");
        pages.type("cost", "12.345");
        pages.type("minimumAge", "18");
        tick("languages");
        tick("taxonomyTermIds");
        pages.submit();
        assertThat(pages.errors()).containsExactly("The closing time must be after the opening time",
                "Enter the cost in pounds and pence, with no more than 2 numbers after the point");
        pages.assertAccessible("add a service, refused");
        assertThat(jdbc.sql("SELECT count(*) FROM directory_service WHERE name = :n").param("n", serviceName).query(Long.class).single())
                .as("nothing saved").isZero();
        pages.type("schedules[0].opensAt", "12:00");
        pages.type("schedules[0].closesAt", "14:00");
        pages.type("cost", "4.50");
        pages.submit();
        assertThat(pages.path()).as(pages.whatThePageSays()).isEqualTo("/provider/services");
        assertThat(pages.main()).contains(serviceName, "Waiting for the council's checks");
        pages.assertAccessibleInBothLanguages("your services, one waiting");
        String id = jdbc.sql("SELECT id::text FROM directory_service WHERE name = :n").param("n", serviceName).query(String.class).single();

        // --- the DP team checks it
        signInAs("dp-team@demo-england", org.dphub.support.Http.DEMO_PASSWORD);
        pages.open("/directory-checks");
        assertThat(pages.main()).contains(serviceName);
        pages.assertAccessibleInBothLanguages("directory checks");
        pages.assertFitsAPhone("directory checks");
        pages.clickLink(serviceName);
        assertThat(pages.path()).isEqualTo("/directory-checks/" + id);
        pages.assertAccessibleInBothLanguages("check a service");
        tick("insurance");
        pages.submit();
        assertThat(pages.errors()).containsExactly("Tick both checks before you publish the service");
        assertThat(pages.browser.findElement(By.id("insurance")).isSelected()).as("what was ticked stays ticked").isTrue();
        tick("safeguarding");
        pages.submit();
        assertThat(pages.main()).as(pages.whatThePageSays()).contains("The service is published.")
                .doesNotContain("Changed since the council's check");

        // --- the DP team imports the council's feed: a file with a problem (in Welsh, then in English), then a good one
        UUID fed = UUID.randomUUID();
        UUID fedOrganization = UUID.randomUUID();
        String fedName = "Phone friends " + System.nanoTime() % 10_000;
        Path bad = Files.createTempFile("feed-with-a-problem", ".json");
        Files.writeString(bad, "{\"contents\":[" + feedService(fed, fedOrganization, fedName)
                + ",{\"name\":\"No id\",\"description\":\"Lunch\",\"status\":\"active\",\"organization\":{\"id\":\"" + fedOrganization
                + "\",\"name\":\"Phone Friends\",\"description\":\"Calls\"}}]}");
        Path good = Files.createTempFile("council-feed", ".json");
        Files.writeString(good, "{\"contents\":[" + feedService(fed, fedOrganization, fedName) + "]}");
        pages.open("/directory/imports?lang=cy");
        assertThat(pages.h1()).isEqualTo("Mewnforio ffrwd cyfeiriadur");
        pages.browser.findElement(By.id("file")).sendKeys(bad.toString());
        pages.submit();
        assertThat(pages.errors()).as(pages.whatThePageSays()).contains("$.contents[1].id: ar goll. Mae proffil Open Referral UK ei angen.");
        pages.assertAccessible("import a feed, refused (cy)");
        pages.open("/directory/imports?lang=en");
        assertThat(pages.h1()).isEqualTo("Import a directory feed");
        pages.assertAccessibleInBothLanguages("import a feed");
        pages.browser.findElement(By.id("file")).sendKeys(bad.toString());
        pages.submit();
        assertThat(pages.errors()).as(pages.whatThePageSays()).contains("$.contents[1].id: is missing. The Open Referral UK profile needs it.");
        assertThat(pages.browser.findElement(By.cssSelector(".govuk-error-summary__title")).getText()).startsWith("The feed was not imported");
        pages.assertAccessible("import a feed, refused");
        pages.assertFitsAPhone("import a feed, refused");
        assertThat(jdbc.sql("SELECT count(*) FROM directory_service WHERE id = :id").param("id", fed).query(Long.class).single())
                .as("nothing imported").isZero();
        pages.browser.findElement(By.id("file")).sendKeys(good.toString());
        pages.submit();
        assertThat(pages.path()).as(pages.whatThePageSays()).isEqualTo("/directory/imports");
        assertThat(pages.main()).contains("1 new services, 0 changed, 0 the same as before, 1 new organisations",
                good.getFileName().toString());
        pages.assertAccessibleInBothLanguages("import a feed, done");
        pages.assertFitsAPhone("import a feed, done");
        assertThat(jdbc.sql("SELECT status FROM directory_service WHERE id = :id").param("id", fed).query(String.class).single())
                .isEqualTo("AWAITING_CHECKS");

        // --- a person sees it, checked by the council
        signInAs("citizen@demo-england", org.dphub.support.Http.DEMO_PASSWORD);
        pages.open("/directory/services/" + id + "?lang=en");
        assertThat(pages.h1()).isEqualTo(serviceName);
        assertThat(pages.main()).contains("Checked by the council", "£4.50 a session", "Tuesday 12:00 to 14:00", "18 and over");
        // the public page: when it was checked, but not the DP team's rows (its status, the checks themselves)
        assertThat(pages.main()).contains("Insurance and safeguarding checked on").doesNotContain("The council's checks");
        pages.assertAccessibleInBothLanguages("a published service");
        pages.assertFitsAPhone("a published service");
    }
}
