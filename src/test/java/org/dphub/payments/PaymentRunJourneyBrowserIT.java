package org.dphub.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
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
 * Connect and Enable to the bank file in Chromium: a practitioner makes a £450.00 one-off for
 * someone leaving hospital (approved on the spot) and a £600.00 one (sent to a budget holder, who
 * approves it); a finance officer starts the payment run and watches its progress; they cannot
 * approve their own run; a second officer approves it and the bank files appear. axe-core on
 * every page, in English and Welsh.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentRunJourneyBrowserIT {

    @LocalServerPort
    int port;
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
    void fromAOneOffPaymentToTheBankFile() throws Exception {
        long citizen = jdbc.sql("""
                        SELECT c.id FROM citizen c JOIN council k ON k.id = c.council_id
                        WHERE k.code = 'demo-england' AND c.reference LIKE 'DE-%' ORDER BY c.id OFFSET 10 LIMIT 1""")
                .query(Long.class).single();
        long oneOffsBefore = jdbc.sql("SELECT count(*) FROM one_off_payment").query(Long.class).single();

        // --- the practitioner: mistakes first (nothing saved), then £450.00 approved on the spot
        pages.signIn("practitioner@demo-england");
        pages.open("/citizens/" + citizen + "?lang=en");
        pages.click(pages.browser.findElement(By.id("make-one-off")));
        assertThat(pages.path()).isEqualTo("/citizens/" + citizen + "/one-off-payments/new");
        pages.assertAccessibleInBothLanguages("one-off payment form");
        assertThat(pages.main()).contains("You can approve up to £500.00 yourself");
        pages.type("amount", "0");
        pages.type("purpose", "");
        pages.submit();
        assertThat(pages.errors()).hasSize(4); // amount, purpose, outcome, reason
        pages.assertAccessible("one-off form with errors");
        assertThat(jdbc.sql("SELECT count(*) FROM one_off_payment").query(Long.class).single()).isEqualTo(oneOffsBefore);

        pages.type("amount", "450");
        pages.type("purpose", "A personal assistant for the first two weeks at home");
        pages.type("outcome", "Get back on my feet at home");
        pages.browser.findElement(By.cssSelector("label[for='" + radioId("reason", "HOSPITAL_DISCHARGE") + "']")).click();
        pages.submit();
        assertThat(pages.path()).as(pages.whatThePageSays()).matches("/one-off-payments/\\d+");
        assertThat(pages.main()).contains("Payment approved", "£450.00 goes in the next payment run");
        pages.assertAccessible("one-off approved");

        // --- £600.00 is over the limit: a budget holder decides
        pages.open("/citizens/" + citizen + "/one-off-payments/new?lang=en");
        pages.type("amount", "600.00");
        pages.type("purpose", "Respite while their carer recovers from an operation");
        pages.type("outcome", "Stay at home with my family");
        pages.browser.findElement(By.cssSelector("label[for='" + radioId("reason", "CARER_BREAKDOWN") + "']")).click();
        pages.submit();
        assertThat(pages.main()).contains("Sent to a budget holder");
        String second = pages.path();

        pages.signIn("budget-holder@demo-england");
        pages.clickLink("One-off payments");
        pages.assertAccessibleInBothLanguages("one-offs to decide");
        pages.click(pages.browser.findElement(By.cssSelector("a[href='" + second + "']")));
        pages.assertAccessibleInBothLanguages("a one-off to decide");
        pages.browser.findElement(By.cssSelector("label[for='" + radioId("decision", "DECLINE") + "']")).click();
        pages.submit();
        assertThat(pages.errors()).singleElement().asString().contains("reason");
        pages.browser.findElement(By.cssSelector("label[for='" + radioId("decision", "APPROVE") + "']")).click();
        pages.submit();
        assertThat(pages.main()).contains("Approved. It goes in the next payment run.");

        // --- finance officer one starts the run and watches it
        LocalDate date = LocalDate.now().plusDays(11);
        pages.signIn("finance@demo-england");
        pages.clickLink("Payment runs");
        pages.assertAccessibleInBothLanguages("payment runs");
        pages.date("paymentDate", date);
        pages.submit();
        assertThat(pages.path()).as(pages.whatThePageSays()).matches("/payment-runs/\\d+");
        String run = pages.path();
        pages.assertAccessible("payment run, first look");
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (pages.main().contains("Working it out")) {
            assertThat(pages.browser.findElement(By.id("run-progress")).getAttribute("max")).isEqualTo("100");
            pages.assertAccessible("payment run in progress");
            assertThat(System.nanoTime()).as("the run finished").isLessThan(deadline);
            Thread.sleep(500);
            pages.open(run + "?lang=en");
        }
        assertThat(pages.main()).contains("Ready for approval", "By kind of account", "A prepaid card")
                .contains("Another finance officer must approve this run");
        assertThat(pages.browser.findElements(By.xpath("//button[contains(., 'Approve this run')]"))).isEmpty();
        pages.assertAccessibleInBothLanguages("payment run ready");

        // --- the same date again is the same run
        pages.open("/payment-runs?lang=en");
        pages.date("paymentDate", date);
        pages.submit();
        assertThat(pages.path()).isEqualTo(run);
        assertThat(pages.main()).contains("There is already a run for this date");

        // --- finance officer two approves; the files for the bank appear
        pages.signIn("finance2@demo-england");
        pages.open(run + "?lang=en");
        pages.click(pages.browser.findElement(By.xpath("//button[contains(., 'Approve this run')]")));
        assertThat(pages.main()).contains("Approved", "finance2@demo-england");
        assertThat(pages.browser.findElement(By.id("bank-file")).getAttribute("href")).endsWith(run + "/bank-file.xml");
        assertThat(pages.browser.findElement(By.id("summary-csv")).getAttribute("href")).endsWith(run + "/summary.csv");
        pages.assertAccessibleInBothLanguages("payment run approved");
        pages.assertFitsAPhone("payment run approved");
        pages.open("/payment-runs?lang=en");
        pages.assertFitsAPhone("payment runs, with this one");
        long runId = Long.parseLong(run.substring(run.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM payment p JOIN one_off_due o ON 'one-off:' || o.one_off_id = p.idempotency_key
                        WHERE p.run_id = :r AND o.amount_pence IN (45000, 60000)""").param("r", runId).query(Long.class).single())
                .as("both one-offs are in the run").isGreaterThanOrEqualTo(2);

        // --- refusals: a practitioner cannot see payment runs
        pages.signIn("practitioner@demo-england");
        pages.open(run);
        assertThat(pages.h1()).isEqualTo("You cannot see this page");
    }

    /** GOV.UK radios: the first has the field's id, the others id-2, id-3... by position. */
    String radioId(String name, String value) {
        return pages.browser.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']")).getAttribute("id");
    }
}
