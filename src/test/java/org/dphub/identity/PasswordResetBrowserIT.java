package org.dphub.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import org.dphub.letters.FakeNotify;
import org.dphub.letters.internal.NotifyGateway;
import org.dphub.shared.Role;
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

/**
 * "Forgotten your password?" in Chromium, as a PA with no council meets it: the link on the sign-in
 * page (shown with the error for a temporary password too old, as the page points there), the address (a mistake first), "check your email", the link from the email (GOV.UK Notify's
 * real client, a fake Notify server), a new password (a mistake first), signing in with it, and the
 * spent link. axe-core on every page, in English and Welsh. The rules are in {@code PasswordResetIT}.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasswordResetBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    NotifyGateway gateway;

    BrowserPages pages;
    FakeNotify notify;

    @BeforeAll
    void start() throws Exception {
        notify = new FakeNotify();
        gateway.use(notify.account());
        pages = new BrowserPages(Chromium.start(), port);
    }

    @AfterAll
    void stop() {
        gateway.useConfigured();
        if (notify != null) {
            notify.close();
        }
        if (pages != null) {
            pages.browser.quit();
        }
    }

    @Test
    void aPaAsksForALinkAndChoosesANewPasswordWithIt() {
        String pa = "carys-" + UUID.randomUUID() + "@example.com";
        accounts.create(new NewUserAccount(pa, "forgotten long ago", "Carys Jones", null, EnumSet.of(Role.PERSONAL_ASSISTANT), "en"));

        // a temporary password too old to use sends people here (NewTemporaryPasswordIT), which points on
        pages.open("/sign-in?temporary-password-expired&lang=en");
        assertThat(pages.errors()).containsExactly("Your temporary password is too old to use. Ask your council for a new one, "
                + "or use \u201cForgotten your password?\u201d below if you sign in with an email address");
        pages.assertAccessible("the sign-in page after a temporary password too old");
        pages.clickLink("Forgotten your password?");
        assertThat(pages.h1()).isEqualTo("Forgotten your password?");
        pages.assertAccessibleInBothLanguages("forgotten your password");
        pages.submit();
        assertThat(pages.errors()).containsExactly("Enter your email address");
        pages.assertAccessible("forgotten your password, with an error");
        pages.type("email", pa);
        pages.submit();
        assertThat(pages.h1()).as(pages.whatThePageSays()).isEqualTo("Check your email");
        pages.assertAccessibleInBothLanguages("check your email");

        long until = System.currentTimeMillis() + 10_000;
        while (notify.emailsTo(pa).isEmpty() && System.currentTimeMillis() < until) {
            LockSupport.parkNanos(50_000_000);
        }
        Matcher link = PasswordResetIT.link(notify.emailsTo(pa).get(0));
        pages.open(link.group(1));
        assertThat(pages.h1()).isEqualTo("Choose a new password");
        pages.assertAccessibleInBothLanguages("choose a new password");
        pages.type("newPassword", "three bright lanterns");
        pages.type("confirmPassword", "three bright lantern");
        pages.submit();
        assertThat(pages.errors()).containsExactly("The passwords do not match");
        pages.assertAccessible("choose a new password, with an error");
        pages.type("newPassword", "three bright lanterns");
        pages.type("confirmPassword", "three bright lanterns");
        pages.submit();
        assertThat(pages.path()).as(pages.whatThePageSays()).isEqualTo("/sign-in");
        assertThat(pages.main()).contains("Your new password has been saved");
        pages.assertAccessibleInBothLanguages("signing in after a new password");

        pages.type("username", pa);
        pages.type("password", "three bright lanterns");
        pages.click(pages.browser.findElement(By.cssSelector("main form button[type=submit]")));
        assertThat(pages.path()).as(pages.whatThePageSays()).isEqualTo("/home");

        pages.browser.manage().deleteAllCookies();
        pages.open(link.group(1) + "&lang=en");
        assertThat(pages.h1()).isEqualTo("This link no longer works");
        pages.assertAccessibleInBothLanguages("a spent link");
    }
}
