package org.dphub.information;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.dphub.support.BrowserPages;
import org.dphub.support.Chromium;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The information hub in Chromium: someone not signed in, on a phone 320 pixels wide, reads the
 * hub, the flowchart guide, the jargon buster and a council's page, and searches; then a council
 * administrator changes a guide (refused once for a script tag) and adds a person's words with
 * their consent, which then show on the guide. axe-core on every page, in English and Welsh.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InformationHubBrowserIT {

    @LocalServerPort
    int port;

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

    void onAPhone(String what) {
        assertThat(Chromium.sidewaysScroll(pages.browser)).as(what + " on a phone").isNull();
        pages.assertAccessibleInBothLanguages(what);
    }

    @Test
    void someoneReadsTheHubOnAPhoneAndAnAdministratorChangesAGuideAndAddsAStory() {
        Chromium.phoneScreen(pages.browser, 320);
        try {
            pages.open("/information?lang=en");
            assertThat(pages.h1()).isEqualTo("Direct payments explained");
            onAPhone("the information hub");

            pages.clickLink("How to get a direct payment");
            assertThat(pages.browser.findElements(By.cssSelector("svg[role=img] title"))).isNotEmpty();
            assertThat(pages.browser.findElements(By.cssSelector("ol.govuk-list--number li"))).hasSize(8);
            onAPhone("the guide with a flowchart");

            pages.clickLink("personal budget");
            assertThat(pages.path()).isEqualTo("/information/jargon-buster");
            pages.type("jargon-q", "person");
            pages.submit();
            assertThat(pages.main()).contains("authorised person", "nominated person", "suitable person").doesNotContain("micro-enterprise");
            onAPhone("the jargon buster, filtered");

            pages.open("/information/search?q=paying+family&lang=en");
            assertThat(pages.browser.findElements(By.cssSelector("#results mark"))).isNotEmpty();
            assertThat(pages.main()).contains("Paying family");
            onAPhone("search results");

            pages.open("/information/councils/demo-england?lang=en");
            assertThat(pages.main()).contains("How to ask for a direct payment", "How we run direct payments");
            onAPhone("a council's page");
        } finally {
            Chromium.windowScreen(pages.browser);
        }

        pages.signIn("admin@demo-england");
        pages.clickLink("Information hub");
        assertThat(pages.h1()).isEqualTo("The information hub");
        pages.assertAccessibleInBothLanguages("the information hub's editing list");

        pages.open("/council/information/guides/money-left-over");
        String body = pages.browser.findElement(By.id("body")).getAttribute("value");
        pages.type("body", body + "\n\n<script>alert(1)</script>");
        pages.submit();
        assertThat(pages.errors()).containsExactly("Take the script tag out of the guide in English. Guides are words only.");
        pages.assertAccessible("a guide refused for a script tag");

        String word = "Zq" + UUID.randomUUID().toString().substring(0, 6);
        pages.type("body", body + "\n\nAsk " + word + " at the council if you want to save up.");
        pages.submit();
        assertThat(pages.main()).contains("Guide saved as a new version");
        pages.open("/council/information/guides/money-left-over");
        assertThat(pages.main()).contains("The national text", "Your council's version");
        pages.assertAccessibleInBothLanguages("changing a guide, with its versions");
        pages.assertFitsAPhone("changing a guide");

        pages.open("/council/information/stories?lang=en");
        pages.browser.findElement(By.cssSelector("label[for='guide-8']")).click();
        pages.type("quote", "I had a week by the sea and came back ready for anything " + word + ".");
        pages.type("attribution", "Mo");
        pages.submit();
        assertThat(pages.errors()).containsExactly("Tick the box to say the person has agreed to their words being shown. "
                + "Without their yes, do not add them.");
        pages.browser.findElement(By.cssSelector("label[for='consent']")).click();
        pages.submit();
        assertThat(pages.main()).contains("Story added");
        pages.assertAccessibleInBothLanguages("people's own words");

        pages.open("/information/money-left-over?council=demo-england&lang=en");
        assertThat(pages.main()).contains("Ask " + word + " at the council", "I had a week by the sea", "Mo");
        pages.assertAccessibleInBothLanguages("a council's version of a guide, with a story");
    }
}
