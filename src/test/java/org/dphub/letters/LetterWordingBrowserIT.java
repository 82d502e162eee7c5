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
 * A council's own letter wording in Chromium: the Welsh council's administrator changes the Welsh
 * review letter; a threatening word and a placeholder we cannot fill are refused with what to
 * change, in Welsh; the good wording is saved and used. Other staff cannot open the page. axe-core
 * on every page, both languages.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LetterWordingBrowserIT {

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
}
