package org.dphub.rights;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.UUID;
import org.dphub.identity.NewUserAccount;
import org.dphub.identity.UserAccounts;
import org.dphub.people.Citizens;
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
 * "Your data" in Chromium (issue 17): a person finds it from their home page, sees the download
 * links and what erasure would keep and why, and asks for their data to be erased; the DP team
 * opens the person's data from their page, is refused while the direct payment is in force (told
 * what to settle first), erases the details of someone who acted for the person and asked, then erases the
 * person's once the payment has ended, and sees what was kept and why each time. Someone who no longer
 * acts for anyone asks for their own details to be erased. A PA who
 * registered themself leaves the register on the page that asks them to be sure, and lands signed out on
 * the start page, told it is done. A provider leaves the directory the same way; the DP team erases another who
 * asked by phone, from the check of its service. The DP team carries out again the erasures a restore from a
 * backup undid, from their home page. axe-core on every page, in English and Welsh.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YourDataBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    UserAccounts accounts;
    @Autowired
    Citizens citizens;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.dphub.directory.Directory directory;

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
    void aRepresentativeDownloadsTheDataOfEachPersonTheyActFor() {
        pages.signIn("representative@demo-england");
        pages.click(pages.browser.findElement(By.id("home-your-data")));
        assertThat(pages.main()).contains("People you act for");
        assertThat(pages.browser.findElements(By.cssSelector("a[id^='download-pdf-']"))).hasSizeGreaterThan(1);
        pages.assertAccessibleInBothLanguages("your data, for the people one acts for");
        pages.assertFitsAPhone("your data, for the people one acts for");
    }

    @Test
    void someoneWhoNoLongerActsForAnyoneAsksForTheirDetailsToBeErased() {
        long england = jdbc.sql("SELECT id FROM council WHERE code = 'demo-england'").query(Long.class).single();
        String username = "former-" + UUID.randomUUID() + "@example.com";
        // a representative's sign-in that sees nobody now: each person it acted for has had it stop
        accounts.create(new NewUserAccount(username, Http.DEMO_PASSWORD, "Dylan Test", england, EnumSet.of(Role.REPRESENTATIVE), "en"));
        pages.signIn(username);
        pages.open("/your-data?lang=en");
        assertThat(pages.main()).contains("Ask us to erase your details", "Your name stays on the records of the people you acted for");
        pages.assertAccessibleInBothLanguages("your data, for someone who no longer acts for anyone");
        pages.assertFitsAPhone("your data, for someone who no longer acts for anyone");
        pages.submit();
        assertThat(pages.main()).as(pages.whatThePageSays()).contains("We have sent your request to your direct payments team");
        pages.assertAccessibleInBothLanguages("your data, a former representative's request sent");
    }

    @Test
    void aPersonAsksForErasureAndTheDpTeamCarriesItOut() {
        Http http = new Http(port);
        MoneyApi.Active active = new MoneyApi(http).activeWeekly("practitioner@demo-england", "Llinos", LocalDate.now().plusDays(20),
                "PREPAID_CARD", 5_000, "en");
        String username = "llinos-" + UUID.randomUUID() + "@example.com";
        long england = jdbc.sql("SELECT id FROM council WHERE code = 'demo-england'").query(Long.class).single();
        long user = accounts.create(new NewUserAccount(username, Http.DEMO_PASSWORD, "Llinos Test", england, EnumSet.of(Role.CITIZEN), "en"));
        citizens.linkExistingAccount(accounts.findByUsername("practitioner@demo-england").orElseThrow(), active.citizenId(), user);

        pages.signIn(username);
        pages.click(pages.browser.findElement(By.id("home-your-data")));
        assertThat(pages.h1()).isEqualTo("Your data");
        assertThat(pages.browser.findElement(By.id("download-pdf")).getAttribute("href")).endsWith("/your-data/download.pdf");
        assertThat(pages.main()).contains("Download your data (JSON)", "What we keep, and why", "Limitation Act 1980", "PAYE")
                .as("nothing asked yet").doesNotContain("We have sent your request");
        pages.assertAccessibleInBothLanguages("your data");
        pages.assertFitsAPhone("your data");
        pages.submit();
        assertThat(pages.main()).as(pages.whatThePageSays()).contains("We have sent your request to your direct payments team");
        pages.assertAccessibleInBothLanguages("your data, request sent");
        assertThat(jdbc.sql("SELECT count(*) FROM help_request WHERE citizen_id = ? AND kind = 'OTHER' AND text LIKE '%erase%'")
                .param(active.citizenId()).query(Long.class).single()).isEqualTo(1);

        pages.signIn("dp-team@demo-england");
        pages.open("/citizens/" + active.citizenId() + "?lang=en");
        pages.click(pages.browser.findElement(By.id("personal-data-link")));
        assertThat(pages.h1()).isEqualTo("Llinos Test's data");
        pages.assertAccessibleInBothLanguages("a person's data");
        pages.submit();
        assertThat(pages.main()).contains("We cannot erase this person's data yet", "End their direct payment first");
        pages.assertAccessible("a person's data, erasure refused");
        assertThat(jdbc.sql("SELECT given_name FROM citizen WHERE id = ?").param(active.citizenId()).query(String.class).single())
                .isEqualTo("Llinos");

        MoneyApi.ok(http.postJsonAs("practitioner@demo-england", Http.DEMO_PASSWORD, "/api/v1/direct-payments/" + active.directPaymentId()
                + "/status-changes", "{\"event\": \"ENDED\", \"effectiveOn\": \"" + LocalDate.now() + "\", \"reason\": \"Asked to stop\"}"), 200);
        // someone who acted for her, and no longer does, asked for their own details to be erased
        long representative = MoneyApi.ok(http.postJsonAs("practitioner@demo-england", Http.DEMO_PASSWORD, "/api/v1/citizens/"
                + active.citizenId() + "/representatives", "{\"name\": \"Dylan Test\", \"kind\": \"NOMINATED_PERSON\", \"email\": \"dylan-"
                + UUID.randomUUID() + "@example.com\"}"), 201).get("id").asLong();
        citizens.endRepresentative(accounts.findByUsername("practitioner@demo-england").orElseThrow(), active.citizenId(), representative,
                "Llinos manages on her own now");
        pages.open("/citizens/" + active.citizenId() + "/personal-data?lang=en");
        assertThat(pages.main()).contains("People who acted for them", "Dylan Test", "Stopped acting for them on");
        pages.assertAccessibleInBothLanguages("a person's data, with someone who acted for them");
        pages.click(pages.browser.findElement(By.id("erase-representative-" + representative)));
        assertThat(pages.main()).as(pages.whatThePageSays()).contains("Their details have been erased", "Dylan Test: details erased on",
                "Their email address", "Their name on the person's record");
        pages.assertAccessibleInBothLanguages("a person's data, the details of someone who acted for them erased");

        pages.open("/citizens/" + active.citizenId() + "/personal-data?lang=en");
        pages.submit();
        assertThat(pages.main()).as(pages.whatThePageSays()).contains("Their data has been erased", "What was removed",
                "Money records: accounts, payments and spending", "Limitation Act 1980");
        assertThat(pages.h1()).isEqualTo("Erased person's data");
        pages.assertAccessibleInBothLanguages("a person's data, erased");
        assertThat(pages.browser.findElements(By.id("erase-button"))).as("erased once").isEmpty();
    }

    @Test
    void aPaWhoRegisteredThemselfLeavesTheRegister() {
        Http http = new Http(port);
        String username = "pa-" + UUID.randomUUID() + "@example.org";
        accounts.create(new NewUserAccount(username, Http.DEMO_PASSWORD, "Gwen Test", null, EnumSet.of(Role.PERSONAL_ASSISTANT), "en"));
        long profile = MoneyApi.ok(http.postJsonAs(username, Http.DEMO_PASSWORD, "/api/v1/pa-profiles", """
                {"displayName": "Gwen T.", "about": "I like walking.", "skills": ["personal-care"], "interests": ["walking"],
                 "languages": ["en", "cy"], "availability": [{"day": "MONDAY", "slot": "MORNING"}], "postcode": "sy1 1aa",
                 "travelRadiusKm": 10, "hourlyRatePence": 1300, "visible": true, "email": "%s", "codeOfConductAccepted": true}""".formatted(username)), 201).get("id").asLong();

        pages.signIn(username);
        pages.open("/your-data?lang=en");
        pages.click(pages.browser.findElement(By.id("leave-register")));
        assertThat(pages.h1()).isEqualTo("Leave the register and erase your data");
        assertThat(pages.main()).contains("You cannot undo this", "Payroll records");
        pages.assertAccessibleInBothLanguages("leaving the register");
        pages.assertFitsAPhone("leaving the register");
        pages.submit();
        assertThat(pages.main()).as(pages.whatThePageSays()).contains("We have erased your data and taken you off the register");
        pages.assertAccessibleInBothLanguages("the start page, data erased");
        assertThat(jdbc.sql("SELECT status FROM pa_profile WHERE id = ?").param(profile).query(String.class).single()).isEqualTo("ERASED");
    }

    /** A sole trader with a sign-in of their own in demo-england and one published service; returns the service. */
    UUID soleTrader(String username, String name) {
        long council = jdbc.sql("SELECT id FROM council WHERE code = 'demo-england'").query(Long.class).single();
        long user = accounts.create(new NewUserAccount(username, Http.DEMO_PASSWORD, name, council, EnumSet.of(Role.PROVIDER), "en"));
        directory.createOrganization(council, user, new org.dphub.directory.Organization.Input(name + " Cleaning", "I clean homes.",
                org.dphub.directory.OrganizationKind.MICRO_ENTERPRISE, username, "07700 900789", null));
        Http http = new Http(port);
        UUID service = UUID.fromString(MoneyApi.ok(http.postJsonAs(username, Http.DEMO_PASSWORD, "/api/v1/directory/services", """
                {"name": "Home cleaning", "description": "I come and clean.", "delivery": "COMES_TO_YOU", "postcode": "SY3 7FA",
                 "travelKm": 8, "taxonomyTermIds": ["6a1d6a2e-5d1f-4c1b-9a52-000000000006"], "costPence": 1600, "costUnit": "HOUR",
                 "languages": ["en"]}"""), 201).get("id").asString());
        MoneyApi.ok(http.postJsonAs("dp-team@demo-england", Http.DEMO_PASSWORD, "/api/v1/directory/services/" + service + "/checks",
                "{\"insuranceChecked\": true, \"safeguardingChecked\": true}"), 200);
        return service;
    }

    @Test
    void aProviderLeavesTheDirectoryAndTheDpTeamErasesAnotherWhoAskedByPhone() {
        String username = "sole-" + UUID.randomUUID() + "@example.org";
        UUID own = soleTrader(username, "Ffion Rees");
        pages.signIn(username);
        pages.open("/your-data?lang=en");
        pages.assertAccessibleInBothLanguages("a provider's data");
        pages.click(pages.browser.findElement(By.id("leave-directory")));
        assertThat(pages.h1()).isEqualTo("Leave the directory and erase your data");
        assertThat(pages.main()).contains("Ffion Rees Cleaning", "You cannot undo this", "The payments made to you");
        pages.assertAccessibleInBothLanguages("leaving the directory");
        pages.assertFitsAPhone("leaving the directory");
        pages.submit();
        assertThat(pages.main()).as(pages.whatThePageSays()).contains("taken your services out of the directory");
        assertThat(jdbc.sql("SELECT status FROM directory_service WHERE id = ?").param(own).query(String.class).single()).isEqualTo("WITHDRAWN");

        UUID other = soleTrader("sole-" + UUID.randomUUID() + "@example.org", "Owain Hughes");
        pages.signIn("dp-team@demo-england");
        pages.open("/directory-checks/" + other + "?lang=en");
        pages.clickLink("The provider's data");
        assertThat(pages.h1()).isEqualTo("Owain Hughes Cleaning: their data");
        pages.assertAccessibleInBothLanguages("a provider's data, for the DP team");
        pages.submit();
        assertThat(pages.main()).as(pages.whatThePageSays()).contains("Their data has been erased", "The names of the provider and its services");
        pages.assertAccessibleInBothLanguages("a provider's data, erased");
        assertThat(pages.browser.findElements(By.id("erase-button"))).as("erased once").isEmpty();
        pages.open("/directory-checks/" + other + "?lang=en");
        assertThat(pages.main()).contains("Not kept: the provider left the directory");
        pages.assertAccessibleInBothLanguages("the check of a service whose provider was erased");
    }

    /**
     * A restore from a backup taken before an erasure brings the data back; bin/restore writes each such erasure
     * into the restored database (BackupRestoreIT proves it). Here the rows it writes are put in as it writes
     * them, for a person, someone who acted for them, a PA and a provider of demo-england: the DP team finds them
     * from their home page, each named with a link to the page it is carried out from, erases the person and the
     * representative again there, and sees them move to "Carried out again". Other staff are refused; another
     * council's DP team does not see them.
     */
    @Test
    void theDpTeamCarriesOutAgainTheErasuresARestoreUndid() {
        Http http = new Http(port);
        long england = jdbc.sql("SELECT id FROM council WHERE code = 'demo-england'").query(Long.class).single();
        long person = MoneyApi.ok(http.postJsonAs("practitioner@demo-england", Http.DEMO_PASSWORD, "/api/v1/citizens", """
                {"givenName": "Nia", "familyName": "Restored", "dateOfBirth": "1948-03-01", "postcode": "sy3 8xx",
                 "preferredLanguage": "en"}"""), 201).get("id").asLong();
        long representative = MoneyApi.ok(http.postJsonAs("practitioner@demo-england", Http.DEMO_PASSWORD, "/api/v1/citizens/" + person
                + "/representatives", "{\"name\": \"Osian Restored\", \"kind\": \"NOMINATED_PERSON\", \"email\": \"osian-" + UUID.randomUUID()
                + "@example.com\"}"), 201).get("id").asLong();
        citizens.endRepresentative(accounts.findByUsername("practitioner@demo-england").orElseThrow(), person, representative, "Nia asked");
        var pa = jdbc.sql("SELECT id, display_name FROM pa_profile WHERE registered_council_id = ? AND status <> 'ERASED' ORDER BY id LIMIT 1")
                .param(england).query().singleRow();
        var provider = jdbc.sql("SELECT id::text, name FROM directory_organization WHERE council_id = ? AND erased_at IS NULL ORDER BY name LIMIT 1")
                .param(england).query().singleRow();
        String backup = "dphub-20261130-020000.dump";
        java.util.function.BiConsumer<String, String> undone = (whose, id) -> jdbc.sql("""
                INSERT INTO personal_data_erasure_undone (council_id, whose, subject_id, erased_at, erased_by, backup)
                VALUES (?, ?, ?, now() - interval '3 days', 'dp-team@demo-england', ?)""").params(england, whose, id, backup).update();
        undone.accept("person", Long.toString(person));
        undone.accept("representative", Long.toString(representative));
        undone.accept("PA", pa.get("id").toString());
        undone.accept("provider", provider.get("id").toString());
        try {
            pages.signIn("dp-team@demo-england");
            pages.clickLink("4 erasures of personal data to carry out again: a restore from a backup brought the data back");
            assertThat(pages.h1()).isEqualTo("Erasures to carry out again");
            assertThat(pages.main()).contains("Nia Restored", "A person", "Osian Restored", "Someone who acted for a person",
                    pa.get("display_name").toString(), "A PA", provider.get("name").toString(), "A provider",
                    ", by dp-team@demo-england", ", from the backup " + backup).doesNotContain("Carried out again");
            assertThat(pages.browser.findElement(By.id("erase-again-PA-" + pa.get("id"))).getAttribute("href"))
                    .endsWith("/pa-profiles/" + pa.get("id") + "/personal-data#erase");
            assertThat(pages.browser.findElement(By.id("erase-again-provider-" + provider.get("id"))).getAttribute("href"))
                    .endsWith("/providers/" + provider.get("id") + "/personal-data#erase");
            pages.assertAccessibleInBothLanguages("erasures to carry out again");
            pages.assertFitsAPhone("erasures to carry out again");

            pages.click(pages.browser.findElement(By.id("erase-again-person-" + person)));
            assertThat(pages.h1()).isEqualTo("Nia Restored's data");
            pages.click(pages.browser.findElement(By.id("erase-button")));
            assertThat(pages.main()).as(pages.whatThePageSays()).contains("Their data has been erased");
            pages.open("/personal-data/erasures-to-carry-out-again?lang=en");
            pages.click(pages.browser.findElement(By.id("erase-again-representative-" + representative)));
            pages.click(pages.browser.findElement(By.id("erase-representative-" + representative)));
            assertThat(pages.main()).as(pages.whatThePageSays()).contains("Their details have been erased");

            pages.open("/home?lang=en");
            assertThat(pages.main()).contains("2 erasures of personal data to carry out again");
            pages.open("/personal-data/erasures-to-carry-out-again?lang=en");
            assertThat(pages.browser.findElement(By.id("undone")).getText()).contains(pa.get("display_name").toString())
                    .doesNotContain("Restored");
            assertThat(pages.browser.findElement(By.id("again")).getText()).contains("Carried out again", "Erased person",
                    "Someone who acted for a person").doesNotContain("Nia");
            pages.assertAccessibleInBothLanguages("erasures to carry out again, two carried out");

            assertThat(http.get("/personal-data/erasures-to-carry-out-again", "Cookie", http.signIn("practitioner@demo-england",
                    Http.DEMO_PASSWORD)).statusCode()).isEqualTo(403);
            HttpResponse<String> wales = http.get("/personal-data/erasures-to-carry-out-again?lang=en", "Cookie",
                    http.signIn("dp-team@demo-wales", Http.DEMO_PASSWORD));
            assertThat(wales.statusCode()).isEqualTo(200);
            assertThat(wales.body()).contains("No restore from a backup has brought back data that your council erased")
                    .doesNotContain(backup, "Nia Restored");
        } finally {
            // the PA and the provider are demo data other tests use: their rows go, as if never restored
            jdbc.sql("DELETE FROM personal_data_erasure_undone WHERE whose IN ('PA', 'provider') AND backup = ?").param(backup).update();
        }
        pages.open("/home?lang=en");
        assertThat(pages.main()).doesNotContain("to carry out again");
    }
}
