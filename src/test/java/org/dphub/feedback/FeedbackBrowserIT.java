package org.dphub.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumSet;
import org.dphub.councils.CouncilSettings;
import org.dphub.councils.Councils;
import org.dphub.councils.Nation;
import org.dphub.identity.NewUserAccount;
import org.dphub.identity.UserAccounts;
import org.dphub.shared.Role;
import org.dphub.support.BrowserPages;
import org.dphub.support.Chromium;
import org.dphub.support.Http;
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
 * A feedback round in Chromium, in a Welsh council of its own: the DP team starts a round from the
 * home page (refused once: no title, closing before it opens), a citizen who reads Welsh finds it on
 * their home page and answers without their name (refused once: nothing chosen), and the DP team
 * reads the results with the comment masked. axe-core on every page, in English and Welsh.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedbackBrowserIT {

    static final String CODE = "feedback-browser";
    static final String DP_TEAM = "dp-team@" + CODE;
    static final String CITIZEN = "citizen@" + CODE;

    @LocalServerPort
    int port;
    @Autowired
    Councils councils;
    @Autowired
    UserAccounts users;
    @Autowired
    JdbcClient jdbc;

    BrowserPages pages;

    @BeforeAll
    void start() {
        if (councils.findByCode(CODE).isEmpty()) {
            long council = councils.create(CODE, "Feedback County Council", "Cyngor Sir Adborth", Nation.WALES,
                    CouncilSettings.defaults(true)).id();
            users.create(new NewUserAccount(DP_TEAM, Http.DEMO_PASSWORD, "Dai Feedback", council, EnumSet.of(Role.DP_TEAM), "en"));
            long user = users.create(new NewUserAccount(CITIZEN, Http.DEMO_PASSWORD, "Nia Feedback", council, EnumSet.of(Role.CITIZEN), "cy"));
            long citizen = jdbc.sql("""
                            INSERT INTO citizen (council_id, reference, given_name, family_name, date_of_birth, postcode, preferred_language)
                            VALUES (:c, 'FBB-1', 'Nia', 'Feedback', DATE '1980-01-01', 'LL55 1AA', 'cy') RETURNING id""")
                    .param("c", council).query(Long.class).single();
            jdbc.sql("INSERT INTO citizen_access (user_id, citizen_id, council_id, relationship) VALUES (:u, :p, :c, 'SELF')")
                    .param("u", user).param("p", citizen).param("c", council).update();
        }
        pages = new BrowserPages(Chromium.start(), port);
    }

    @AfterAll
    void stop() {
        if (pages != null) {
            pages.browser.quit();
        }
    }

    @Test
    void theDpTeamStartsARoundACitizenAnswersInWelshAndStaffSeeTheResults() {
        pages.signIn(DP_TEAM);
        pages.clickLink("Feedback survey rounds open");
        assertThat(pages.h1()).isEqualTo("Feedback surveys");
        pages.assertAccessibleInBothLanguages("the council's survey rounds");

        pages.clickLink("Start a survey round");
        assertThat(pages.h1()).isEqualTo("Start a survey round");
        pages.assertAccessibleInBothLanguages("starting a survey round");
        LocalDate today = LocalDate.now();
        pages.date("opensOn", today.plusDays(5));
        pages.date("closesOn", today.plusDays(4));
        pages.submit();
        assertThat(pages.errors()).containsExactly("Enter the title of the survey",
                "The survey must close on or after the day it opens (" + today.plusDays(5).format(java.time.format.DateTimeFormatter
                        .ofPattern("d MMMM yyyy", java.util.Locale.ENGLISH)) + ")");
        pages.assertAccessible("a survey round refused");
        pages.type("title", "How are things going?");
        pages.type("titleCy", "Sut mae pethau'n mynd?");
        pages.date("opensOn", today);
        pages.date("closesOn", today.plusDays(28));
        pages.submit();
        assertThat(pages.main()).contains("Survey round started", "How are things going?", "Nobody has answered yet.");
        assertThat(pages.browser.findElements(By.cssSelector("svg[role=img] title"))).isNotEmpty();
        pages.assertAccessibleInBothLanguages("a new round's results");
        String results = pages.path();

        pages.signIn(CITIZEN);
        pages.open("/home?lang=cy");
        assertThat(pages.language()).isEqualTo("cy");
        pages.click(pages.browser.findElement(By.partialLinkText("Dywedwch wrthym beth sy")));
        assertThat(pages.h1()).isEqualTo("Sut mae pethau'n mynd?");
        assertThat(pages.main()).contains("Os byddwch yn ateb heb eich enw", "deiliad taliad uniongyrchol");
        pages.assertAccessibleInBothLanguages("the survey");
        pages.submit();
        assertThat(pages.errors()).containsExactly("Dewiswch a ydych am ateb gyda'ch enw neu hebddo",
                "Atebwch o leiaf un cam: dewiswch sgôr neu dywedwch beth sy'n gweithio neu beidio");
        pages.assertAccessible("the survey refused, in Welsh");
        pages.browser.findElement(By.cssSelector("label[for='anonymous']")).click();
        pages.browser.findElement(By.cssSelector("label[for='planning.rating-2']")).click();
        pages.type("planning.working", "Mae fy CP Siân yn wych");
        pages.type("reviews.notWorking", "Roedd yr adolygiad yn hwyr");
        pages.submit();
        assertThat(pages.main()).contains("Diolch. Mae eich atebion wedi'u hanfon.", "Rydych wedi ateb yr arolwg hwn.");
        pages.assertAccessibleInBothLanguages("the survey, answered");
        assertThat(pages.browser.findElements(By.partialLinkText("Dywedwch wrthym beth sy"))).isEmpty();

        pages.signIn(DP_TEAM);
        pages.open(results + "?lang=en");
        assertThat(pages.main()).contains("1 person has answered, 1 of them without their name.", "Mae fy CP [name] yn wych",
                "Roedd yr adolygiad yn hwyr").doesNotContain("Siân");
        pages.assertAccessibleInBothLanguages("the results with an answer");
        pages.assertFitsAPhone("the results");
    }
}
