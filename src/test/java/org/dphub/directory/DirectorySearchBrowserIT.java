package org.dphub.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dphub.directory.DirectoryRows.COMMUNITY;
import static org.dphub.directory.DirectoryRows.aService;

import java.time.DayOfWeek;
import java.util.UUID;
import org.dphub.shared.PostcodeDirectory;
import org.dphub.support.BrowserPages;
import org.dphub.support.Chromium;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The directory in Chromium: someone not signed in, on a phone 320 pixels wide, searches with
 * filters (a mistake first), reads why each result matches and opens a service's page; then the DP
 * team reads the gaps in the market with its chart. axe-core on every page, both languages.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DirectorySearchBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PostcodeDirectory postcodes;

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

    void tickValue(String value) {
        WebElement box = pages.browser.findElement(By.cssSelector("input[type=checkbox][value='" + value + "']"));
        pages.browser.findElement(By.cssSelector("label[for='" + box.getAttribute("id") + "']")).click();
    }

    @Test
    void someoneFindsAClassNearThemOnAPhoneAndTheDpTeamSeesTheGaps() {
        String word = "Zb" + UUID.randomUUID().toString().substring(0, 6);
        long council = DirectoryRows.council(jdbc, "demo-england");
        UUID org = DirectoryRows.organization(jdbc, council, "Orkney Movers " + word);
        aService("Seated dance " + word).at("KW15 1AA").free().serving(COMMUNITY).languages("en", "cy")
                .open(DayOfWeek.SATURDAY, "10:00", "12:00").accessibility("Level access and a hearing loop")
                .insert(jdbc, postcodes, org, council);
        aService("Walking football " + word).at("KW17 2AA").costs(350, "SESSION").serving(COMMUNITY)
                .open(DayOfWeek.TUESDAY, "18:00", "19:30").insert(jdbc, postcodes, org, council);

        DirectoryRows.personWithLivePlan(jdbc, council, "ZE2 9AB", DirectoryRows.NUTRITION);

        Chromium.phoneScreen(pages.browser, 320);
        try {
            pages.open("/directory?lang=en");
            pages.type("q", word);
            pages.type("postcode", "KW15 1XY");
            pages.type("distance", "1000");
            pages.submit();
            assertThat(pages.errors()).containsExactly("Enter a distance in whole kilometres from 1 to 200");
            assertThat(Chromium.sidewaysScroll(pages.browser)).as("search with an error on a phone").isNull();
            pages.assertAccessible("the directory search with an error");

            pages.type("distance", "10");
            tickValue(COMMUNITY.toString());
            new Select(pages.browser.findElement(By.id("day"))).selectByValue("SATURDAY");
            pages.submit();
            assertThat(pages.errors()).isEmpty();
            String results = pages.main();
            assertThat(results).contains("1 service found", "Seated dance " + word, "Why it matches", "Near you: 0.0 km",
                    "Helps with: Getting out and about", "Open Saturday 10:00 to 12:00").doesNotContain("Walking football");
            assertThat(Chromium.sidewaysScroll(pages.browser)).as("search results on a phone").isNull();
            pages.assertAccessibleInBothLanguages("the directory search results");

            pages.clickLink("Seated dance " + word);
            assertThat(pages.h1()).isEqualTo("Seated dance " + word);
            assertThat(pages.main()).contains("Checked by the council", "Orkney Movers " + word, "Saturday 10:00 to 12:00",
                    "Free", "English, Welsh", "Level access and a hearing loop", "Getting out and about");
            assertThat(Chromium.sidewaysScroll(pages.browser)).as("a service's page on a phone").isNull();
            pages.assertAccessibleInBothLanguages("a service's page");
        } finally {
            Chromium.windowScreen(pages.browser);
        }

        pages.signIn("dp-team@demo-england");
        pages.clickLink("Gaps in the market");
        assertThat(pages.h1()).isEqualTo("Gaps in the market");
        assertThat(pages.main()).contains("ZE2", "Eating and drinking well (1 person)");
        assertThat(pages.browser.findElements(By.cssSelector("svg[role=img] title"))).isNotEmpty();
        pages.assertAccessibleInBothLanguages("gaps in the market");
        pages.assertFitsAPhone("gaps in the market");
    }
}
