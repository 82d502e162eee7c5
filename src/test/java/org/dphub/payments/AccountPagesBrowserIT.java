package org.dphub.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.dphub.shared.Money;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Money pages in Chromium: a practitioner opens a person's account from the direct payment and
 * suspends it; finance puts in bank details (after a mistake that saves nothing), recovers money
 * left over after trying too much, and the person reads the letter on "Your money". axe-core on
 * every page, in English and Welsh.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccountPagesBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Ledger ledger;

    BrowserPages pages;
    final JsonMapper json = JsonMapper.builder().build();

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
    void bankDetailsRecoveriesAndASuspensionThroughThePages() {
        Http http = new Http(port);
        // the demo citizen of demo-wales has an account; give it £300.00 more than it needs
        long citizen = jdbc.sql("""
                        SELECT ca.citizen_id FROM citizen_access ca JOIN app_user u ON u.id = ca.user_id
                        WHERE u.username = 'citizen@demo-wales'""").query(Long.class).single();
        long account = jdbc.sql("SELECT id FROM dp_account WHERE citizen_id = :c AND direct_payment_id IS NOT NULL ORDER BY id LIMIT 1")
                .param("c", citizen).query(Long.class).single();
        long dp = jdbc.sql("SELECT direct_payment_id FROM dp_account WHERE id = :a").param("a", account).query(Long.class).single();
        long council = jdbc.sql("SELECT council_id FROM dp_account WHERE id = :a").param("a", account).query(Long.class).single();
        long surplusBefore = json.readTree(http.getAs("finance@demo-wales", Http.DEMO_PASSWORD, "/api/v1/accounts/" + account).body())
                .get("surplusPence").asLong();
        long keep = json.readTree(http.getAs("finance@demo-wales", Http.DEMO_PASSWORD, "/api/v1/accounts/" + account).body())
                .get("surplusKeepPence").asLong();
        long balance = json.readTree(http.getAs("finance@demo-wales", Http.DEMO_PASSWORD, "/api/v1/accounts/" + account).body())
                .get("balancePence").asLong();
        long topUp = Math.max(0, keep - balance) + 30_000 - surplusBefore;
        if (topUp > 0) {
            ledger.post(Posting.funding(council, "browser-test-top-up:" + account, account, Money.ofPence(topUp), LocalDate.now(),
                    "Direct payment"));
        } else if (topUp < 0) {
            ledger.post(Posting.spending(council, "browser-test-spend:" + account, account, Money.ofPence(-topUp), LocalDate.now(),
                    "Personal assistant wages"));
        }

        // --- finance: the person's page lists the account; its page shows the working
        pages.signIn("finance@demo-wales");
        pages.open("/citizens/" + citizen + "?lang=en");
        pages.click(pages.browser.findElement(By.cssSelector("a[href='/accounts/" + account + "']")));
        assertThat(pages.path()).isEqualTo("/accounts/" + account);
        assertThat(pages.main()).contains("Left over", "£300.00");
        pages.assertAccessibleInBothLanguages("account page for finance");

        // --- bank details: a mistake names every field and saves nothing; then saved
        pages.open("/accounts/" + account + "/bank-details?lang=en");
        pages.assertAccessibleInBothLanguages("bank details form");
        long rows = jdbc.sql("SELECT count(*) FROM bank_details WHERE account_id = :a").param("a", account).query(Long.class).single();
        pages.type("accountName", "<script>alert(1)</script>");
        pages.type("sortCode", "12-34");
        pages.type("accountNumber", "12ab");
        pages.submit();
        assertThat(pages.errors()).hasSize(3).anyMatch(e -> e.contains("sort code of 6 numbers"));
        pages.assertAccessible("bank details form with errors");
        assertThat(jdbc.sql("SELECT count(*) FROM bank_details WHERE account_id = :a").param("a", account).query(Long.class).single())
                .isEqualTo(rows);
        pages.type("accountName", "Gwen ap Rhys");
        pages.type("sortCode", "40 47 84");
        pages.type("accountNumber", "70346812");
        pages.type("reference", "");
        pages.submit();
        assertThat(pages.path()).as(pages.whatThePageSays()).isEqualTo("/accounts/" + account);
        assertThat(pages.main()).contains("The bank details are saved", "Gwen ap Rhys, sort code 40-47-84, account ending 6812");

        // --- recover: too much is refused with the most that can be taken; then £120.00 with a kind reason
        pages.clickLink("Recover money left over");
        pages.assertAccessibleInBothLanguages("recover money left over");
        pages.type("amount", "300.01");
        pages.type("reason", "Saved up over the summer and not needed now");
        pages.submit();
        assertThat(pages.errors()).singleElement().asString().contains("£300.00");
        pages.assertAccessible("recovery with an error");
        pages.type("amount", "120");
        pages.submit();
        assertThat(pages.path()).as(pages.whatThePageSays()).isEqualTo("/accounts/" + account);
        assertThat(pages.main()).contains("The money is recovered", "£120.00", "£180.00");
        pages.assertAccessible("account page after a recovery");

        // --- the person reads the letter, in Welsh (their language)
        pages.signIn("citizen@demo-wales");
        pages.open("/my-money?lang=cy");
        assertThat(pages.main()).contains("Llythyrau am eich arian", "£120.00");
        pages.browser.findElement(By.cssSelector("main details summary")).click();
        assertThat(pages.main()).contains("Annwyl", "Saved up over the summer");
        pages.assertAccessibleInBothLanguages("your money with a letter");

        // --- a practitioner suspends the direct payment from its page
        pages.signIn("practitioner@demo-wales");
        pages.open("/direct-payments/" + dp + "?lang=en");
        assertThat(pages.browser.findElement(By.id("account-link")).getAttribute("href")).endsWith("/accounts/" + account);
        pages.clickLink("Suspend the payments");
        pages.assertAccessibleInBothLanguages("suspend the payments");
        pages.type("reason", "");
        pages.submit();
        assertThat(pages.errors()).singleElement().asString().contains("reason");
        pages.type("reason", "In hospital for a few weeks");
        pages.submit();
        assertThat(pages.path()).isEqualTo("/direct-payments/" + dp);
        assertThat(pages.main()).contains("Start the payments again");
        pages.assertAccessible("direct payment, suspended");
        pages.open("/accounts/" + account + "?lang=en");
        assertThat(pages.main()).contains("Suspended", "Suspended: In hospital for a few weeks");
        assertThat(pages.browser.findElements(By.linkText("Recover money left over"))).as("only finance recovers").isEmpty();

        // --- and back again, so the demo account is as it was for other tests
        pages.open("/direct-payments/" + dp + "/status-changes/new?event=RESUMED&lang=en");
        pages.type("reason", "Home again");
        pages.submit();
        assertThat(pages.main()).contains("Suspend the payments");

        // --- refusals: a practitioner cannot change bank details; another council's account is not found
        pages.open("/accounts/" + account + "/bank-details");
        assertThat(pages.h1()).isEqualTo("You cannot see this page");
        pages.signIn("finance@demo-england");
        pages.open("/accounts/" + account);
        assertThat(pages.h1()).isEqualTo("Page not found");
    }
}
