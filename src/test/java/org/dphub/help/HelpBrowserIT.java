package org.dphub.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;
import org.dphub.identity.NewUserAccount;
import org.dphub.identity.UserAccounts;
import org.dphub.people.Citizens;
import org.dphub.shared.Role;
import org.dphub.support.BrowserPages;
import org.dphub.support.Chromium;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.dphub.support.MoneyApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 18 in Chromium: the DP team names a person's contact on their page; the person, who
 * reads Welsh, sees their contact and asks for help in Welsh (refused once with nothing written);
 * their contact finds it in the queue with the person's outcomes, assigns it and replies; the
 * person reads the reply and writes back. axe-core on every page, in Welsh and English.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HelpBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Citizens citizens;
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

    void submitForm(String actionEnding) {
        pages.click(pages.browser.findElement(By.cssSelector("main form[action$='" + actionEnding + "'] button[type=submit]")));
    }

    @Test
    void aPersonAsksInWelshAndTheirContactAnswersWithTheirOutcomesInView() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        long council = jdbc.sql("SELECT id FROM council WHERE code = 'demo-england'").query(Long.class).single();
        String contactName = "Gwen Morgan " + suffix;
        String team = "gwen-" + suffix + "@example.com";
        long teamId = accounts.create(new NewUserAccount(team, Http.DEMO_PASSWORD, contactName, council, EnumSet.of(Role.DP_TEAM), "en"));
        long citizen = new MoneyApi(new Http(port)).activeWeekly("practitioner@demo-england", "Elin", LocalDate.now().plusDays(20),
                "PREPAID_CARD", 6000, "cy").citizenId();
        String person = "elin-" + suffix + "@example.com";
        long personId = accounts.create(new NewUserAccount(person, Http.DEMO_PASSWORD, "Elin", council, EnumSet.of(Role.CITIZEN), "cy"));
        citizens.linkExistingAccount(accounts.findByUsername("practitioner@demo-england").orElseThrow(), citizen, personId);

        // the DP team names the contact on the person's page
        pages.signIn("dp-team@demo-england");
        pages.open("/citizens/" + citizen + "?lang=en");
        assertThat(pages.browser.findElement(By.id("dp-contact-none")).getText()).contains("no named direct payments contact");
        submitForm("/dp-contact");
        assertThat(pages.errors()).containsExactly("Choose a member of the direct payments team");
        pages.assertAccessibleInBothLanguages("the person's page with a contact refused");
        pages.open("/citizens/" + citizen + "?lang=en");
        new Select(pages.browser.findElement(By.id("contactUserId"))).selectByValue(Long.toString(teamId));
        submitForm("/dp-contact");
        assertThat(pages.browser.findElement(By.id("dp-contact-now")).getText()).contains(contactName);
        pages.assertAccessibleInBothLanguages("the person's page with their contact");

        // the person sees their contact and asks in Welsh
        pages.signIn(person);
        pages.open("/home?lang=cy");
        assertThat(pages.browser.findElement(By.id("dp-contact-" + citizen)).getText())
                .isEqualTo("Eich cyswllt taliadau uniongyrchol yw " + contactName + ".");
        pages.assertAccessibleInBothLanguages("the home page with a named contact");
        pages.open("/my-plan?lang=cy");
        assertThat(pages.main()).contains("Eich cyswllt taliadau uniongyrchol yw " + contactName);
        pages.open("/help/ask?lang=cy");
        assertThat(pages.h1()).isEqualTo("Gofyn am help");
        pages.submit();
        assertThat(pages.errors()).containsExactly("Dewiswch gyda beth mae angen help arnoch chi", "Rhowch eich cwestiwn");
        assertThat(jdbc.sql("SELECT count(*) FROM help_request WHERE asked_by = :u").param("u", personId).query(Long.class).single()).isZero();
        pages.assertAccessibleInBothLanguages("asking for help, refused");
        pages.open("/help/ask?lang=cy");
        pages.browser.findElement(By.id("kind")).click();
        pages.type("text", "Hoffwn i fynd i nofio gyda fy chwaer. Ydy hynny'n iawn?");
        pages.submit();
        assertThat(pages.path()).as(pages.whatThePageSays()).startsWith("/help/requests/");
        String request = pages.path();
        assertThat(pages.main()).contains("Mae eich cwestiwn wedi'i anfon", "Hoffwn i fynd i nofio", "Yn aros am ateb")
                .as("the team's rows are the team's").doesNotContain("Gofynnwyd gan");
        pages.assertAccessibleInBothLanguages("the question, sent");

        // the contact finds it in the queue, with the person's outcomes, assigns it and replies
        pages.signIn(team);
        pages.open("/help/queue?show=MINE&lang=en");
        assertThat(pages.browser.findElement(By.id("queue")).getText()).contains("How could I use my budget?", "Elin");
        pages.assertAccessibleInBothLanguages("the DP team's queue");
        pages.open(request + "?lang=en");
        assertThat(pages.browser.findElement(By.id("request-outcomes")).getText()).isEqualTo("Get out and about");
        assertThat(pages.main()).contains(contactName);
        new Select(pages.browser.findElement(By.id("userId"))).selectByValue(Long.toString(teamId));
        submitForm("/assignment");
        assertThat(pages.main()).contains("The request is assigned");
        pages.type("text", "Ydy: mae nofio yn eich helpu i fynd allan. Cadwch y dderbynneb.");
        submitForm("/replies");
        assertThat(pages.main()).contains("Your reply is sent", "Waiting for a reply from the asker", "the same working day");
        pages.assertAccessibleInBothLanguages("the request, answered, for the team");
        pages.open("/caseload?lang=en");
        assertThat(pages.browser.findElement(By.id("caseload-mine-list")).getText()).contains("Elin");
        pages.assertAccessibleInBothLanguages("the caseload");

        // the person reads the answer and writes back
        pages.signIn(person);
        pages.open("/help?lang=cy");
        assertThat(pages.browser.findElement(By.id("my-questions")).getText()).contains("Wedi'i ateb");
        pages.assertAccessibleInBothLanguages("your questions");
        pages.open(request + "?lang=cy");
        assertThat(pages.main()).contains("Ydy: mae nofio yn eich helpu", contactName);
        pages.type("text", "Diolch yn fawr!");
        submitForm("/replies");
        assertThat(pages.main()).contains("Mae eich ateb wedi'i anfon", "Diolch yn fawr!", "Yn aros am ateb");
        pages.assertAccessibleInBothLanguages("the request with a reply back");
    }
}
