package org.dphub.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium for browser tests (installed by bin/test), and the two things every
 * browser test does: wait for the next page, and check a page with axe-core.
 */
public final class Chromium {

    /** WCAG 2.2 levels A and AA, as axe-core tags them. */
    public static final List<String> WCAG_22_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");

    private Chromium() {
    }

    /** Starts Chromium with a fresh profile and the flags this machine needs (no network but loopback). */
    public static WebDriver start() {
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1280,1024",
                    "--user-data-dir=" + Files.createTempDirectory("dphub-chromium-"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                    .usingAnyFreePort()
                    .build();
            WebDriver browser = new ChromeDriver(service, options);
            browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return browser;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Clicks something that loads a new page, and waits until the new page has replaced the old one. */
    public static void clickAndWait(WebDriver browser, WebElement element) {
        // mark the old page; the new page has no mark (a stale-element check can race in Chromium)
        ((JavascriptExecutor) browser).executeScript("window.dphubOldPage = true");
        element.click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).ignoring(WebDriverException.class)
                .until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                        "return window.dphubOldPage === undefined && document.readyState === 'complete'")));
    }

    /** axe-core on the page now showing: WCAG 2.2 A and AA, nothing may fail, and axe must have run. */
    public static void assertAccessible(WebDriver browser, String what) {
        Results results = new AxeBuilder().withTags(WCAG_22_A_AA).analyze(browser);
        List<Rule> violations = results.getViolations();
        String report = violations.stream()
                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                        + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
        assertThat(violations).as(what + " " + browser.getCurrentUrl() + "\n" + report).isEmpty();
        assertThat(results.getPasses()).as("axe ran its checks on " + what).isNotEmpty();
    }
}
