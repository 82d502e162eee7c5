package org.dphub.help;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 18 in Chromium: a PA opts in to cover work on their profile (refused once with no times);
 * a person whose PA is off finds cover for later today (refused once with nothing chosen, once with a
 * start time that has passed), sees the PA
 * and asks them; the PA, reading Welsh, sees the request on their home page, accepts it (refused
 * once with no date of birth), and sends the shift's timesheet through the existing timesheet
 * page. axe-core on every new page, in English and Welsh.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoverBrowserIT {

    static final ZoneId UK = ZoneId.of("Europe/London");

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

    @Test
    void anEmployerFindsAndAsksACoverPaWhoAcceptsAndSendsTheTimesheet() throws Exception {
        // the shift is later today (its timesheet can be sent today), whatever time the test runs
        String[] shift = CoverIT.laterToday();
        assumeTrue(shift != null, "too late in the day for a shift still to come today");
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Http http = new Http(port);
        long council = jdbc.sql("SELECT id FROM council WHERE code = 'demo-england'").query(Long.class).single();
        LocalDate today = LocalDate.now(UK);

        // the person, with their own PA (and so employer's liability insurance)
        long citizen = new MoneyApi(http).activeWeekly("practitioner@demo-england", "Carys", today.minusDays(30), "PREPAID_CARD",
                60000, "en").citizenId();
        String person = "carys-" + suffix + "@example.com";
        long personId = accounts.create(new NewUserAccount(person, Http.DEMO_PASSWORD, "Carys Test", council, EnumSet.of(Role.CITIZEN), "en"));
        citizens.linkExistingAccount(accounts.findByUsername("practitioner@demo-england").orElseThrow(), citizen, personId);
        MoneyApi.ok(http.postJsonAs(person, Http.DEMO_PASSWORD, "/api/v1/citizens/" + citizen + "/employments", """
                {"paGivenName": "Rhian", "paFamilyName": "Evans", "paDateOfBirth": "1988-02-03", "startedOn": "%s",
                 "hourlyRatePence": 1350, "hoursKind": "IRREGULAR", "payFrequency": "MONTHLY", "taxCode": "1257L",
                 "pension": "ASSESS", "elInsurer": "Mutual Care Cover", "elPolicyNumber": "EL-9", "elExpiresOn": "%s"}"""
                .formatted(today.minusDays(30), today.plusYears(1))), 201);

        // a live PA near them, who reads Welsh
        String pa = "cover-" + suffix + "@example.org";
        accounts.create(new NewUserAccount(pa, Http.DEMO_PASSWORD, "Gwen Cover", null, EnumSet.of(Role.PERSONAL_ASSISTANT), "cy"));
        long profile = MoneyApi.ok(http.postJsonAs(pa, Http.DEMO_PASSWORD, "/api/v1/pa-profiles", """
                {"displayName": "Gwen C. %s", "about": "Happy to help.", "skills": ["personal-care"], "interests": ["football"],
                 "languages": ["en", "cy"], "availability": [{"day": "MONDAY", "slot": "MORNING"}], "postcode": "SY1 1AA",
                 "travelRadiusKm": 20, "hourlyRatePence": 1300, "visible": true, "phone": "07700 900999", "email": "%s",
                 "codeOfConductAccepted": true}""".formatted(suffix, pa)), 201).get("id").asLong();
        MoneyApi.ok(http.postJsonAs("dp-team@demo-england", Http.DEMO_PASSWORD, "/api/v1/pa-profiles/" + profile + "/checks", """
                {"identityChecked": true, "referencesChecked": true, "dbsCheckedOn": "2026-10-01"}"""), 200);

        // --- the PA opts in to cover work on their profile, in Welsh
        pages.signIn(pa);
        pages.open("/pa/profile?lang=cy");
        pages.click(pages.browser.findElement(By.id("change-cover")));
        assertThat(pages.h1()).isEqualTo("Gwaith cyflenwi");
        pages.assertAccessibleInBothLanguages("cover work");
        pages.open("/pa/cover?lang=cy");
        pages.browser.findElement(By.cssSelector("label[for='" + "offersCover" + "']")).click();
        pages.browser.findElement(By.cssSelector("label[for='" + "notice" + "']")).click();
        pages.submit();
        assertThat(pages.errors()).containsExactly("Ticiwch o leiaf un adeg pan allwch gyflenwi");
        pages.assertAccessibleInBothLanguages("cover work, refused");
        pages.open("/pa/cover?lang=cy");
        pages.browser.findElement(By.cssSelector("label[for='" + "offersCover" + "']")).click();
        pages.browser.findElement(By.cssSelector("label[for='" + "notice" + "']")).click();
        String weekday = today.getDayOfWeek().name().substring(0, 3);
        for (String part : new String[] {"MORNING", "AFTERNOON", "EVENING", "NIGHT"}) {
            String code = weekday + "_" + part;
            pages.browser.findElement(By.cssSelector("label[for='" + ("MON_MORNING".equals(code) ? "coverTimes" : "coverTimes-" + code) + "']")).click();
        }
        pages.submit();
        assertThat(pages.path()).isEqualTo("/pa/profile");
        assertThat(pages.browser.findElement(By.id("cover-summary")).getText()).contains("Gallaf ddod ar yr un diwrnod");
        pages.assertAccessibleInBothLanguages("the profile with cover work");

        // --- the person finds cover for today, from their home page
        pages.signIn(person);
        pages.open("/home?lang=en");
        pages.clickLink("Find cover if your PA cannot come");
        assertThat(pages.h1()).isEqualTo("Find cover");
        pages.assertAccessibleInBothLanguages("find cover");
        pages.open("/cover?citizen=" + citizen + "&lang=en");
        pages.submit();
        assertThat(pages.errors()).containsExactly("Choose the day you need cover: today or tomorrow",
                "Enter the time the cover starts, like 09:00", "Enter the time the cover ends, like 13:00");
        pages.assertAccessible("find cover, refused (en)");
        pages.open(pages.path() + "?" + java.net.URI.create(pages.browser.getCurrentUrl()).getRawQuery() + "&lang=cy");
        assertThat(pages.errors()).containsExactly("Dewiswch y diwrnod y mae angen rhywun i gyflenwi: heddiw neu yfory",
                "Rhowch yr amser y mae'r cyflenwi'n dechrau, fel 09:00", "Rhowch yr amser y mae'r cyflenwi'n gorffen, fel 13:00");
        pages.assertAccessible("find cover, refused (cy)");
        if (LocalTime.now(UK).isAfter(LocalTime.of(0, 5))) {
            // a start time today that has passed
            pages.open("/cover?citizen=" + citizen + "&lang=en");
            pages.browser.findElement(By.cssSelector("label[for='" + "date" + "']")).click();
            pages.type("startTime", LocalTime.now(UK).minusMinutes(1).format(CoverIT.HH_MM));
            pages.type("endTime", "23:59");
            pages.submit();
            assertThat(pages.errors()).hasSize(1).first().asString().startsWith("That time has passed");
            pages.open(pages.path() + "?" + java.net.URI.create(pages.browser.getCurrentUrl()).getRawQuery() + "&lang=cy");
            assertThat(pages.errors()).hasSize(1).first().asString().startsWith("Mae'r amser hwnnw wedi mynd heibio");
            pages.assertAccessible("find cover, a time that has passed (cy)");
        }
        pages.open("/cover?citizen=" + citizen + "&lang=en");
        pages.browser.findElement(By.cssSelector("label[for='" + "date" + "']")).click();
        pages.type("startTime", shift[0]);
        pages.type("endTime", shift[1]);
        pages.type("needs", "Help with lunch and a walk to the shop");
        pages.submit();
        assertThat(pages.browser.findElement(By.id("results")).getText()).contains("can cover this shift");
        assertThat(pages.main()).contains("Gwen C. " + suffix, "Can start from " + shift[0]).doesNotContain("07700 900999");
        pages.assertAccessibleInBothLanguages("cover found");
        pages.click(pages.browser.findElement(By.id("ask-" + profile)));
        assertThat(pages.path()).startsWith("/cover-bookings/");
        String booking = pages.path();
        assertThat(pages.main()).contains("You have asked Gwen C. " + suffix + " to cover", "Waiting for the PA to answer");
        pages.assertAccessibleInBothLanguages("cover asked");
        pages.open("/cover-bookings?lang=en");
        assertThat(pages.main()).contains("Gwen C. " + suffix, "Asked");
        pages.assertAccessibleInBothLanguages("cover shifts");

        // --- the PA sees the request on their home page and accepts it, in Welsh
        pages.signIn(pa);
        pages.open("/home?lang=cy");
        pages.clickLink("Mae 1 cais i gyflenwi yn aros am eich ateb");
        assertThat(pages.h1()).isEqualTo("Shifftiau cyflenwi");
        pages.open(booking + "?lang=cy");
        assertThat(pages.main()).contains("Help with lunch", "SY1").doesNotContain("Carys");
        pages.assertAccessibleInBothLanguages("a cover request, for the PA");
        pages.open(booking + "?lang=cy");
        pages.type("givenName", "Gwen");
        pages.type("familyName", "Cover");
        pages.browser.findElement(By.cssSelector("label[for='" + "starterDeclaration-3" + "']")).click();
        pages.click(pages.browser.findElement(By.id("accept-cover")));
        assertThat(pages.errors()).hasSize(1).first().asString().contains("dyddiad geni");
        assertThat(jdbc.sql("SELECT count(*) FROM pa_employment WHERE pa_email = :e").param("e", pa).query(Long.class).single()).isZero();
        pages.assertAccessibleInBothLanguages("accepting cover, refused");
        pages.open(booking + "?lang=cy");
        pages.type("givenName", "Gwen");
        pages.type("familyName", "Cover");
        pages.date("paDateOfBirth", LocalDate.of(1990, 3, 27));
        pages.browser.findElement(By.cssSelector("label[for='" + "starterDeclaration-3" + "']")).click();
        pages.click(pages.browser.findElement(By.id("accept-cover")));
        assertThat(pages.main()).contains("Rydych wedi derbyn y cyflenwi hwn", "Carys Test", "Wedi derbyn");
        pages.assertAccessibleInBothLanguages("cover accepted, for the PA");

        // --- and sends the shift's timesheet through the existing timesheet page
        pages.open(booking + "?lang=cy");
        pages.click(pages.browser.findElement(By.id("send-timesheet")));
        assertThat(pages.h1()).isEqualTo("Anfon taflen amser");
        pages.type("day-1", "4");
        pages.submit();
        assertThat(pages.path()).isEqualTo("/pa/work");
        assertThat(pages.main()).contains("Mae eich taflen amser wedi'i hanfon");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM timesheet t JOIN pa_employment e ON e.id = t.employment_id
                        JOIN timesheet_day d ON d.timesheet_id = t.id
                        WHERE e.pa_email = :e AND e.citizen_id = :c AND d.worked_on = :today AND d.minutes = 240""")
                .param("e", pa).param("c", citizen).param("today", today).query(Long.class).single()).isEqualTo(1);

        // --- the employer now sees the PA's contact details
        pages.signIn(person);
        pages.open(booking + "?lang=en");
        assertThat(pages.main()).contains("07700 900999", "Accepted");
        pages.assertAccessibleInBothLanguages("cover accepted, for the employer");
    }
}
