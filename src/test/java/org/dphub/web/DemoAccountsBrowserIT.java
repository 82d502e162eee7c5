package org.dphub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dphub.support.Chromium;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

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
    @Autowired
    JdbcClient jdbc;

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

    /** The page is no wider than the screen: nothing makes a 320 px phone scroll sideways. */
    void assertFitsTheScreen(String what) {
        Object widths = ((JavascriptExecutor) browser).executeScript(
                "return [document.documentElement.scrollWidth, window.innerWidth]");
        List<?> both = (List<?>) widths;
        long scrollWidth = ((Number) both.get(0)).longValue();
        long innerWidth = ((Number) both.get(1)).longValue();
        assertThat(innerWidth).as(what + ": the screen is a small phone's").isEqualTo(320);
        assertThat(scrollWidth).as(what + " at " + browser.getCurrentUrl() + " scrolls sideways").isLessThanOrEqualTo(innerWidth);
    }

    @Test
    void theAuditTrailReadsAsSentencesAndFitsAPhoneInEnglishAndWelsh() {
        signIn("admin@demo-england");
        ChromiumDriver chromium = (ChromiumDriver) browser;
        chromium.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 320, "height", 800, "deviceScaleFactor", 1, "mobile", true));
        try {
            // from a person's page, "See changes to this person's records" opens the trail filtered to them
            open("/citizens?lang=en");
            clickAndWait(browser.findElements(By.cssSelector("main a[href^='/citizens/']")).get(0));
            String name = browser.findElement(By.tagName("h1")).getText();
            clickAndWait(browser.findElement(By.id("audit-trail-link")));
            assertThat(browser.findElement(By.id("audit-person")).getText()).contains(name);
            List<WebElement> sentences = browser.findElements(By.cssSelector(".dphub-audit-sentence"));
            assertThat(sentences).isNotEmpty();
            assertThat(sentences).allSatisfy(s -> assertThat(s.getText()).contains(name).doesNotContain("_"));
            assertFitsTheScreen("the trail for one person");
            assertAccessible("the audit trail for one person");

            // the recorded change is there for the administrator, and still fits when opened
            WebElement details = browser.findElement(By.cssSelector(".dphub-audit-details summary"));
            details.click();
            assertThat(browser.findElement(By.cssSelector(".dphub-audit-details .dphub-audit-change")).isDisplayed()).isTrue();
            assertFitsTheScreen("the trail with a recorded change shown");

            // every change, with the filter form and pages of 25
            open("/council/audit-trail?lang=en");
            assertThat(browser.findElements(By.cssSelector(".dphub-audit-event"))).hasSize(25);
            assertThat(browser.findElements(By.cssSelector(".govuk-pagination__next"))).isNotEmpty();
            assertFitsTheScreen("the whole trail");
            assertAccessible("the whole audit trail");
            new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("kind"))).selectByVisibleText("Direct payments");
            clickAndWait(browser.findElement(By.cssSelector("#audit-filters button[type=submit]")));
            assertThat(browser.findElements(By.cssSelector(".dphub-audit-event"))).isNotEmpty()
                    .allSatisfy(e -> assertThat(e.getText()).contains("Direct payments"));
            assertFitsTheScreen("the trail filtered by kind");

            // a date that cannot be: the error summary links to it, and no changes are listed
            browser.findElement(By.id("from-day")).sendKeys("31");
            browser.findElement(By.id("from-month")).sendKeys("2");
            browser.findElement(By.id("from-year")).sendKeys("2026");
            clickAndWait(browser.findElement(By.cssSelector("#audit-filters button[type=submit]")));
            assertThat(browser.getTitle()).startsWith("Error:");
            assertThat(browser.findElements(By.cssSelector(".govuk-error-summary__list a")).get(0).getAttribute("href")).endsWith("#from");
            assertThat(browser.findElements(By.cssSelector(".dphub-audit-event"))).isEmpty();
            assertFitsTheScreen("the trail with an error");
            assertAccessible("the audit trail with an error");

            // in Welsh, every word is Welsh and it still fits
            open("/council/audit-trail?lang=cy");
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Trywydd archwilio");
            assertThat(browser.findElement(By.id("audit-filters")).getText()).contains("Pwy wnaeth y newid").doesNotContain("Who made");
            assertThat(browser.findElements(By.cssSelector(".dphub-audit-sentence"))).isNotEmpty()
                    .allSatisfy(s -> assertThat(s.getText()).contains(" gan ").doesNotContain(" added ").doesNotContain(" changed "));
            assertFitsTheScreen("the trail in Welsh");
            assertAccessible("the audit trail in Welsh");
            open("/council/audit-trail?lang=en");
        } finally {
            chromium.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
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
    void aFormLeftOpenTooLongAndATooBigFileGetFriendlyAccessiblePagesInBothLanguages() throws Exception {
        for (String lang : List.of("en", "cy")) {
            // the sign-in page left open until its session ended
            browser.manage().deleteAllCookies();
            open("/sign-in?lang=" + lang);
            browser.manage().deleteCookieNamed("SESSION");
            browser.findElement(By.id("username")).sendKeys("finance@demo-england");
            browser.findElement(By.id("password")).sendKeys(Http.DEMO_PASSWORD);
            clickAndWait(browser.findElement(By.cssSelector("main form button[type=submit]")));
            assertThat(browser.getTitle()).startsWith("en".equals(lang) ? "The page was open for too long"
                    : "Roedd y dudalen ar agor am ormod o amser");
            assertAccessible("the page that was open too long, in " + lang);
            clickAndWait(browser.findElement(By.cssSelector("main a[href='/sign-in']")));
            assertThat(browser.getCurrentUrl()).contains("/sign-in");
        }

        // a statement bigger than the 20 MB limit: the browser gets the page, not a reset connection
        java.nio.file.Path big = java.nio.file.Files.createTempFile("statement-", ".csv");
        try (java.io.RandomAccessFile file = new java.io.RandomAccessFile(big.toFile(), "rw")) {
            file.setLength(25L * 1024 * 1024);
        }
        try {
            signIn("finance@demo-england");
            long account = jdbc.sql("""
                    SELECT a.id FROM dp_account a JOIN council k ON k.id = a.council_id
                    WHERE k.code = 'demo-england' ORDER BY a.id LIMIT 1""").query(Long.class).single();
            for (String lang : List.of("en", "cy")) {
                open("/accounts/" + account + "/statements/new?lang=" + lang);
                browser.findElement(By.id("file")).sendKeys(big.toString());
                clickAndWait(browser.findElement(By.cssSelector("main form button[type=submit]")));
                assertThat(browser.getTitle()).startsWith("en".equals(lang) ? "The file is too big" : "Mae'r ffeil yn rhy fawr");
                assertThat(browser.findElement(By.tagName("main")).getText())
                        .contains("en".equals(lang) ? "The file must be smaller than 20 MB." : "Rhaid i'r ffeil fod yn llai na 20 MB.");
                assertAccessible("the file is too big, in " + lang);
            }
        } finally {
            java.nio.file.Files.deleteIfExists(big);
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
