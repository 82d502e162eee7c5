package org.dphub.letters;

import static org.assertj.core.api.Assertions.assertThat;

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
 * Letters in Chromium. A council's own letter wording: the Welsh council's administrator changes
 * the Welsh review letter; a threatening word and a placeholder we cannot fill are refused with
 * what to change, in Welsh; the good wording is saved and used. Other staff cannot open the page.
 * The letters page: the Welsh council's DP team sees a letter GOV.UK Notify refused (a local
 * stand-in for Notify) as not sent with the reason, lists only letters not sent, and sends it
 * again without JavaScript. axe-core on every page, both languages.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LetterWordingBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.dphub.letters.internal.NotifyGateway gateway;
    @Autowired
    LetterDeliveries deliveries;

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
    void anAdministratorRewordsALetterAndThreatsAreRefused() {
        pages.signIn("admin@demo-wales");
        pages.open("/home?lang=cy");
        pages.clickLink("Geiriad llythyrau");
        assertThat(pages.h1()).isEqualTo("Sut mae ein llythyrau wedi'u geirio");
        pages.assertAccessibleInBothLanguages("letter wording list");
        pages.open("/letter-templates?lang=cy");
        pages.click(pages.browser.findElement(By.id("edit-REVIEW_DUE-cy")));
        pages.assertAccessibleInBothLanguages("edit a letter's wording");
        pages.open(pages.path() + "?lang=cy");
        assertThat(pages.browser.findElement(By.id("body")).getAttribute("value")).as("starts from the shipped wording").contains("{name}");

        pages.type("body", "Annwyl {name},\n\nOs na wnewch chi hyn, bydd cosb.\n\nDiolch, {council}");
        pages.submit();
        assertThat(pages.errors()).singleElement().asString().contains("Gall \"cosb\" ddarllen fel bygythiad");
        pages.assertAccessible("wording refused");
        pages.type("body", "Annwyl {name},\n\nMae'n bryd siarad am eich cymorth. Ffoniwch ni ar {ffon}.\n\nDiolch, {council}");
        pages.submit();
        assertThat(pages.errors()).singleElement().asString().contains("Nid yw {ffon} yn rhywbeth y gallwn ei lenwi");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM letter_template t JOIN council c ON c.id = t.council_id
                        WHERE c.code = 'demo-wales' AND t.kind = 'REVIEW_DUE'""").query(Long.class).single())
                .as("nothing saved while it has problems").isZero();

        pages.type("body", "Annwyl {name},\n\nMae'n bryd siarad am eich cymorth. Ffoniwch ni ar {phone}. Diolch.\n\n{council}");
        pages.submit();
        assertThat(pages.path()).isEqualTo("/letter-templates");
        assertThat(pages.main()).contains("Mae eich geiriad wedi'i gadw", "Eich cyngor chi");
        pages.assertAccessible("wording saved");
        pages.click(pages.browser.findElement(By.id("edit-REVIEW_DUE-cy")));
        assertThat(pages.browser.findElement(By.id("body")).getAttribute("value")).contains("Mae'n bryd siarad");
        pages.click(pages.browser.findElement(By.id("use-shipped")));
        assertThat(pages.browser.findElement(By.id("body")).getAttribute("value")).doesNotContain("Mae'n bryd siarad");

        pages.signIn("practitioner@demo-wales");
        pages.open("/letter-templates?lang=en");
        assertThat(pages.h1()).doesNotContain("letters are worded");
        assertThat(pages.browser.findElements(By.linkText("Letter wording"))).isEmpty();
    }

    String status(long letter) {
        return jdbc.sql("SELECT status FROM letter WHERE id = :id").param("id", letter).query(String.class).single();
    }

    void sendUntil(long letter, String status) throws InterruptedException {
        deliveries.sendDue(java.time.Clock.systemUTC());
        for (int i = 0; i < 200 && !status.equals(status(letter)); i++) {
            Thread.sleep(100);
        }
        assertThat(status(letter)).isEqualTo(status);
    }

    @Test
    void theDpTeamSeesALetterThatWasNotSentWithWhyAndSendsItAgain() throws Exception {
        try (FakeNotify notify = new FakeNotify(400)) {
            gateway.use(notify.account());
            org.dphub.support.Http http = new org.dphub.support.Http(port);
            long citizen = org.dphub.support.MoneyApi.ok(http.postJsonAs("practitioner@demo-wales", org.dphub.support.Http.DEMO_PASSWORD,
                    "/api/v1/citizens", """
                    {"givenName": "Elin", "familyName": "Hughes", "dateOfBirth": "1958-08-08", "postcode": "CH7 1XY",
                     "preferredLanguage": "cy", "contactPreference": "EMAIL", "email": "elin.hughes@example"}"""), 201).get("id").asLong();
            long letter = org.dphub.support.MoneyApi.ok(http.postJsonAs("dp-team@demo-wales", org.dphub.support.Http.DEMO_PASSWORD,
                    "/api/v1/citizens/" + citizen + "/letters", "{\"kind\": \"QUESTION\", \"values\": {\"question\": \"Beth oedd y taliad?\"}}"),
                    201).get("id").asLong();
            sendUntil(letter, "FAILED");

            pages.signIn("dp-team@demo-wales");
            pages.open("/home?lang=cy");
            pages.clickLink("Llythyrau");
            assertThat(pages.main()).contains("Heb ei anfon: Ni all GOV.UK Notify anfon i'r cyfeiriad neu'r rhif hwn");
            pages.assertAccessibleInBothLanguages("letters");
            pages.open("/outbox?lang=cy");
            pages.browser.findElement(By.id("show-2")).click();
            pages.click(pages.browser.findElement(By.id("show-letters")));
            assertThat(pages.browser.getCurrentUrl()).contains("show=not-sent");
            assertThat(pages.browser.findElements(By.id("letter-" + letter))).hasSize(1);
            assertThat(pages.main()).doesNotContain("Wedi'i gadw yn y blwch allan, heb ei anfon");
            pages.assertAccessible("letters not sent");

            pages.click(pages.browser.findElement(By.id("letter-" + letter)));
            assertThat(pages.main()).contains("Heb ei anfon: Ni all GOV.UK Notify", "email_address Not a valid email address",
                    "Rydym wedi rhoi'r gorau i geisio", "Anfon eto");
            pages.assertAccessibleInBothLanguages("a letter not sent");
            pages.open(pages.path() + "?lang=cy");
            pages.click(pages.browser.findElement(By.id("send-again")));
            assertThat(pages.main()).contains("Byddwn yn anfon y llythyr eto nawr");
            pages.assertAccessible("sent again");

            sendUntil(letter, "SENT");
            pages.open("/outbox/" + letter + "?lang=cy");
            assertThat(pages.main()).contains("Anfonwyd ar", "Cynnig 1", "Ei gyfeirnod yn GOV.UK Notify");
            pages.assertAccessibleInBothLanguages("a letter sent");
            assertThat(notify.sends("dphub-letter-" + letter)).extracting(FakeNotify.Request::answered).containsExactly(400, 201);
        } finally {
            gateway.useConfigured();
        }
    }
}
