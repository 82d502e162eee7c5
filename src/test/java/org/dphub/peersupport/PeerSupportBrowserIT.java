package org.dphub.peersupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.UUID;
import org.dphub.councils.Council;
import org.dphub.councils.CouncilSettings;
import org.dphub.councils.Councils;
import org.dphub.councils.Nation;
import org.dphub.identity.NewUserAccount;
import org.dphub.identity.UserAccounts;
import org.dphub.shared.Role;
import org.dphub.support.BrowserPages;
import org.dphub.support.Chromium;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Peer support in Chromium: an employer asks a question, is stopped by the personal data check
 * (a phone number), takes it out and posts; another employer answers; the asker says it answered
 * their question (from the home page's to-do); the asker reports the answer and the DP team of
 * the answerer's council removes it from its queue, after which the asker sees "Removed by a
 * moderator". axe-core on every page, in English and Welsh.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeerSupportBrowserIT {

    static final String CODE = "peer-browser";
    static final String ASKER = "asker@" + CODE;
    static final String HELPER = "helper@" + CODE;
    static final String DP_TEAM = "dp-team@" + CODE;

    @LocalServerPort
    int port;
    @Autowired
    Councils councils;
    @Autowired
    UserAccounts users;

    BrowserPages pages;

    @BeforeAll
    void start() {
        councils.findByCode(CODE).orElseGet(() -> {
            Council c = councils.create(CODE, "Peer Browser District Council", "Cyngor Dosbarth Porwr Cymheiriaid", Nation.WALES,
                    CouncilSettings.defaults(true));
            user(c, ASKER, "Gwen Price", Role.CITIZEN);
            user(c, HELPER, "Huw Davies", Role.REPRESENTATIVE);
            user(c, DP_TEAM, "Dee Team", Role.DP_TEAM);
            return c;
        });
        pages = new BrowserPages(Chromium.start(), port);
    }

    void user(Council in, String username, String name, Role role) {
        users.create(new NewUserAccount(username, Http.DEMO_PASSWORD, name, in.id(), EnumSet.of(role), "en"));
    }

    @AfterAll
    void stop() {
        if (pages != null) {
            pages.browser.quit();
        }
    }

    @Test
    void anEmployerAsksAnotherAnswersItHelpsAndTheDpTeamRemovesAReportedAnswer() {
        // digits only: six random hex characters can read as a postcode ("be16ef") and be refused as personal data
        String unique = String.valueOf(100_000 + Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 900_000L));
        String title = "Paying my PA for bank holidays " + unique;

        // --- the asker, stopped once by the personal data check
        pages.signIn(ASKER);
        pages.clickLink("Peer support");
        assertThat(pages.h1()).isEqualTo("Peer support");
        pages.assertAccessibleInBothLanguages("the peer support boards");
        pages.clickLink("Employers and representatives");
        assertThat(pages.h1()).isEqualTo("Employers and representatives");
        pages.assertAccessibleInBothLanguages("the employers' board");
        pages.click(pages.browser.findElement(By.id("ask")));
        assertThat(pages.h1()).isEqualTo("Ask a question");
        pages.assertAccessibleInBothLanguages("asking a question");

        pages.type("title", title);
        pages.type("text", "My PA works irregular hours. How do you work out bank holidays? Ring me on 07700 900123.");
        pages.type("displayName", "Gwen");
        pages.submit();
        assertThat(pages.errors()).singleElement().satisfies(e -> assertThat(e).startsWith("This looks like a phone number: 07700 900123."));
        assertThat(pages.browser.findElement(By.id("personal-data-found")).getText()).isEqualTo("This looks like a phone number: 07700 900123.");
        assertThat(pages.browser.findElements(By.id("confirmPersonalData"))).as("a phone number cannot be confirmed").isEmpty();
        pages.assertAccessible("the personal data warning");

        pages.type("text", "My PA works irregular hours. How do you work out bank holidays?");
        pages.submit();
        assertThat(pages.path()).as(pages.whatThePageSays()).matches("/peer-support/questions/\\d+");
        String questionPath = pages.path();
        assertThat(pages.main()).contains("Your question is posted", title, "Asked by Gwen (Peer Browser District Council)");
        pages.assertAccessibleInBothLanguages("a question with no answers");

        // --- another employer's representative answers
        pages.signIn(HELPER);
        pages.open("/peer-support/employers?lang=en");
        pages.clickLink(title);
        pages.type("text", "I pay 12.07% of the hours worked as holiday, and <b>bank holidays</b> come out of that.");
        pages.type("displayName", "Huw");
        pages.submit();
        assertThat(pages.main()).contains("Your answer is posted", "<b>bank holidays</b>", "Answered by Huw");
        pages.assertAccessibleInBothLanguages("a question with an answer");

        // --- the asker is told on their home page, and says it answered the question
        pages.signIn(ASKER);
        pages.clickLink("Say which answer helped with your question \u201c" + title + "\u201d");
        assertThat(pages.path()).isEqualTo(questionPath);
        pages.click(pages.browser.findElement(By.cssSelector("button[id^=helpful-]")));
        assertThat(pages.main()).contains("Thank you for saying this helped", "1 person found this helpful", "Helped the person who asked",
                "You said this helped you.");
        pages.assertAccessibleInBothLanguages("an answer marked helpful");

        // --- they report it (changing their mind about the advice)
        pages.click(pages.browser.findElement(By.cssSelector("a[id^=report-]:not([id='report-" + questionPath.substring(questionPath.lastIndexOf('/') + 1) + "'])")));
        assertThat(pages.h1()).isEqualTo("Report this answer");
        pages.assertAccessibleInBothLanguages("reporting an answer");
        pages.submit();
        assertThat(pages.errors()).containsExactly("Enter why you are reporting this");
        pages.type("reason", "This is not right for people paid by the hour in my council");
        pages.submit();
        assertThat(pages.main()).contains("Report sent");
        pages.assertAccessible("report sent");

        // --- the DP team of the answerer's council removes it
        pages.signIn(DP_TEAM);
        pages.clickLink("Peer support posts reported");
        assertThat(pages.h1()).isEqualTo("Peer support reports");
        assertThat(pages.main()).contains("This is not right for people paid by the hour", "12.07% of the hours worked");
        pages.assertAccessibleInBothLanguages("the moderation queue");
        pages.click(pages.browser.findElement(By.cssSelector("a[id^=decide-]")));
        assertThat(pages.h1()).isEqualTo("Moderate this answer");
        pages.assertAccessibleInBothLanguages("moderating an answer");
        pages.submit();
        assertThat(pages.errors()).containsExactly("Choose what to do with the post", "Enter the reason");
        pages.assertAccessible("moderating with mistakes");
        pages.browser.findElement(By.cssSelector("label[for='action']")).click();
        pages.type("reason", "Holiday for irregular hours depends on the contract: please ask the direct payments team");
        pages.submit();
        assertThat(pages.main()).contains("The post is removed", "There are no reports to look at.",
                "Holiday for irregular hours depends on the contract");
        pages.assertAccessibleInBothLanguages("the moderation queue after removing a post");

        // --- everyone else now sees it removed; its poster sees why
        pages.signIn(ASKER);
        pages.open(questionPath + "?lang=en");
        assertThat(pages.main()).contains("Removed by a moderator").doesNotContain("12.07%");
        pages.assertAccessibleInBothLanguages("a question with a removed answer");
        pages.signIn(HELPER);
        pages.open(questionPath + "?lang=en");
        assertThat(pages.main()).contains("12.07%", "A moderator removed this", "Holiday for irregular hours depends on the contract");
        pages.assertFitsAPhone("a question with a removed answer, to its poster");
    }
}
