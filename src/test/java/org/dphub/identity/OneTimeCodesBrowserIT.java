package org.dphub.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.dphub.shared.Role;
import org.dphub.support.AuthenticatorApp;
import org.dphub.support.BrowserPages;
import org.dphub.support.Chromium;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One-time codes in Chromium, without JavaScript doing anything needed: a Welsh-speaking finance
 * officer signs in for the first time, sets up their app from the QR code page (the key typed
 * in), keeps their recovery codes, signs in again with a code, and once with a recovery code;
 * their administrator resets their codes. axe-core on every page, in English and Welsh.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneTimeCodesBrowserIT {

    static final String PASSWORD = "harp mountain slate 9";

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
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

    void signInWithPassword(String username) {
        pages.browser.manage().deleteAllCookies();
        pages.open("/sign-in");
        pages.type("username", username);
        pages.type("password", PASSWORD);
        pages.submit();
    }

    @Test
    void aWelshSpeakingFinanceOfficerSetsUpTheirAppAndSignsInWithCodes() {
        String username = "codes-" + UUID.randomUUID().toString().substring(0, 8) + "@demo-wales.example";
        long council = jdbc.sql("SELECT id FROM council WHERE code = 'demo-wales'").query(Long.class).single();
        accounts.create(new NewUserAccount(username, PASSWORD, "Rhian Cyllid", council, Set.of(Role.FINANCE), "cy"));

        // first sign-in: the set-up page, in the language they chose
        signInWithPassword(username);
        assertThat(pages.path()).as(pages.whatThePageSays()).isEqualTo("/sign-in/set-up-code");
        assertThat(pages.language()).isEqualTo("cy");
        assertThat(pages.h1()).isEqualTo("Gosod eich ap dilysu");
        WebElement qr = pages.browser.findElement(By.cssSelector(".dphub-qr-code-box svg"));
        assertThat(qr.getAttribute("role")).isEqualTo("img");
        assertThat(pages.browser.findElement(By.id("qr-code-title")).getAttribute("textContent")).startsWith("Cod QR");
        WebElement code = pages.browser.findElement(By.id("code"));
        assertThat(code.getAttribute("autocomplete")).isEqualTo("one-time-code");
        assertThat(code.getAttribute("inputmode")).isEqualTo("numeric");
        pages.assertAccessibleInBothLanguages("the set-up page");
        pages.assertFitsAPhone("the set-up page");
        // a page elsewhere waits for the code
        pages.open("/home");
        assertThat(pages.path()).isEqualTo("/sign-in/set-up-code");

        // a wrong code first: the error summary links to the field
        pages.type("code", "12ab56");
        pages.submit();
        assertThat(pages.errors()).containsExactly("Rhaid i’r cod fod yn 6 rhif, fel 123456");
        assertThat(pages.browser.findElement(By.cssSelector(".govuk-error-summary__list a")).getAttribute("href")).endsWith("#code");
        pages.assertAccessible("the set-up page with an error (cy)");

        // the key typed in, as for someone who cannot scan; the code from the app
        AuthenticatorApp.add(username, pages.browser.findElement(By.id("secret")).getText());
        pages.type("code", AuthenticatorApp.code(username));
        pages.submit();
        assertThat(pages.h1()).as(pages.whatThePageSays()).isEqualTo("Eich codau adfer");
        List<String> recovery = pages.browser.findElements(By.cssSelector("#recovery-codes code")).stream().map(WebElement::getText).toList();
        assertThat(recovery).hasSize(10);
        pages.assertAccessible("the recovery codes (cy)");
        pages.click(pages.browser.findElement(By.id("continue")));
        assertThat(pages.path()).isEqualTo("/home");

        // the next sign-in: the code page
        signInWithPassword(username);
        assertThat(pages.path()).isEqualTo("/sign-in/code");
        assertThat(pages.h1()).isEqualTo("Rhowch y cod o’ch ap dilysu");
        pages.assertAccessibleInBothLanguages("the code page");
        pages.open("/sign-in/code?lang=en");
        // (a one-in-a-million chance that this is the code of a step in the window)
        pages.type("code", "000000");
        pages.submit();
        assertThat(pages.errors()).singleElement().asString().startsWith("The code is not right");
        pages.assertAccessible("the code page with an error (en)");
        pages.type("code", AuthenticatorApp.code(username));
        pages.submit();
        assertThat(pages.path()).as(pages.whatThePageSays()).isEqualTo("/home");

        // and once with a recovery code
        signInWithPassword(username);
        pages.open("/sign-in/code?lang=en");
        pages.clickLink("Use a recovery code instead");
        assertThat(pages.path()).isEqualTo("/sign-in/recovery-code");
        pages.assertAccessibleInBothLanguages("the recovery code page");
        pages.type("recoveryCode", recovery.get(0));
        pages.submit();
        assertThat(pages.h1()).as(pages.whatThePageSays()).isEqualTo("You signed in with a recovery code");
        assertThat(pages.browser.findElement(By.id("recovery-codes-left")).getText()).isEqualTo("Recovery codes left: 9");
        pages.assertAccessible("a recovery code used (en)");
        pages.click(pages.browser.findElement(By.id("continue")));
        assertThat(pages.path()).isEqualTo("/home");

        // their administrator resets their codes
        pages.signIn("admin@demo-wales");
        pages.clickLink("One-time codes for signing in");
        assertThat(pages.path()).isEqualTo("/council/one-time-codes");
        pages.assertAccessibleInBothLanguages("the staff's one-time codes");
        pages.assertFitsAPhone("the staff's one-time codes");
        long userId = jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", username).query(Long.class).single();
        pages.click(pages.browser.findElement(By.id("reset-" + userId)));
        assertThat(pages.h1()).isEqualTo("Reset the one-time codes of Rhian Cyllid?");
        pages.assertAccessibleInBothLanguages("resetting someone's one-time codes");
        pages.submit();
        assertThat(pages.main()).contains("You reset the one-time codes of Rhian Cyllid");
        pages.assertAccessible("the codes reset (en)");

        signInWithPassword(username);
        assertThat(pages.path()).as("set up again").isEqualTo("/sign-in/set-up-code");
    }
}
