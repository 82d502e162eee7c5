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
 * and what it was spent on, in English and in Welsh. The DP team names the provider holding a managed
 * account from the direct payment's page (refused once with nothing given), and the person sees it on
 * Your money. axe-core on every page in both languages.
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

    @Test
    void theDpTeamNamesWhoHoldsAManagedAccountAndThePersonSeesItInEnglishAndWelsh() {
        Http http = new Http(port);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long council = jdbc.sql("SELECT id FROM council WHERE code = 'demo-england'").query(Long.class).single();
        // a payroll bureau listed in the council's community directory
        String bureauName = "Severn Payroll Bureau " + tag;
        String bureauUser = "bureau-" + tag + "@example.com";
        long bureauId = directory.registerProvider(bureauUser, Http.DEMO_PASSWORD, "Bureau " + tag, council,
                new Organization.Input(bureauName, "Payroll for people who employ PAs", OrganizationKind.COMPANY, bureauUser, null, null),
                "bureau-" + tag);
        UUID bureau = jdbc.sql("SELECT id FROM directory_organization WHERE user_id = :u").param("u", bureauId).query(UUID.class).single();
        jdbc.sql("""
                        INSERT INTO directory_service (id, organization_id, council_id, name, description, status, delivery, cost_pence,
                            cost_unit, insurance_checked, safeguarding_checked)
                        VALUES (:id, :org, :c, 'Managed accounts', 'We hold the money and run the payroll', 'PUBLISHED', 'ONLINE', 1500,
                                'HOUR', true, true)""")
                .param("id", UUID.randomUUID()).param("org", bureau).param("c", council).update();
        MoneyApi.Active managed = new MoneyApi(http).activeWeekly(PRACTITIONER, "Bethan", LocalDate.now().minusWeeks(2), "MANAGED_ACCOUNT",
                5_000, "en");
        long dp = managed.directPaymentId();
        String person = "bethan-" + tag + "@example.com";
        long personUser = users.create(new NewUserAccount(person, Http.DEMO_PASSWORD, "Bethan Test", council, EnumSet.of(Role.CITIZEN), "en"));
        citizens.linkExistingAccount(users.findByUsername(PRACTITIONER).orElseThrow(), managed.citizenId(), personUser);

        // the DP team, from the direct payment's page: nobody named yet
        pages.signIn("dp-team@demo-england");
        pages.open("/direct-payments/" + dp + "?lang=en");
        assertThat(pages.browser.findElement(By.id("managed-account-provider")).getText()).isEqualTo("Not named yet");
        pages.assertAccessibleInBothLanguages("a managed-account direct payment, no provider yet");
        pages.click(pages.browser.findElement(By.id("change-managed-account-provider")));
        assertThat(pages.h1()).isEqualTo("Who holds the managed account");
        pages.assertAccessibleInBothLanguages("naming the managed-account provider");

        // nothing chosen or typed: refused, naming the field, nothing saved; in Welsh too
        pages.submit();
        assertThat(pages.errors()).containsExactly(
                "Enter the managed-account provider's name (200 characters or fewer), or choose one from the directory");
        pages.assertAccessible("naming the managed-account provider, refused (en)");
        pages.open("/direct-payments/" + dp + "/managed-account-provider?lang=cy");
        pages.submit();
        assertThat(pages.errors()).containsExactly(
                "Rhowch enw darparwr y cyfrif a reolir (200 nod neu lai), neu dewiswch un o'r cyfeiriadur");
        pages.assertAccessible("naming the managed-account provider, refused (cy)");
        assertThat(jdbc.sql("SELECT count(*) FROM direct_payment WHERE id = :id AND managed_account_provider_name IS NOT NULL")
                .param("id", dp).query(Long.class).single()).isZero();

        // a name typed in, then changed to the listed bureau
        pages.open("/direct-payments/" + dp + "/managed-account-provider?lang=en");
        pages.type("name", "Payroll Friends Ltd");
        pages.submit();
        assertThat(pages.path()).isEqualTo("/direct-payments/" + dp);
        assertThat(pages.main()).contains("The managed-account provider is saved");
        assertThat(pages.browser.findElement(By.id("managed-account-provider")).getText()).isEqualTo("Payroll Friends Ltd");
        pages.click(pages.browser.findElement(By.id("change-managed-account-provider")));
        assertThat(pages.browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("Payroll Friends Ltd");
        new org.openqa.selenium.support.ui.Select(pages.browser.findElement(By.id("organizationId"))).selectByVisibleText(bureauName);
        pages.type("name", "");
        pages.submit();
        assertThat(pages.browser.findElement(By.id("managed-account-provider")).getText())
                .isEqualTo(bureauName + " (listed in the community directory)");
        pages.assertAccessibleInBothLanguages("a managed-account direct payment with its provider");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM audit_event WHERE entity_type = 'direct_payment' AND entity_id = :id
                        AND after_state ->> 'managedAccountProvider' IS NOT NULL""")
                .param("id", String.valueOf(dp)).query(Long.class).single()).as("each change audited").isEqualTo(2);

        // the person sees who holds their money on Your money and on the direct payment's page, in English and Welsh
        pages.signIn(person);
        pages.open("/my-money?lang=en");
        assertThat(pages.main()).contains("Who holds the money", bureauName);
        pages.assertAccessibleInBothLanguages("Your money, a managed account");
        pages.open("/my-money?lang=cy");
        assertThat(pages.main()).contains("Pwy sy'n dal yr arian", bureauName);
        pages.open("/direct-payments/" + dp + "?lang=en");
        assertThat(pages.browser.findElement(By.id("managed-account-provider")).getText()).startsWith(bureauName);
        assertThat(pages.browser.findElements(By.id("change-managed-account-provider"))).as("only staff change it").isEmpty();
        // and cannot open the page to change it
        pages.open("/direct-payments/" + dp + "/managed-account-provider?lang=en");
        assertThat(pages.main()).doesNotContain("Save the provider");
    }
}
