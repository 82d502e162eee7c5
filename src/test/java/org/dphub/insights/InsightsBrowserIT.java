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
import org.dphub.councils.CouncilSettings;
import org.dphub.councils.Councils;
import org.dphub.councils.Nation;
import org.dphub.identity.NewUserAccount;
import org.dphub.identity.UserAccounts;
import org.dphub.payments.Ledger;
import org.dphub.payments.Posting;
import org.dphub.shared.Money;
import org.dphub.shared.Role;

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
    Councils councils;
    @Autowired
    UserAccounts users;
    @Autowired
    Ledger ledger;
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

    /**
     * Money returned, the PA market, monitoring and reviews, each with something to draw, for a
     * council of the test's own: a recovery, a check, a vacancy filled and a review, in March 2026.
     * The DP team opens each new figure's table; axe-core in English and Welsh.
     */
    @Test
    void theDpTeamReadsMoneyReturnedThePaMarketMonitoringAndReviews() {
        String code = "insights-browser-more";
        if (councils.findByCode(code).isEmpty()) {
            long council = councils.create(code, "Browser Figures Council", "Cyngor Ffigurau Porwr", Nation.WALES,
                    CouncilSettings.defaults(true)).id();
            users.create(new NewUserAccount("dp-team@" + code, org.dphub.support.Http.DEMO_PASSWORD, "Dee Browser", council,
                    java.util.EnumSet.of(Role.DP_TEAM), "en"));
            long person = jdbc.sql("""
                            INSERT INTO citizen (council_id, reference, given_name, family_name, date_of_birth, postcode)
                            VALUES (:c, 'BROWSER-1', 'Figure', 'Browser', DATE '1970-01-01', 'ZE2 8AA') RETURNING id""")
                    .param("c", council).query(Long.class).single();
            long account = jdbc.sql("""
                            INSERT INTO dp_account (council_id, citizen_id, type, status, opened_on)
                            VALUES (:c, :p, 'BANK_ACCOUNT', 'OPEN', DATE '2026-01-01') RETURNING id""")
                    .param("c", council).param("p", person).query(Long.class).single();
            ledger.post(Posting.funding(council, "insights-browser:in", account, Money.ofPence(100000), LocalDate.of(2026, 1, 5), "In"));
            long recovery = jdbc.sql("""
                            INSERT INTO surplus_recovery (council_id, account_id, amount_pence, surplus_pence, reason, letter_locale, letter,
                                recovered_on, proposed_by)
                            VALUES (:c, :a, 20000, 20000, 'Left over', 'cy', 'Llythyr', DATE '2026-03-10', 'test') RETURNING id""")
                    .param("c", council).param("a", account).query(Long.class).single();
            ledger.post(Posting.recovery(council, "recovery:" + recovery, account, Money.ofPence(20000), LocalDate.of(2026, 3, 10), "Back"));
            jdbc.sql("""
                            INSERT INTO monitoring_check (council_id, account_id, reasons, outcome, minutes, checked_by, checked_at)
                            VALUES (:c, :a, '{SURPLUS}', 'ALL_WELL', 30, 'test', TIMESTAMPTZ '2026-03-11 10:00+00')""")
                    .param("c", council).param("a", account).update();
            jdbc.sql("""
                            INSERT INTO vacancy (council_id, citizen_id, title, postcode, latitude, longitude, max_distance_km, hours_per_week,
                                hourly_rate_pence, start_date, contact_name, created_by, created_at)
                            VALUES (:c, :p, 'Help at home', 'ZE2 8AA', 60.15, -1.15, 10, 6, 1400, DATE '2026-04-01', 'Figure', 'test',
                                TIMESTAMPTZ '2026-03-02 10:00+00')""")
                    .param("c", council).param("p", person).update();
            long plan = jdbc.sql("INSERT INTO care_plan (council_id, citizen_id) VALUES (:c, :p) RETURNING id")
                    .param("c", council).param("p", person).query(Long.class).single();
            long dp = jdbc.sql("""
                            INSERT INTO direct_payment (council_id, citizen_id, plan_id, status, has_capacity, account_type,
                                requested_on, start_date, agreed_at, agreed_by, agreement_method, created_by)
                            VALUES (:c, :p, :plan, 'ACTIVE', true, 'BANK_ACCOUNT', DATE '2025-08-01', DATE '2025-09-01',
                                TIMESTAMPTZ '2025-09-01 09:00+00', 'test', 'ONLINE', 'test') RETURNING id""")
                    .param("c", council).param("p", person).param("plan", plan).query(Long.class).single();
            jdbc.sql("""
                            INSERT INTO review (council_id, direct_payment_id, reason, reviewed_on, working, not_working, reviewed_by)
                            VALUES (:c, :dp, 'SCHEDULED', DATE '2026-03-20', 'Going well', '', 'test')""")
                    .param("c", council).param("dp", dp).update();
        }
        pages.signIn("dp-team@" + code);
        pages.open("/insights?from=2026-01-01&to=2026-06-30&lang=en");
        assertThat(pages.main()).contains("Money returned", "Finding a personal assistant", "Monitoring checks", "Reviews");
        for (String key : java.util.List.of("moneyReturned", "vacancies", "monitoring", "reviews")) {
            assertThat(pages.browser.findElements(By.cssSelector("#figure-" + key + " figure svg title"))).as(key).isNotEmpty();
            pages.browser.findElement(By.cssSelector("#figure-" + key + " summary")).click();
            assertThat(pages.browser.findElement(By.cssSelector("#figure-" + key + " table")).isDisplayed()).as(key).isTrue();
        }
        pages.assertAccessible("insights with the new figures' tables shown");
        pages.assertAccessibleInBothLanguages("insights: money returned, PA market, monitoring, reviews");
        pages.open("/insights?from=2026-01-01&to=2026-06-30&lang=cy");
        assertThat(pages.main()).contains("Arian a ddychwelwyd", "Gwiriadau monitro", "Adolygiadau");
        pages.assertFitsAPhone("insights with the new figures");
        pages.open("/insights?lang=en");
    }
}
