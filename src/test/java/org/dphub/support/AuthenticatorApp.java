package org.dphub.support;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.dphub.identity.Base32;
import org.dphub.identity.Totp;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * The test suite's stand-in for a finance officer's or administrator's authentication app: it
 * makes the one-time code (with the application's own {@link Totp}) that a person would read off
 * their phone. The demo accounts have the README's demo secret; an account a test makes is set
 * up on the set-up page, whose key the app remembers from the page as a person types it in.
 *
 * <p>A code signs in once (the server refuses a code of a time step it has accepted, or an
 * earlier one), so the app remembers the last step it gave per person and gives the next one; the
 * server accepts a step behind and a step ahead for a phone's clock, so three sign-ins of one
 * person in one 30-second step need no wait, a fourth waits for the next step. The step behind is
 * given only with 10 seconds of the current step to spare, so that a code that reaches a busy server
 * late is still in its window. Each step's time,
 * and the time waited, are printed as the tests go.
 */
public final class AuthenticatorApp {

    public static final String CODE_PAGE = "/sign-in/code";
    public static final String SET_UP_PAGE = "/sign-in/set-up-code";
    /** The demo finance officers' and administrators' secret, as the README gives it. */
    public static final String DEMO_SECRET = "DEMODEMODEMODEMODEMODEMODEMODEMO";

    private static final Map<String, byte[]> SECRETS = new HashMap<>();
    private static final Map<String, Long> LAST_STEP = new HashMap<>();
    private static final AtomicLong WAITED_MILLIS = new AtomicLong();
    private static final AtomicLong STEPS = new AtomicLong();
    private static final AtomicLong STEP_MILLIS = new AtomicLong();

    private AuthenticatorApp() {
    }

    /** Adds a person's key as typed from the set-up page (groups of 4, spaces and all). */
    public static synchronized void add(String username, String key) {
        SECRETS.put(username.toLowerCase(java.util.Locale.ROOT), Base32.decode(key));
        LAST_STEP.remove(username.toLowerCase(java.util.Locale.ROOT));
    }

    /** Whether a code for this person can be made: a demo finance officer or administrator, or someone added. */
    public static synchronized boolean knows(String username) {
        return SECRETS.containsKey(username.toLowerCase(java.util.Locale.ROOT)) || isDemo(username);
    }

    /** A code the server has not seen yet for this person, waiting for the next time step if both it and the one after are used. */
    public static synchronized String code(String username) {
        String who = username.toLowerCase(java.util.Locale.ROOT);
        byte[] secret = SECRETS.get(who);
        if (secret == null) {
            if (!isDemo(who)) {
                throw new IllegalStateException("No authentication app set up for " + username);
            }
            secret = Base32.decode(DEMO_SECRET);
        }
        Instant at = Instant.now();
        long now = Totp.step(at);
        // the server takes the step before and after now too: start at the one before, so three sign-ins
        // in one half-minute need no wait. The step before is good only until the current step ends: on a
        // busy machine the code may reach the server seconds later, so it is used only with 10 s to spare.
        long secondsLeftInStep = (now + 1) * Totp.STEP_SECONDS - at.getEpochSecond();
        long earliest = secondsLeftInStep >= 10 ? now - Totp.DRIFT_STEPS : now;
        long step = Math.max(earliest, LAST_STEP.getOrDefault(who, Long.MIN_VALUE) + 1);
        if (step > now + Totp.DRIFT_STEPS) {
            // both this step and the next are used: wait until the next step begins, when step is within the window
            long start = System.currentTimeMillis();
            long until = (step - Totp.DRIFT_STEPS) * Totp.STEP_SECONDS * 1000L;
            while (System.currentTimeMillis() < until + 50) {
                try {
                    Thread.sleep(Math.max(10, until + 50 - System.currentTimeMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            long waited = System.currentTimeMillis() - start;
            System.out.println("AuthenticatorApp: waited " + waited + " ms for a fresh one-time code for " + username
                    + " (" + WAITED_MILLIS.addAndGet(waited) + " ms in all)");
        }
        LAST_STEP.put(who, step);
        return Totp.code(secret, step);
    }


    /**
     * At a browser, after a right password: gives the code on the code page, or sets up the app on
     * the set-up page (reading its key, giving a code and continuing past the recovery codes). Does
     * nothing on any other page.
     */
    public static void finishSignIn(WebDriver browser, String username) {
        long start = System.currentTimeMillis();
        String path = java.net.URI.create(browser.getCurrentUrl()).getPath();
        if (SET_UP_PAGE.equals(path)) {
            add(username, browser.findElement(By.id("secret")).getText());
            browser.findElement(By.id("code")).sendKeys(code(username));
            Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
            Chromium.clickAndWait(browser, browser.findElement(By.id("continue")));
        } else if (CODE_PAGE.equals(path)) {
            browser.findElement(By.id("code")).sendKeys(code(username));
            Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("main form button[type=submit]")));
        } else {
            return;
        }
        took(System.currentTimeMillis() - start);
    }

    /** Counts a sign-in's one-time code step and its time, for the total printed when the tests end. */
    static void took(long millis) {
        // what one-time codes add to a test run: the second step of each sign-in, waits included
        System.out.println("AuthenticatorApp: a one-time code step took " + millis + " ms; " + STEPS.incrementAndGet()
                + " sign-ins so far, " + STEP_MILLIS.addAndGet(millis) + " ms in all, " + WAITED_MILLIS.get() + " ms of it waiting");
    }

    private static boolean isDemo(String username) {
        String who = username.toLowerCase(java.util.Locale.ROOT);
        return who.matches("(finance|finance2|admin)@demo-(england|wales)");
    }
}
