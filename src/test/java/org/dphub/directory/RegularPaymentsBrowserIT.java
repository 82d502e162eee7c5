package org.dphub.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.dphub.payments.Ledger;
import org.dphub.payments.Posting;
import org.dphub.shared.Money;
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
 * A regular payment to a listed provider in Chromium: the person sets one up from the service's
 * page (a bad form first), the job charges the first instalment, they see it on Your money and stop
 * it; the provider sees it by its reference; the council's staff see it on the person's page.
 * axe-core on every page in both languages, each on a phone.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegularPaymentsBrowserIT {

    static final String PROVIDER = "provider@demo-england";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Ledger ledger;
    @Autowired
    RegularPayments regularPayments;

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

    void check(String what) {
        pages.assertAccessibleInBothLanguages(what);
        pages.assertFitsAPhone(what);
    }

    @Test
    void setUpChargedSeenStoppedAndSeenByTheProviderAndStaff() {
        String name = "Aqua aerobics " + UUID.randomUUID().toString().substring(0, 6);
        long council = jdbc.sql("SELECT id FROM council WHERE code = 'demo-england'").query(Long.class).single();
        long user = jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", PROVIDER).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO directory_organization (id, council_id, user_id, name, kind)
                        VALUES (:id, :council, :user, 'Sunny Days CIC', 'MICRO_ENTERPRISE') ON CONFLICT (user_id) DO NOTHING""")
                .param("id", UUID.randomUUID()).param("council", council).param("user", user).update();
        UUID org = jdbc.sql("SELECT id FROM directory_organization WHERE user_id = :u").param("u", user).query(UUID.class).single();
        UUID serviceId = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO directory_service (id, organization_id, council_id, name, description, status, delivery, cost_pence,
                            cost_unit, insurance_checked, safeguarding_checked)
                        VALUES (:id, :o, :c, :n, 'Exercise in warm water', 'PUBLISHED', 'ONLINE', 650, 'SESSION', TRUE, TRUE)""")
                .param("id", serviceId).param("o", org).param("c", council).param("n", name).update();
        long citizen = jdbc.sql("""
                        SELECT a.citizen_id FROM citizen_access a JOIN app_user u ON u.id = a.user_id
                        WHERE u.username = 'citizen@demo-england' AND a.relationship = 'SELF'""").query(Long.class).single();
        long account = jdbc.sql("SELECT id FROM dp_account WHERE citizen_id = :c AND status = 'OPEN' ORDER BY id LIMIT 1")
                .param("c", citizen).query(Long.class).single();
        ledger.post(Posting.funding(council, "test-funding:" + UUID.randomUUID(), account, Money.ofPence(2000), LocalDate.now(),
                "Money for the test"));
        LocalDate today = regularPayments.today();
        String reference = "AQUA-" + UUID.randomUUID().toString().substring(0, 6);

        pages.signIn("citizen@demo-england");
        pages.open("/directory/services/" + serviceId + "?lang=en");
        pages.click(pages.browser.findElement(By.id("pay-regularly")));
        assertThat(pages.h1()).as(pages.whatThePageSays()).isEqualTo("Pay " + name + " regularly");
        check("setting up a regular payment");
        pages.type("amount", "12.345");
        pages.date("firstDate", today.minusDays(1));
        pages.type("reference", "<b>me</b>");
        pages.submit();
        assertThat(pages.errors()).hasSize(2).anySatisfy(e -> assertThat(e).contains("12.50"))
                .anySatisfy(e -> assertThat(e).contains("reference"));
        pages.type("amount", "6.50");
        pages.type("reference", "");
        pages.submit();
        assertThat(pages.errors()).containsExactly("The first payment must be between today and a year from now");
        check("a regular payment with errors");

        pages.date("firstDate", today);
        pages.type("times", "4");
        pages.type("reference", reference);
        pages.submit();
        assertThat(pages.main()).as(pages.whatThePageSays()).contains("The regular payment is set up", "£6.50 every week", reference);
        String page = pages.path();
        check("a regular payment");

        regularPayments.chargeDue(today);
        pages.open(page + "?lang=en");
        assertThat(pages.main()).contains("Payments so far", "the council pays the provider in its next payment run", "1 paid (£6.50)");
        pages.open("/my-money?lang=en");
        String organisation = jdbc.sql("SELECT name FROM directory_organization WHERE id = :id").param("id", org).query(String.class).single();
        assertThat(pages.main()).contains("Regular payments to providers", name, "1 paid (£6.50)")
                .as("the instalment among the money in and out").contains("Paid to " + organisation + ": regular payment for " + name + ", "
                        + today.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)));
        pages.open("/my-money?lang=cy");
        assertThat(pages.main()).as("and in Welsh").contains("Talwyd i " + organisation + ": taliad rheolaidd am " + name + ", "
                + today.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.forLanguageTag("cy"))));
        check("Your money with a regular payment");

        pages.open(page + "?lang=en");
        pages.date("from", today.minusDays(1));
        pages.submit();
        assertThat(pages.errors()).containsExactly("Stop it from today or a later day");
        pages.date("from", today.plusDays(1));
        pages.submit();
        assertThat(pages.main()).as(pages.whatThePageSays()).contains("The regular payment is stopped", "1 paid (£6.50)");
        check("a stopped regular payment");

        pages.signIn(PROVIDER);
        pages.open("/provider/regular-payments?lang=en");
        assertThat(pages.main()).contains(reference, name, "£6.50 every week").doesNotContain("citizen@");
        check("the provider's regular payments");

        pages.signIn("dp-team@demo-england");
        pages.open("/citizens/" + citizen + "?lang=en");
        assertThat(pages.main()).contains("Regular payments to providers", name);
        pages.open(page + "?lang=en");
        assertThat(pages.browser.findElements(By.id("stop"))).as("staff may look, not stop").isEmpty();
    }
}
