package org.dphub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.dphub.support.Chromium;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Signs in as every demo account in Chromium, visits every page its menu offers (in English and
 * Welsh), and checks each page with axe-core for WCAG 2.2 A and AA: zero violations allowed.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoAccountsBrowserIT {

    static final List<String> ROLES = List.of("citizen", "representative", "pa", "provider", "practitioner",
            "budget-holder", "dp-team", "finance", "finance2", "admin");

    @LocalServerPort
    int port;

    WebDriver browser;
    final Set<String> checkedPages = new LinkedHashSet<>();

    @BeforeAll
    void startChromium() {
        browser = Chromium.start();
    }

    @AfterAll
    void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void open(String path) {
        browser.get(url(path));
    }

    /** axe-core on the page now showing: WCAG 2.2 A and AA, nothing may fail. */
    void assertAccessible(String what) {
        Chromium.assertAccessible(browser, what);
        checkedPages.add(browser.getCurrentUrl().replace(url(""), ""));
    }

    void clickAndWait(WebElement element) {
        Chromium.clickAndWait(browser, element);
    }

    void signIn(String username) {
        browser.manage().deleteAllCookies();
        open("/sign-in?lang=en");
        assertAccessible("sign-in page");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(Http.DEMO_PASSWORD);
        clickAndWait(browser.findElement(By.cssSelector("main form button[type=submit]")));
    }

    @Test
    void everyDemoAccountSignsInAndEveryPageItCanReachIsAccessibleInEnglishAndWelsh() {
        for (String council : List.of("demo-england", "demo-wales")) {
            for (String role : ROLES) {
                String username = role + "@" + council;
                signIn(username);
                assertThat(browser.getCurrentUrl()).as(username + " lands on home").endsWith("/home");
                assertThat(browser.findElement(By.tagName("h1")).getText()).as(username).matches("(Hello|Helo), .+");
                // Welsh readers who chose Welsh see it straight away; switch to English for the first pass
                if ("cy".equals(browser.findElement(By.tagName("html")).getAttribute("lang"))) {
                    assertThat(username).isEqualTo("citizen@demo-wales");
                    clickAndWait(browser.findElement(By.cssSelector("a[hreflang=en]")));
                }
                assertAccessible(username + " home");
                assertThat(browser.findElement(By.id("home-council")).getText()).as(username + ": the council by its name, never its code")
                        .startsWith("Demo ").endsWith(" County Council");

                List<String> menu = browser.findElements(By.cssSelector("#navigation a")).stream()
                        .map(a -> a.getAttribute("href")).toList();
                assertThat(menu).as(username + " menu").isNotEmpty();
                for (String page : menu) {
                    browser.get(page);
                    assertThat(browser.getTitle()).as(page).doesNotContain("Error").doesNotContain("not found");
                    assertAccessible(username + " " + page);
                    List<WebElement> people = browser.findElements(By.cssSelector("main a[href^='/citizens/']"));
                    if (!people.isEmpty()) {
                        clickAndWait(people.get(0));
                        assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
                        assertAccessible(username + " person page");
                        browser.get(page);
                    }
                    clickAndWait(browser.findElement(By.cssSelector("a[hreflang=cy]")));
                    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("cy");
                    assertAccessible(username + " " + page + " in Welsh");
                    clickAndWait(browser.findElement(By.cssSelector("a[hreflang=en]")));
                    assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
                }

                clickAndWait(browser.findElement(By.cssSelector("form.dphub-sign-out button")));
                assertThat(browser.getPageSource()).contains("You have signed out");
                assertAccessible(username + " signed out");
                open("/home");
                assertThat(browser.getCurrentUrl()).as("signed out for real").contains("/sign-in");
            }
        }
        assertThat(checkedPages).contains("/home", "/citizens", "/my-people", "/pa/profile", "/council/settings",
                "/council/audit-trail");
    }

    @Test
    void publicAndErrorPagesAreAccessibleInBothLanguages() {
        browser.manage().deleteAllCookies();
        for (String lang : List.of("en", "cy")) {
            for (String page : List.of("/", "/sign-in", "/accessibility", "/cookies", "/data-attribution",
                    "/sign-in?error", "/no-such-page")) {
                open(page + (page.contains("?") ? "&" : "?") + "lang=" + lang);
                assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo(lang);
                assertAccessible(page + " in " + lang);
            }
        }
    }

    @Test
    void aFormWithErrorsIsAccessibleAndTheSummaryLinksToTheFields() {
        signIn("admin@demo-england");
        open("/council/settings/edit?lang=en");
        assertAccessible("settings form");
        WebElement limit = browser.findElement(By.id("selfApprovalLimit"));
        limit.clear();
        limit.sendKeys("-5");
        WebElement firstReview = browser.findElement(By.id("firstReviewMonths"));
        firstReview.clear();
        firstReview.sendKeys("7");
        clickAndWait(browser.findElement(By.cssSelector("main form button[type=submit]")));
        assertThat(browser.getTitle()).startsWith("Error:");
        List<String> links = new ArrayList<>();
        browser.findElements(By.cssSelector(".govuk-error-summary__list a")).forEach(a -> links.add(a.getAttribute("href")));
        assertThat(links).anyMatch(l -> l.endsWith("#selfApprovalLimit")).anyMatch(l -> l.endsWith("#firstReviewMonths"));
        assertAccessible("settings form with errors");
        open("/council/settings/edit?lang=cy");
        assertAccessible("settings form in Welsh");
        open("/no-such-page?lang=en");
        assertThat(browser.getTitle()).startsWith("Page not found");
        assertAccessible("the 404 page");
        open("/no-such-page?lang=cy");
        assertAccessible("the 404 page in Welsh");
    }
}
