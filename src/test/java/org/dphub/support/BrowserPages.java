package org.dphub.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/** A person at a browser: the few things they do on GOV.UK pages, with axe-core checks along the way. */
public final class BrowserPages {

    public final WebDriver browser;
    private final int port;

    public BrowserPages(WebDriver browser, int port) {
        this.browser = browser;
        this.port = port;
    }

    public void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    public String path() {
        return java.net.URI.create(browser.getCurrentUrl()).getPath();
    }

    public String h1() {
        return browser.findElement(By.tagName("h1")).getText();
    }

    public String main() {
        return browser.findElement(By.tagName("main")).getText();
    }

    public String language() {
        return browser.findElement(By.tagName("html")).getAttribute("lang");
    }

    /** The heading and any error summary, to say what went wrong when a step lands somewhere else. */
    public String whatThePageSays() {
        List<WebElement> summary = browser.findElements(By.cssSelector(".govuk-error-summary"));
        return browser.getCurrentUrl() + ": " + browser.findElements(By.tagName("h1")).stream().map(WebElement::getText).findFirst().orElse("")
                + (summary.isEmpty() ? "" : " / " + summary.get(0).getText());
    }

    public void signIn(String username) {
        browser.manage().deleteAllCookies();
        open("/sign-in?lang=en");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(Http.DEMO_PASSWORD);
        click(browser.findElement(By.cssSelector("main form button[type=submit]")));
        AuthenticatorApp.finishSignIn(browser, username);
        assertThat(path()).as(whatThePageSays()).isEqualTo("/home");
    }

    public void click(WebElement element) {
        Chromium.clickAndWait(browser, element);
    }

    public void clickLink(String text) {
        click(browser.findElement(By.linkText(text)));
    }

    public void submit() {
        click(browser.findElement(By.cssSelector("main form button[type=submit]")));
    }

    public void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    public void date(String id, LocalDate date) {
        type(id + "-day", Integer.toString(date.getDayOfMonth()));
        type(id + "-month", Integer.toString(date.getMonthValue()));
        type(id + "-year", Integer.toString(date.getYear()));
    }

    /** The error summary's messages, in order. */
    public List<String> errors() {
        return browser.findElements(By.cssSelector(".govuk-error-summary__list a")).stream().map(WebElement::getText).toList();
    }

    /**
     * The page now showing on a phone 320 pixels wide: nothing makes the whole page scroll
     * sideways. For pages the site crawl (DemoAccountsBrowserIT) cannot reach by a link.
     */
    public void assertFitsAPhone(String what) {
        Chromium.phoneScreen(browser, 320);
        try {
            assertThat(Chromium.sidewaysScroll(browser)).as(what + " on a phone").isNull();
        } finally {
            Chromium.windowScreen(browser);
        }
    }

    public void assertAccessible(String what) {
        Chromium.assertAccessible(browser, what);
    }

    /** axe-core on the page in English and in Welsh (by its language link), ending back in English. */
    public void assertAccessibleInBothLanguages(String what) {
        assertAccessible(what + " (" + language() + ")");
        String other = "cy".equals(language()) ? "en" : "cy";
        click(browser.findElement(By.cssSelector("a[hreflang=" + other + "]")));
        assertThat(language()).isEqualTo(other);
        assertThat(browser.getTitle()).as(what + " in " + other).doesNotContain("Error").doesNotContain("Gwall");
        assertAccessible(what + " (" + other + ")");
        click(browser.findElement(By.cssSelector("a[hreflang=" + ("cy".equals(other) ? "en" : "cy") + "]")));
    }
}
