package org.dphub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.EnumSet;
import org.dphub.councils.Council;
import org.dphub.councils.CouncilSettings;
import org.dphub.councils.Councils;
import org.dphub.councils.Nation;
import org.dphub.identity.NewUserAccount;
import org.dphub.identity.UserAccounts;
import org.dphub.people.Citizens;
import org.dphub.people.OnlineAccount;
import org.dphub.shared.Role;
import org.dphub.support.BrowserPages;
import org.dphub.support.Chromium;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.dphub.support.MoneyApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 18 in Chromium, in a council of its own: a practitioner writes a carer's support plan (first
 * forgetting whom they care for, which saves nothing) and sets up the carer's own direct payment; the
 * carer signs in and, in Welsh, sees that it is their carer's direct payment; a practitioner sets up a
 * young person's adult support from the "Moving to adult support" page. axe-core on every new page.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CarerAndChildBrowserIT {

    static final String CODE = "kinds-browser";
    static final String PRACTITIONER = "practitioner@" + CODE;

    @LocalServerPort
    int port;
    @Autowired
    Councils councils;
    @Autowired
    UserAccounts users;
    @Autowired
    Citizens citizens;
    @Autowired
    JdbcClient jdbc;

    WebDriver browser;
    BrowserPages pages;
    Http http;

    @BeforeAll
    void start() {
        if (councils.findByCode(CODE).isEmpty()) {
            Council created = councils.create(CODE, "Kinds Browser County Council", "Cyngor Sir Porwr Mathau", Nation.WALES,
                    CouncilSettings.defaults(true));
            users.create(new NewUserAccount(PRACTITIONER, Http.DEMO_PASSWORD, "Prys Kinds", created.id(),
                    EnumSet.of(Role.PRACTITIONER), "en"));
        }
        http = new Http(port);
        browser = Chromium.start();
        pages = new BrowserPages(browser, port);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    long person(String name, LocalDate born, String language) {
        return MoneyApi.ok(http.postJsonAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/citizens", """
                {"givenName": "%s", "familyName": "Porwr", "dateOfBirth": "%s", "postcode": "LL55 1AA", "preferredLanguage": "%s"}"""
                .formatted(name, born, language)), 201).get("id").asLong();
    }

    void choose(String name, String value) {
        WebElement input = browser.findElement(By.cssSelector("input[name='" + name + "'][value='" + value + "']"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].click();", input);
        assertThat(input.isSelected()).as(name + " = " + value).isTrue();
    }

    @Test
    void aPractitionerSetsUpACarersOwnPaymentAndTheCarerSeesItInWelsh() {
        LocalDate today = LocalDate.now();
        long caredFor = person("Dilys", LocalDate.of(1938, 2, 2), "cy");
        String caredForReference = MoneyApi.ok(http.getAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/citizens/" + caredFor), 200)
                .get("reference").asString();
        long carer = person("Gethin", LocalDate.of(1966, 6, 6), "cy");

        pages.signIn(PRACTITIONER);
        pages.open("/citizens/" + carer + "/plans/new");
        pages.assertAccessibleInBothLanguages("the plan form with who it is for");
        choose("recipientKind", "CARER");
        pages.date("startDate", today);
        pages.type("outcomes", "A night off each week\nKeep singing in the choir");
        choose("howNeedsMet", "DIRECT_PAYMENT_FULL");
        pages.type("budgetLines[0].description", "Sitting service");
        choose("budgetLines[0].kind", "WEEKLY");
        pages.type("budgetLines[0].weeklyAmount", "60.00");
        pages.submit();
        assertThat(pages.errors()).contains("Enter the council reference of the person the carer cares for");
        assertThat(browser.findElements(By.id("caredForCitizenId"))).as("the error link lands on the field").hasSize(1);
        pages.assertAccessible("the plan form with a carer's error");
        assertThat(jdbc.sql("SELECT count(*) FROM care_plan WHERE citizen_id = :c").param("c", carer).query(Long.class).single())
                .as("nothing saved").isZero();

        pages.type("caredForCitizenId", caredForReference);
        pages.submit();
        assertThat(pages.path()).as(pages.whatThePageSays()).matches("/plans/\\d+");
        long planId = Long.parseLong(pages.path().substring("/plans/".length()));
        assertThat(browser.findElement(By.id("plan-kind")).getText()).isEqualTo("Carer's support plan");
        pages.assertAccessibleInBothLanguages("a carer's support plan");

        pages.open("/citizens/" + carer + "/direct-payments/new");
        choose("planId", Long.toString(planId));
        pages.date("requestedOn", today);
        pages.date("startDate", today.plusDays(7));
        choose("hasCapacity", "true");
        choose("representativeId", "none");
        choose("excludedPerson", "false");
        choose("accountType", "PREPAID_CARD");
        pages.submit();
        assertThat(pages.path()).as(pages.whatThePageSays()).matches("/direct-payments/\\d+");
        long dpId = Long.parseLong(pages.path().substring("/direct-payments/".length()));
        assertThat(browser.findElement(By.id("dp-recipient-kind")).getText()).contains("carer's own direct payment");
        pages.assertAccessibleInBothLanguages("a carer's direct payment");

        // the carer signs in (in Welsh, as they prefer) and chooses their own password
        OnlineAccount account = citizens.giveOnlineAccount(users.findByUsername(PRACTITIONER).orElseThrow(), carer,
                "gethin" + carer + "@example.com");
        browser.manage().deleteAllCookies();
        pages.open("/sign-in");
        browser.findElement(By.id("username")).sendKeys(account.username());
        browser.findElement(By.id("password")).sendKeys(account.temporaryPassword());
        pages.submit();
        assertThat(pages.path()).as(pages.whatThePageSays()).isEqualTo("/account/password");
        pages.type("newPassword", "harp mountain slate 9");
        pages.type("confirmPassword", "harp mountain slate 9");
        pages.submit();
        pages.open("/my-plan");
        assertThat(pages.language()).isEqualTo("cy");
        assertThat(browser.findElement(By.id("whose-" + dpId)).getText())
                .isEqualTo("Taliad uniongyrchol i chi fel gofalwr: arian ar gyfer eich anghenion eich hun fel gofalwr.");
        assertThat(pages.main()).doesNotContain("Dilys");
        pages.assertAccessibleInBothLanguages("the carer's own plan page");
        pages.open("/my-plan?lang=en");
        assertThat(browser.findElement(By.id("whose-" + dpId)).getText()).startsWith("Your carer's direct payment");
        // the cared-for person's plan is not theirs to see
        pages.open("/plans/" + MoneyApi.ok(http.postJsonAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/citizens/" + caredFor + "/plans", """
                {"startDate": "%s", "outcomes": [{"text": "Stay at home"}], "budgetLines": [{"description": "PA", "kind": "WEEKLY",
                 "weeklyAmountPence": 9000}]}""".formatted(today)), 201).get("id").asLong());
        assertThat(browser.getTitle()).containsAnyOf("not found", "Page not found", "heb ei chanfod", "Heb ddod o hyd");
    }

    @Test
    void aPractitionerMovesAYoungPersonToAdultSupportFromTheList() {
        LocalDate today = LocalDate.now();
        long young = person("Lowri", today.plusDays(30).minusYears(18), "en");
        long plan = MoneyApi.ok(http.postJsonAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/citizens/" + young + "/plans", """
                {"startDate": "%s", "recipientKind": "CHILD", "outcomes": [{"text": "Go to youth club"}], "paymentFrequency": "WEEKLY",
                 "budgetLines": [{"description": "PA", "kind": "WEEKLY", "weeklyAmountPence": 4000}]}""".formatted(today.minusDays(7))),
                201).get("id").asLong();
        long dp = MoneyApi.ok(http.postJsonAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/citizens/" + young + "/direct-payments", """
                {"planId": %d, "accountType": "PREPAID_CARD", "requestedOn": "%s", "startDate": "%s", "hasCapacity": true}"""
                .formatted(plan, today.minusDays(7), today.minusDays(7))), 201).get("id").asLong();
        new MoneyApi(http).agreeOnPaper(PRACTITIONER, dp, today.minusDays(7));

        pages.signIn(PRACTITIONER);
        // the home page prompts the practitioner, linking to the list
        pages.open("/home");
        By prompt = By.cssSelector("#work-queue a[href='/direct-payments/moving-to-adult-support']");
        assertThat(browser.findElements(prompt)).as(pages.whatThePageSays()).hasSize(1);
        assertThat(browser.findElement(prompt).getText()).isEqualTo("Children turning 18 soon whose adult support is not set up yet");
        int waiting = Integer.parseInt(browser.findElement(prompt).findElement(By.xpath("../../td")).getText().strip());
        assertThat(waiting).isPositive();
        pages.assertAccessibleInBothLanguages("home, children turning 18");
        pages.open("/home?lang=cy");
        assertThat(browser.findElement(prompt).getText()).startsWith("Plant sy'n troi'n 18 oed");
        pages.open("/home?lang=en");
        pages.click(browser.findElement(prompt));
        assertThat(pages.h1()).isEqualTo("Moving to adult support");
        pages.open("/direct-payments/in-progress");
        pages.click(browser.findElement(By.id("moving-to-adult-support")));
        assertThat(pages.h1()).isEqualTo("Moving to adult support");
        assertThat(pages.main()).contains("Lowri Porwr");
        pages.assertAccessibleInBothLanguages("moving to adult support");
        pages.click(browser.findElement(By.id("continue-" + dp)));
        assertThat(pages.path()).as(pages.whatThePageSays()).matches("/direct-payments/\\d+");
        assertThat(pages.path()).isNotEqualTo("/direct-payments/" + dp);
        pages.open("/direct-payments/moving-to-adult-support");
        assertThat(browser.findElements(By.id("continue-" + dp))).as("done: no button").isEmpty();
        pages.assertAccessible("moving to adult support, done");
        // set up: one fewer on the home page (and no prompt at all once none is left)
        pages.open("/home");
        List<WebElement> left = browser.findElements(prompt);
        if (waiting == 1) {
            assertThat(left).isEmpty();
        } else {
            assertThat(left.get(0).findElement(By.xpath("../../td")).getText().strip()).isEqualTo(String.valueOf(waiting - 1));
        }
    }
}
