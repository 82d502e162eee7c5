package org.dphub.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;
import org.dphub.directory.Directory;
import org.dphub.directory.Organization;
import org.dphub.directory.OrganizationKind;
import org.dphub.identity.NewUserAccount;
import org.dphub.identity.UserAccounts;
import org.dphub.shared.Money;
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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An individual service fund in Chromium (issue 18): the provider holding it records spending
 * against an outcome (a bad form first) and uploads a CSV with a bad line (its number shown, nothing
 * recorded); the DP team records a line for the provider; the person sees on Your money what is left
 * and what it was spent on, in English and in Welsh. axe-core on every page in both languages.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceFundsBrowserIT {

    static final String PRACTITIONER = "practitioner@demo-england";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Ledger ledger;
    @Autowired
    Accounts accounts;
    @Autowired
    Directory directory;
    @Autowired
    UserAccounts users;
    @Autowired
    org.dphub.people.Citizens citizens;

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

    @Test
    void theProviderRecordsSpendingAndThePersonSeesWhatIsLeftInEnglishAndWelsh() throws IOException {
        Http http = new Http(port);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long council = jdbc.sql("SELECT id FROM council WHERE code = 'demo-england'").query(Long.class).single();
        String providerName = "Open Door Support " + tag;
        String providerUser = "isf-browser-" + tag + "@example.com";
        long providerId = directory.registerProvider(providerUser, Http.DEMO_PASSWORD, "Open Door " + tag, council,
                new Organization.Input(providerName, "Support planned with you", OrganizationKind.CHARITY, providerUser, null, null),
                "isf-browser-" + tag);
        UUID org = jdbc.sql("SELECT id FROM directory_organization WHERE user_id = :u").param("u", providerId).query(UUID.class).single();
        jdbc.sql("""
                        INSERT INTO directory_service (id, organization_id, council_id, name, description, status, delivery, cost_pence,
                            cost_unit, insurance_checked, safeguarding_checked)
                        VALUES (:id, :org, :c, 'Support at home', 'Support planned with you', 'PUBLISHED', 'ONLINE', 2000, 'HOUR', true, true)""")
                .param("id", UUID.randomUUID()).param("org", org).param("c", council).update();

        // a person of the test's own: £50 a week as a direct payment, £40 a week held by the provider, from 2 weeks ago
        LocalDate start = LocalDate.now().minusDays(14);
        long citizen = MoneyApi.ok(http.postJsonAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/citizens", """
                {"givenName": "Megan", "familyName": "Fund", "dateOfBirth": "1975-05-05", "postcode": "SY1 1AA", "preferredLanguage": "en"}"""),
                201).get("id").asLong();
        long plan = MoneyApi.ok(http.postJsonAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/citizens/" + citizen + "/plans", """
                {"startDate": "%s", "paymentFrequency": "WEEKLY",
                 "outcomes": [{"text": "Get out and about"}, {"text": "Go swimming every week"}],
                 "budgetLines": [{"description": "PA", "kind": "WEEKLY", "weeklyAmountPence": 5000, "outcomes": [1]},
                                 {"description": "Provider support", "kind": "WEEKLY", "weeklyAmountPence": 4000, "outcomes": [2],
                                  "deliveryMechanism": "INDIVIDUAL_SERVICE_FUND", "isfProviderId": "%s"}]}"""
                .formatted(start, org)), 201).get("id").asLong();
        long dp = MoneyApi.ok(http.postJsonAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/citizens/" + citizen + "/direct-payments", """
                {"planId": %d, "accountType": "PREPAID_CARD", "requestedOn": "%s", "startDate": "%s"}"""
                .formatted(plan, start.minusDays(10), start)), 201).get("id").asLong();
        new MoneyApi(http).agreeOnPaper(PRACTITIONER, dp, start.minusDays(5));
        long fund = jdbc.sql("SELECT id FROM dp_account WHERE isf_direct_payment_id = :dp").param("dp", dp).query(Long.class).single();
        // the periods due paid to the provider, with a run's keys (the runs themselves are PaymentRunsIT's and ServiceFundsIT's)
        PaymentSchedule schedule = accounts.scheduleOf(fund).orElseThrow();
        for (int period = 0; period < schedule.periodsDueBy(LocalDate.now()); period++) {
            ledger.post(Posting.funding(council, "schedule:" + schedule.id() + ":" + period, fund, Money.ofPence(4000),
                    schedule.dueDate(period), "Direct payment"));
        }
        long paidIn = ledger.balance(fund).pence();
        assertThat(paidIn).isEqualTo(12_000);
        String person = "megan-" + tag + "@example.com";
        long personUser = users.create(new NewUserAccount(person, Http.DEMO_PASSWORD, "Megan Fund", council, EnumSet.of(Role.CITIZEN), "en"));
        citizens.linkExistingAccount(users.findByUsername(PRACTITIONER).orElseThrow(), citizen, personUser);

        // the provider: its funds, a bad form, one line recorded
        pages.signIn(providerUser);
        pages.open("/service-funds?lang=en");
        assertThat(pages.h1()).isEqualTo("Individual service funds");
        pages.assertAccessibleInBothLanguages("the provider's funds");
        pages.clickLink("DPHUB ISF " + fund);
        assertThat(pages.h1()).isEqualTo("Individual service fund DPHUB ISF " + fund);
        pages.assertAccessibleInBothLanguages("a fund");
        pages.submit();
        assertThat(pages.errors()).contains("Enter the date it was spent", "Enter the amount spent in pounds and pence, more than £0, like 12.50",
                "Enter what the money was spent on", "Choose which outcome of the plan it was for: a number from 1 to 2");
        pages.assertAccessible("a fund with errors");
        pages.date("spentOn", LocalDate.now().minusDays(1));
        pages.type("amount", "18.50");
        pages.type("description", "Swimming with a support worker");
        pages.browser.findElement(By.id("outcome-2")).click();
        pages.submit();
        assertThat(pages.main()).as(pages.whatThePageSays()).contains("1 line of spending recorded").contains("£101.50");

        // a CSV with a bad line: its number, and nothing recorded
        Path csv = Files.createTempFile("isf-spending", ".csv");
        Files.writeString(csv, "date,amount,description,outcome\n" + LocalDate.now().minusDays(2) + ",4.00,Bus fares,1\n"
                + LocalDate.now().minusDays(2) + ",-3,Refund,1\n", StandardCharsets.UTF_8);
        pages.browser.findElement(By.id("file")).sendKeys(csv.toAbsolutePath().toString());
        pages.click(pages.browser.findElement(By.cssSelector("form[enctype] button[type=submit]")));
        assertThat(pages.errors()).containsExactly("Line 3: Enter the amount spent in pounds and pence, more than £0, like 12.50");
        pages.assertAccessibleInBothLanguages("a fund with a bad upload");
        assertThat(ledger.balance(fund).pence()).isEqualTo(paidIn - 1850);
        Files.delete(csv);

        // the DP team records for the provider
        pages.signIn("dp-team@demo-england");
        pages.open("/service-funds/" + fund + "?lang=en");
        assertThat(pages.main()).contains("Held for Megan Fund");
        pages.date("spentOn", LocalDate.now());
        pages.type("amount", "6.00");
        pages.type("description", "Cafe after the swim");
        pages.browser.findElement(By.id("outcome-1")).click();
        pages.submit();
        assertThat(pages.main()).contains("1 line of spending recorded");
        assertThat(ledger.balance(fund).pence()).isEqualTo(paidIn - 1850 - 600);

        // the person sees what is left and what it was spent on, in English and in Welsh; no returns asked
        pages.signIn(person);
        pages.open("/my-money?lang=en");
        assertThat(pages.main()).contains("Held for you by " + providerName + ": £95.50 left this period.")
                .contains("£24.50 has been spent on:").contains("Go swimming every week: £18.50").contains("Get out and about: £6.00")
                .contains("You do not need to send returns for this money");
        pages.assertAccessibleInBothLanguages("Your money with a fund");
        pages.open("/my-money?lang=cy");
        assertThat(pages.main()).contains("Yn cael ei dal i chi gan " + providerName + ": £95.50 ar ôl y cyfnod hwn.")
                .contains("Mae £24.50 wedi’i wario ar:".replace('’', '\'')).contains("Does dim angen i chi anfon ffurflenni");
        pages.open("/my-money?lang=en");

        // a citizen cannot open the provider's pages
        pages.open("/service-funds/" + fund);
        assertThat(pages.main()).doesNotContain("Record spending");
    }
}
