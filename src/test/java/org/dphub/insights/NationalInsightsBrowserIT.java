package org.dphub.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.dphub.councils.Councils;
import org.dphub.councils.Nation;
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
 * The national analyst in Chromium, with no JavaScript the page needs: from home to the national
 * figures, the chart with a council's suppressed share drawn as a labelled gap, the table opened in
 * place, a period the wrong way round; axe-core in English and Welsh, and it fits a 320 px phone.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NationalInsightsBrowserIT {

    static final String PERIOD = "from=2026-01-01&to=2026-06-30";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Councils councils;

    BrowserPages pages;

    @BeforeAll
    void start() {
        // two people with a direct payment: the share is suppressed, so the chart has a gap
        new NationalCouncils(jdbc, councils).council("national-browser", "National Browser Council", "Cyngor Porwr Cenedlaethol",
                Nation.ENGLAND, "NATB", 6, 15, 25);
        pages = new BrowserPages(Chromium.start(), port);
    }

    @AfterAll
    void stop() {
        if (pages != null) {
            pages.browser.quit();
        }
    }

    @Test
    void theAnalystReadsEveryCouncilsFiguresWithSmallNumbersHidden() {
        pages.signIn("analyst@dphub");
        assertThat(pages.main()).contains("National figures").doesNotContain("Contact your council");
        pages.assertAccessible("the analyst's home");
        pages.clickLink("See every council's figures");
        assertThat(pages.path()).isEqualTo("/insights/national");
        assertThat(pages.h1()).isEqualTo("National figures");
        pages.open("/insights/national?" + PERIOD + "&lang=en");

        assertThat(pages.browser.findElement(By.cssSelector("#national-share svg title")).getAttribute("textContent"))
                .startsWith("Share of people with a plan who had a direct payment on 30 June 2026");
        assertThat(pages.browser.findElement(By.cssSelector("#national-share svg desc")).getAttribute("textContent"))
                .contains("dashed outline");
        assertThat(pages.browser.findElements(By.cssSelector("#national-share svg rect[stroke-dasharray='3 2'] title")))
                .extracting(e -> e.getAttribute("textContent")).contains("National Browser Council: fewer than 5, not shown");
        assertThat(pages.browser.findElement(By.cssSelector("#national-share figcaption")).getText()).contains("Fewer than 5: not shown");
        String row = pages.browser.findElements(By.cssSelector("#national-table tbody tr")).stream().map(r -> r.getText())
                .filter(t -> t.startsWith("National Browser Council")).findFirst().orElseThrow();
        assertThat(row).startsWith("National Browser Council fewer than 5 8 fewer than 5");
        pages.assertAccessibleInBothLanguages("the national figures");
        pages.assertFitsAPhone("the national figures");

        pages.browser.findElement(By.cssSelector("#national-share summary")).click(); // opens in place
        assertThat(pages.browser.findElement(By.id("national-share-table")).isDisplayed()).isTrue();
        pages.assertAccessible("the national figures with the chart's table shown");

        pages.open("/insights/national?" + PERIOD + "&lang=cy");
        assertThat(pages.h1()).isEqualTo("Ffigurau cenedlaethol");
        assertThat(pages.main()).contains("llai na 5", "Pob cyngor (cyfanswm)").doesNotContain("fewer than 5");
        pages.open("/insights/national?lang=en");

        pages.date("from", LocalDate.of(2026, 7, 1));
        pages.date("to", LocalDate.of(2026, 6, 1));
        pages.submit();
        assertThat(pages.errors()).containsExactly("The end date must be the same as or after the start date");
        assertThat(pages.browser.findElements(By.cssSelector("main figure svg"))).isEmpty();
        pages.assertAccessible("the national figures with a period the wrong way round");
    }
}
