package org.dphub.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium for browser tests (installed by bin/test), and the two things every
 * browser test does: wait for the next page, and check a page with axe-core.
 */
public final class Chromium {

    /** WCAG 2.2 levels A and AA, as axe-core tags them. */
    public static final List<String> WCAG_22_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa");

    /** axe-core's own script (axe-core 4.11), for a page that cannot load it from {@link AxeScript#PATH}. */
    private static final String AXE = new String(AxeScript.SCRIPT, java.nio.charset.StandardCharsets.UTF_8);

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
            browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60)); // axe-core on a long page on a busy machine
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
        // axe-core as the selenium library bundles it, run in the page itself (our pages have no frames) and only
        // what the assertion reads sent back: half the time of the library's own AxeBuilder, which also sends back
        // every node that passed and checks for frames. The page loads axe's script from its own origin (AxeScript),
        // so Chromium keeps it compiled between pages; a page of another origin is sent the script instead.
        JavascriptExecutor page = (JavascriptExecutor) browser;
        Map<String, Object> results = runAxe(page);
        if (Boolean.TRUE.equals(results.get("noScript"))) {
            page.executeScript(AXE);
            results = runAxe(page);
        }
        assertThat(results.get("error")).as("axe ran on " + what).isNull();
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>) results.get("violations");
        assertThat(violations).as(what + " " + browser.getCurrentUrl() + "\n" + String.join("\n", violations)).isEmpty();
        assertThat(((Number) results.get("passes")).intValue()).as("axe ran its checks on " + what).isPositive();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> runAxe(JavascriptExecutor page) {
        return (Map<String, Object>) page.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const run = () => axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
                  .then(r => done({passes: r.passes.length, violations: r.violations.map(v => v.id + ' (' + v.impact + '): '
                      + v.help + ' at ' + v.nodes.map(n => n.target.join(' ')).join(', ')
                      + v.nodes.map(n => '\\n  ' + n.failureSummary).join(''))}))
                  .catch(e => done({error: String(e)}));
                if (window.axe) {
                  run();
                } else {
                  const script = document.createElement('script');
                  script.src = arguments[1];
                  script.onload = () => { script.remove(); run(); };
                  script.onerror = () => { script.remove(); done({noScript: true}); };
                  document.head.appendChild(script);
                }
                """, WCAG_22_A_AA, AxeScript.PATH);
    }

    /**
     * Makes the page area a phone's screen, {@code width} CSS pixels wide, for every page from now
     * on (Chromium's own window cannot be narrower than 500 pixels, so this emulates the device).
     */
    public static void phoneScreen(WebDriver browser, int width) {
        ((ChromiumDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 800, "deviceScaleFactor", 1, "mobile", true));
    }

    /** Back to the window's own size (1280 pixels wide) after {@link #phoneScreen}. */
    public static void windowScreen(WebDriver browser) {
        ((ChromiumDriver) browser).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /**
     * What makes the page now showing wider than the window, so that the whole page scrolls
     * sideways ("516px wide: table.govuk-table to 516px"), or null when it fits. Something wide
     * inside its own scrolling region (a table in dphub-table-scroll) fits.
     */
    public static String sidewaysScroll(WebDriver browser) {
        return (String) ((JavascriptExecutor) browser).executeScript("""
                const width = document.documentElement.clientWidth;
                if (document.documentElement.scrollWidth <= width) {
                  return null;
                }
                const sticksOut = e => e.getBoundingClientRect().right > width + 1;
                const wide = [];
                for (const e of document.body.querySelectorAll('*')) {
                  if (sticksOut(e) && !(e.parentElement && sticksOut(e.parentElement)) && !e.closest('.dphub-table-scroll')) {
                    const classes = typeof e.className === 'string' && e.className.trim() ? '.' + e.className.trim().split(/\\s+/).join('.') : '';
                    wide.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + classes + ' to '
                        + Math.round(e.getBoundingClientRect().right) + 'px "' + (e.innerText || '').trim().slice(0, 40) + '"');
                  }
                }
                return document.documentElement.scrollWidth + 'px wide, the window ' + width + 'px: ' + wide.slice(0, 5).join('; ');
                """);
    }
}
