package org.dphub.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
 * Insights in Chromium, without JavaScript doing anything the page needs: the DP team follows the
 * Insights link, reads each figure's chart and opens its table, chooses a period the wrong way
 * round and is told so; a practitioner's plan form asks how each part of the budget is taken.
 * axe-core on every page, in English and Welsh, and the figures fit a 320 px phone.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightsBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.dphub.councils.Councils councils;
    @Autowired
    org.dphub.identity.UserAccounts users;
    @Autowired
    org.dphub.employment.Employments employments;
    @Autowired
    org.dphub.employment.Timesheets timesheets;
    @Autowired
    org.dphub.employment.PayrollRuns payroll;
    @Autowired
    org.springframework.context.MessageSource messages;

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
    void theDpTeamReadsTheFiguresAndAPractitionerSaysHowABudgetIsTaken() {
        pages.signIn("dp-team@demo-england");
        pages.clickLink("Insights");
        assertThat(pages.path()).isEqualTo("/insights");
        assertThat(pages.h1()).isEqualTo("Insights");
        assertThat(pages.browser.findElements(By.cssSelector("main figure svg title"))).as("a chart a figure, each titled")
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(pages.browser.findElements(By.cssSelector("main figure svg desc"))).isNotEmpty();
        assertThat(pages.main()).contains("Time to money", "ASCOF measure 3D", "Client Level Data");
        pages.assertAccessibleInBothLanguages("insights");
        pages.assertFitsAPhone("insights");

        pages.browser.findElement(By.cssSelector("#figure-uptake summary")).click(); // opens in place: no new page
        assertThat(pages.browser.findElement(By.cssSelector("#figure-uptake table")).isDisplayed()).isTrue();
        pages.assertAccessible("insights with a table shown");

        pages.date("from", LocalDate.of(2026, 7, 1));
        pages.date("to", LocalDate.of(2026, 6, 1));
        pages.submit();
        assertThat(pages.errors()).containsExactly("The end date must be the same as or after the start date");
        pages.assertAccessible("insights with a period the wrong way round");
        pages.open(pages.path() + "?" + java.net.URI.create(pages.browser.getCurrentUrl()).getRawQuery() + "&lang=cy");
        assertThat(pages.errors()).containsExactly("Rhaid i'r dyddiad gorffen fod yr un fath â'r dyddiad dechrau neu ar ei ôl");
        pages.assertAccessible("insights with a period the wrong way round (cy)");
        pages.open("/insights?lang=en");

        long plan = jdbc.sql("""
                        SELECT p.id FROM care_plan p JOIN council c ON c.id = p.council_id
                        WHERE c.code = 'demo-england' ORDER BY p.id LIMIT 1""").query(Long.class).single();
        pages.signIn("practitioner@demo-england");
        pages.open("/plans/" + plan + "/change");
        assertThat(pages.main()).contains("How this part of the budget is taken", "An individual service fund");
        pages.assertAccessibleInBothLanguages("a plan's change form");
        pages.open("/plans/" + plan);
        assertThat(pages.main()).contains("How it is taken");
        pages.assertAccessible("a plan");
    }

    @Test
    void theDpTeamReadsSavingsAndPaRatesOfPay_andTheAdministratorRecordsTheClientLevelDataCode() {
        new PayrollWorld(jdbc, councils, users, employments, timesheets, payroll, messages).build();
        pages.signIn(PayrollWorld.DP_TEAM);
        pages.open("/insights?" + PayrollWorld.PERIOD);
        assertThat(pages.main()).contains("Savings against agency care", "Paying PAs directly instead of agency care saved about £104",
                "PA rates of pay", "fewer than 5");
        assertThat(pages.browser.findElements(By.cssSelector("#figure-paPayRates figure svg title"))).isNotEmpty();
        assertThat(pages.browser.findElements(By.cssSelector("#figure-savingsVsAgency figure svg desc"))).isNotEmpty();
        pages.browser.findElement(By.cssSelector("#figure-paPayRates summary")).click();
        assertThat(pages.browser.findElement(By.cssSelector("#figure-paPayRates table")).getText()).contains("SY1", "13.35");
        pages.assertAccessibleInBothLanguages("insights: savings and PA rates of pay");
        pages.assertFitsAPhone("insights: savings and PA rates of pay");

        pages.signIn(PayrollWorld.ADMIN);
        pages.open("/council/settings/edit?lang=en");
        pages.type("cldLaCode", "X123");
        pages.submit();
        assertThat(pages.errors()).containsExactly("Enter the council's local authority code for Client Level Data: "
                + "3 digits, like 503, or 5 letters and numbers for a council coded since 2021");
        pages.assertAccessibleInBothLanguages("council settings with a bad Client Level Data code");
        pages.open("/council/settings?lang=en");
        assertThat(pages.main()).contains("Local authority code for Client Level Data");
        pages.assertAccessible("council settings");
    }
}
