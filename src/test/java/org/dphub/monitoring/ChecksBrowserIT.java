package org.dphub.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Checks in Chromium: a practitioner raises a concern from an account's page; the direct payments
 * team sees it on the checks list with its reason, records what they found (after a mistake), and
 * the effort chart counts it. axe-core on every page, both languages.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChecksBrowserIT {

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

    @Test
    void aConcernIsCheckedAndTheEffortCounted() {
        long account = new MoneyApi(new Http(port)).activeWeekly("practitioner@demo-england", "Rhys", LocalDate.now().minusWeeks(1),
                "PREPAID_CARD", 5_000, "en").accountId();

        pages.signIn("practitioner@demo-england");
        pages.open("/accounts/" + account + "?lang=en");
        pages.click(pages.browser.findElement(By.id("concern-link")));
        pages.assertAccessibleInBothLanguages("raise a concern");
        pages.submit();
        assertThat(pages.errors()).hasSize(1);
        pages.type("concern", "Their PA says wages are late");
        pages.submit();
        assertThat(pages.main()).contains("The concern is recorded");

        pages.signIn("dp-team@demo-england");
        pages.clickLink("Checks");
        pages.assertAccessibleInBothLanguages("checks due");
        assertThat(pages.browser.findElement(By.id("checks-due")).getText()).contains("Someone raised a concern");
        pages.open("/checks/" + account + "/new?lang=en");
        pages.assertAccessibleInBothLanguages("record a check");
        assertThat(pages.main()).contains("Someone raised a concern", "A new direct payment");
        pages.type("minutes", "ten");
        pages.submit();
        assertThat(pages.errors()).hasSize(2);
        pages.assertAccessible("record a check with errors");
        pages.browser.findElement(By.cssSelector("input[name='outcome'][value='ALL_WELL'] + label")).click();
        pages.type("minutes", "10");
        pages.type("notes", "Spoke to the PA: paid today");
        pages.submit();
        assertThat(pages.path()).isEqualTo("/checks");
        assertThat(pages.main()).contains("The check is recorded", "All well");
        assertThat(pages.browser.findElements(By.cssSelector("meter.dphub-bars__bar"))).isNotEmpty();
        pages.assertAccessibleInBothLanguages("checks after recording one");

        pages.signIn("practitioner@demo-england");
        pages.open("/checks");
        assertThat(pages.h1()).isEqualTo("You cannot see this page");
    }
}
