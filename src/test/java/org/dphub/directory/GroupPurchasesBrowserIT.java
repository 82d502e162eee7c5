package org.dphub.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.dphub.support.BrowserPages;
import org.dphub.support.Chromium;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Buying together in Chromium: a practitioner proposes a group purchase (a bad form first, then a
 * good one); a person asks to join from their own account; the organiser's confirmation is refused
 * while the person has not agreed; the person agrees, sees the share on Your money, and leaves
 * (nothing was paid, nothing comes back). axe-core on every page in both languages, each on a phone.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupPurchasesBrowserIT {

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

    void check(String what) {
        pages.assertAccessibleInBothLanguages(what);
        pages.assertFitsAPhone(what);
    }

    @Test
    void proposeJoinAgreeAndLeave() {
        String service = "Singing for the brain " + UUID.randomUUID().toString().substring(0, 6);
        long council = jdbc.sql("SELECT id FROM council WHERE code = 'demo-england'").query(Long.class).single();
        UUID organisation = UUID.randomUUID();
        UUID serviceId = UUID.randomUUID();
        jdbc.sql("INSERT INTO directory_organization (id, council_id, name, kind) VALUES (:id, :c, 'Voices Together', 'COMMUNITY_GROUP')")
                .param("id", organisation).param("c", council).update();
        jdbc.sql("""
                        INSERT INTO directory_service (id, organization_id, council_id, name, description, status, delivery, cost_pence,
                            cost_unit, insurance_checked, safeguarding_checked)
                        VALUES (:id, :o, :c, :n, 'A choir for people living with dementia', 'PUBLISHED', 'ONLINE', 800, 'SESSION', TRUE, TRUE)""")
                .param("id", serviceId).param("o", organisation).param("c", council).param("n", service).update();
        LocalDate today = LocalDate.now(ZoneId.of("Europe/London"));
        DateTimeFormatter typed = DateTimeFormatter.ofPattern("d/M/yyyy");

        pages.signIn("practitioner@demo-england");
        pages.open("/group-purchases?lang=en");
        check("the group purchases page");
        pages.clickLink("Propose a group purchase");
        check("proposing a group purchase");
        pages.type("title", "<b>Choir</b>");
        pages.type("sessions", today.minusDays(1).format(typed));
        pages.type("cost", "12.345");
        pages.submit();
        assertThat(pages.errors()).contains("Enter the title without the characters < and >", "Every session must be after today",
                "Enter an amount with no more than 2 numbers after the decimal point", "Choose the service the group will buy");
        check("the proposal with errors");

        pages.type("title", "Choir on Thursdays");
        new Select(pages.browser.findElement(By.id("serviceId"))).selectByValue(serviceId.toString());
        pages.type("sessions", today.plusDays(7).format(typed) + "\n" + today.plusDays(14).format(typed));
        pages.type("cost", "8");
        pages.browser.findElement(By.cssSelector("label[for='costPer-2']")).click();
        pages.type("maxMembers", "4");
        pages.submit();
        assertThat(pages.h1()).as(pages.whatThePageSays()).isEqualTo("Choir on Thursdays");
        assertThat(pages.main()).contains("£16.00", "the first members to join pay 1p more each");
        String group = pages.path();
        check("a group purchase, for its organiser");

        pages.signIn("citizen@demo-england");
        pages.open(group + "?lang=en");
        check("a group purchase someone may join");
        pages.browser.findElement(By.cssSelector("label[for='showName']")).click();
        pages.click(pages.browser.findElement(By.id("ask-to-join")));
        assertThat(pages.main()).as(pages.whatThePageSays()).contains("You have joined", "Agree to pay £16.00");

        pages.signIn("practitioner@demo-england");
        pages.open(group + "?lang=en");
        pages.click(pages.browser.findElement(By.id("confirm")));
        assertThat(pages.errors()).anySatisfy(e -> assertThat(e).startsWith("Not everyone has agreed to their share yet"));
        check("a confirmation refused while someone has not agreed");

        pages.signIn("citizen@demo-england");
        pages.open(group + "?lang=en");
        pages.click(pages.browser.findElement(By.cssSelector("button[id^='consent-']")));
        assertThat(pages.main()).as(pages.whatThePageSays()).contains("You have agreed to your share");
        check("a group purchase after agreeing");
        pages.open("/my-money?lang=en");
        assertThat(pages.main()).contains("Buying together", "you agreed to a share of £16.00");
        pages.open(group + "?lang=en");
        pages.click(pages.browser.findElement(By.cssSelector("button[id^='leave-']")));
        assertThat(pages.main()).as(pages.whatThePageSays()).contains("The member has left the group");
    }
}
