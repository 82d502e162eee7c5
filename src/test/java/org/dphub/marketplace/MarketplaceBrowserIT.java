package org.dphub.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.dphub.support.BrowserPages;
import org.dphub.support.Chromium;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Finding a PA in Chromium, in Welsh: a new PA signs up and makes a profile; the DP team checks it
 * and it goes live; a person posts a vacancy around what matters to them (a woman for intimate care
 * without personal care asked for, and a rate under the National Living Wage, refused first), sees
 * ranked PAs with why and their training, and invites one; the PA accepts;
 * only then do both see each other's contact details, and the person hires. Then, on a second
 * vacancy, the PA (shown as checked by the council) reports the vacancy, the person reports the PA,
 * and the DP team suspends the PA from its reports page (the PA leaves the matches) and lifts it
 * again; a council administrator's match weights page refuses a bad weight. axe-core on every page,
 * both languages.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MarketplaceBrowserIT {

    static final String EMAIL = "sian.prawf@example.com";
    static final String PASSWORD = "canu yn y cor bob nos Iau";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

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

    void tick(String id) {
        pages.browser.findElement(By.cssSelector("label[for='" + id + "']")).click();
    }

    void openInWelsh() {
        java.net.URI here = java.net.URI.create(pages.browser.getCurrentUrl());
        String query = here.getQuery() == null ? "" : here.getQuery().replaceAll("&?lang=[a-z]+", "");
        pages.open(here.getPath() + "?" + (query.isEmpty() ? "" : query + "&") + "lang=cy");
    }

    void signInAs(String username, String password) {
        pages.browser.manage().deleteAllCookies();
        pages.open("/sign-in?lang=en");
        pages.browser.findElement(By.id("username")).sendKeys(username);
        pages.browser.findElement(By.id("password")).sendKeys(password);
        pages.submit();
        org.dphub.support.AuthenticatorApp.finishSignIn(pages.browser, username);
        assertThat(pages.path()).as(pages.whatThePageSays()).isEqualTo("/home");
    }

    @Test
    void aPersonFindsAPaWhoSharesWhatMattersAndTheyAgreeToTalk() {
        String postcode = jdbc.sql("""
                        SELECT c.postcode FROM citizen c JOIN citizen_access ca ON ca.citizen_id = c.id JOIN app_user u ON u.id = ca.user_id
                        WHERE u.username = 'citizen@demo-wales' AND ca.relationship = 'SELF'""").query(String.class).single();

        // --- a PA signs up
        pages.browser.manage().deleteAllCookies();
        pages.open("/?lang=cy");
        pages.click(pages.browser.findElement(By.id("join-as-a-pa")));
        assertThat(pages.h1()).isEqualTo("Ymuno fel cynorthwy-ydd personol");
        pages.assertAccessibleInBothLanguages("join as a PA");
        openInWelsh();
        pages.type("displayName", "Siân P.");
        pages.type("email", EMAIL);
        pages.type("password", "short");
        pages.submit();
        assertThat(pages.errors()).isNotEmpty();
        pages.assertAccessible("join as a PA, refused");
        pages.type("password", PASSWORD);
        pages.submit();
        assertThat(pages.path()).isEqualTo("/sign-in");

        // --- and makes a profile (an unknown postcode first)
        signInAs(EMAIL, PASSWORD);
        pages.open("/pa/profile?lang=cy");
        pages.click(pages.browser.findElement(By.id("edit-profile")));
        openInWelsh();
        assertThat(pages.h1()).isEqualTo("Creu eich proffil");
        pages.assertAccessibleInBothLanguages("make a profile");
        openInWelsh();
        pages.type("about", "Rwy'n caru canu a phêl-droed <script>alert(1)</script>");
        tick("skills");
        pages.type("otherInterests", "canu corawl");
        for (String slot : new String[] {"availability", "availability-SAT_AFTERNOON", "availability-SAT_EVENING"}) {
            tick(slot);
        }
        pages.type("postcode", "ZZ9 9ZZ");
        pages.type("travelKm", "25");
        pages.type("hourlyRate", "13.00");
        pages.type("phone", "01234 567890");
        tick("gender");
        // one training record, first with a date in the future
        LocalDate nextYear = LocalDate.now().plusYears(1);
        pages.type("training-0-title", "Tystysgrif Gofal");
        pages.type("training-0-date-day", "12");
        pages.type("training-0-date-month", "3");
        pages.type("training-0-date-year", Integer.toString(nextYear.getYear()));
        pages.type("training-0-modules", "Deall eich rôl\nDyletswydd gofal");
        tick("codeOfConduct");
        pages.submit();
        assertThat(pages.errors()).hasSize(3).anySatisfy(e -> assertThat(e).contains("cod post"))
                .anySatisfy(e -> assertThat(e).contains("heddiw neu yn y gorffennol"));
        pages.assertAccessible("profile refused");
        assertThat(jdbc.sql("SELECT count(*) FROM pa_training t JOIN pa_profile p ON p.id = t.profile_id JOIN app_user u ON u.id = p.user_id "
                + "WHERE u.username = :e").param("e", EMAIL).query(Long.class).single()).as("nothing saved").isZero();
        pages.type("about", "Rwy'n caru canu a phêl-droed");
        pages.type("postcode", postcode);
        pages.type("training-0-date-year", "2025");
        pages.submit();
        assertThat(pages.path()).as(pages.whatThePageSays()).isEqualTo("/pa/profile");
        assertThat(pages.main()).contains("Mae eich proffil wedi'i gadw", "Menyw", "Tystysgrif Gofal", "Dyletswydd gofal");
        pages.assertAccessibleInBothLanguages("own profile, waiting for checks");
        long profile = jdbc.sql("SELECT p.id FROM pa_profile p JOIN app_user u ON u.id = p.user_id WHERE u.username = :e")
                .param("e", EMAIL).query(Long.class).single();

        // --- the DP team checks it; it goes live
        pages.signIn("dp-team@demo-wales");
        pages.open("/pa-checks?lang=cy");
        pages.assertAccessibleInBothLanguages("new PAs to check");
        pages.open("/pa-checks?lang=cy");
        assertThat(pages.main()).contains("Tystysgrif Gofal");
        WebElement form = pages.browser.findElement(By.cssSelector("form[action='/pa-checks/" + profile + "']"));
        form.findElement(By.cssSelector("label[for='identity-" + profile + "']")).click();
        pages.click(form.findElement(By.cssSelector("button")));
        assertThat(pages.errors()).isNotEmpty();
        form = pages.browser.findElement(By.cssSelector("form[action='/pa-checks/" + profile + "']"));
        form.findElement(By.cssSelector("label[for='identity-" + profile + "']")).click();
        form.findElement(By.cssSelector("label[for='references-" + profile + "']")).click();
        LocalDate dbs = LocalDate.now().minusMonths(2);
        pages.type("dbs-" + profile + "-day", Integer.toString(dbs.getDayOfMonth()));
        pages.type("dbs-" + profile + "-month", Integer.toString(dbs.getMonthValue()));
        pages.type("dbs-" + profile + "-year", Integer.toString(dbs.getYear()));
        pages.click(form.findElement(By.cssSelector("button")));
        assertThat(pages.main()).contains("Mae'r proffil yn fyw");
        assertThat(jdbc.sql("SELECT status FROM pa_profile WHERE id = :p").param("p", profile).query(String.class).single()).isEqualTo("LIVE");

        // --- a person posts a vacancy around what matters to them
        pages.signIn("citizen@demo-wales");
        pages.open("/my-vacancies?lang=cy");
        assertThat(pages.h1()).isEqualTo("Dod o hyd i gynorthwy-ydd personol");
        pages.assertAccessibleInBothLanguages("find a PA");
        pages.open("/my-vacancies?lang=cy");
        pages.click(pages.browser.findElements(By.cssSelector("a[id^='new-vacancy-']")).get(0));
        openInWelsh();
        pages.assertAccessibleInBothLanguages("post a vacancy");
        openInWelsh();
        pages.type("title", "Cyfaill canu ar ddydd Sadwrn");
        pages.type("outcomes", "Mynd i ymarfer côr bob dydd Sadwrn\nCwrdd â ffrindiau newydd");
        pages.type("otherInterests", "canu corawl");
        tick("availability-SAT_AFTERNOON");
        pages.type("maxDistanceKm", "20");
        pages.type("hoursPerWeek", "4");
        pages.type("hourlyRate", "11.00");
        LocalDate start = LocalDate.now().plusWeeks(2);
        pages.type("startDate-day", Integer.toString(start.getDayOfMonth()));
        pages.type("startDate-month", Integer.toString(start.getMonthValue()));
        pages.type("startDate-year", Integer.toString(start.getYear()));
        // a woman for intimate care, but personal care not asked for yet
        tick("mustGender");
        pages.submit();
        assertThat(pages.errors()).singleElement().asString().contains("gofal personol");
        pages.assertAccessible("vacancy refused: a gender without personal care");
        tick("skills");
        pages.submit();
        assertThat(pages.errors()).singleElement().asString().contains("Cyflog Byw Cenedlaethol");
        pages.assertAccessible("vacancy refused");
        pages.type("hourlyRate", "13.50");
        pages.submit();
        assertThat(pages.main()).contains("Mae eich swydd wedi'i hysbysebu", "Siân P.", "canu-corawl");
        pages.assertAccessibleInBothLanguages("matches with reasons");
        long vacancy = Long.parseLong(pages.path().replaceAll("\\D", ""));
        pages.open("/my-vacancies/" + vacancy + "?lang=cy&sharedInterest=true");
        String welshDbs = dbs.format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.forLanguageTag("cy")));
        assertThat(pages.main()).as("the council's checks, as a badge").contains("Wedi'i wirio gan y cyngor",
                "Hunaniaeth a geirdaon wedi'u gwirio; gwiriad DBS " + welshDbs);
        assertThat(pages.main()).contains("Siân P.", "Tystysgrif Gofal", "Deall eich rôl",
                "Hapus i fod yn gyflogedig neu'n hunangyflogedig").doesNotContain("01234 567890", EMAIL, "Menyw");
        pages.open("/my-vacancies/" + vacancy + "?lang=cy&basis=SELF_EMPLOYED");
        assertThat(pages.main()).as("happy either way: in both").contains("Siân P.");
        pages.assertAccessible("matches, self-employed only");
        pages.click(pages.browser.findElement(By.id("invite-" + profile)));
        assertThat(pages.main()).contains("Gwahoddwyd", "Tystysgrif Gofal", "Dyletswydd gofal", "Wedi'i wirio gan y cyngor",
                "Rhoi gwybod am y proffil hwn").doesNotContain("01234 567890", EMAIL);
        pages.assertAccessibleInBothLanguages("introduction, waiting");

        // --- the PA accepts; then both see each other's contact details
        signInAs(EMAIL, PASSWORD);
        pages.open("/introductions?lang=cy");
        pages.assertAccessibleInBothLanguages("introductions for the PA");
        pages.open("/introductions?lang=cy");
        pages.clickLink("Cyfaill canu ar ddydd Sadwrn");
        openInWelsh();
        assertThat(pages.main()).contains("Rydych wedi cael gwahoddiad", "Rhoi gwybod am y swydd hon")
                .doesNotContain("Rhoi gwybod am y proffil hwn");
        pages.submit();
        assertThat(pages.main()).contains("Yn siarad", "Manylion cyswllt");
        pages.assertAccessibleInBothLanguages("introduction, talking, as the PA");

        pages.signIn("citizen@demo-wales");
        pages.open("/introductions?lang=cy");
        pages.clickLink("Cyfaill canu ar ddydd Sadwrn");
        assertThat(pages.main()).contains("01234 567890", EMAIL);
        pages.assertAccessibleInBothLanguages("introduction, talking, as the employer");

        // --- the person hires the PA at the rate they agreed; their pay is one step away
        openInWelsh();
        pages.type("rate", "13.75");
        pages.type("start-day", Integer.toString(start.getDayOfMonth()));
        pages.type("start-month", Integer.toString(start.getMonthValue()));
        pages.type("start-year", Integer.toString(start.getYear()));
        pages.click(pages.browser.findElement(By.cssSelector("form[action$='/hire'] button")));
        assertThat(pages.main()).contains("Wedi cyflogi");
        pages.assertAccessible("hired");
        assertThat(jdbc.sql("SELECT agreed_hourly_rate_pence FROM pa_hire WHERE profile_id = :p").param("p", profile)
                .query(Long.class).single()).as("the rate of pay is recorded").isEqualTo(1375);
        pages.open("/my-employees?lang=cy");
        pages.clickLink("Trefnu cyflog ar gyfer Siân P. (£13.75 yr awr)");
        assertThat(pages.browser.findElement(By.id("hourlyRate")).getAttribute("value")).isEqualTo("13.75");
        assertThat(pages.browser.findElement(By.id("paEmail")).getAttribute("value")).isEqualTo(EMAIL);

        // --- a second vacancy; the PA reports it, the person reports the PA, the DP team suspends the PA then lifts it
        pages.open("/my-vacancies?lang=cy");
        pages.click(pages.browser.findElements(By.cssSelector("a[id^='new-vacancy-']")).get(0));
        openInWelsh();
        pages.type("title", "Cwmni i fynd i gyngherddau");
        pages.type("outcomes", "Mynd i gyngherddau yn y dref");
        pages.type("otherInterests", "canu corawl");
        tick("availability-SAT_AFTERNOON");
        pages.type("maxDistanceKm", "20");
        pages.type("hoursPerWeek", "3");
        pages.type("hourlyRate", "13.50");
        pages.date("startDate", start);
        pages.submit();
        assertThat(pages.main()).as(pages.whatThePageSays()).contains("Siân P.", "Wedi'i wirio gan y cyngor");
        long second = Long.parseLong(pages.path().replaceAll("\\D", ""));

        signInAs(EMAIL, PASSWORD);
        pages.open("/pa/vacancies?lang=cy");
        pages.click(pages.browser.findElement(By.id("report-" + second)));
        assertThat(pages.h1()).isEqualTo("Rhoi gwybod am y swydd hon");
        pages.assertAccessibleInBothLanguages("report a vacancy");
        openInWelsh();
        pages.type("reason", "Mae'n gofyn am dâl mewn arian parod");
        pages.submit();
        assertThat(pages.main()).contains("Diolch. Bydd y tîm taliadau uniongyrchol yn edrych ar hyn.");
        pages.assertAccessible("vacancy reported");

        pages.signIn("citizen@demo-wales");
        pages.open("/my-vacancies/" + second + "?lang=cy");
        pages.click(pages.browser.findElement(By.id("report-" + profile)));
        assertThat(pages.h1()).isEqualTo("Rhoi gwybod am y proffil hwn");
        assertThat(pages.main()).contains("Siân P.").doesNotContain("01234 567890");
        pages.assertAccessibleInBothLanguages("report a profile");
        openInWelsh();
        pages.submit();
        assertThat(pages.errors()).singleElement().asString().contains("Rhowch beth sydd o'i le");
        pages.assertAccessible("report refused");
        pages.type("reason", "Ni ddaeth i'r cyfarfod <b>dwywaith</b>");
        pages.submit();
        assertThat(pages.errors()).singleElement().asString().contains("heb y nodau < a >");
        pages.type("reason", "Ni ddaeth i'r cyfarfod dwywaith & ni atebodd");
        pages.submit();
        assertThat(pages.main()).contains("Diolch. Bydd y tîm taliadau uniongyrchol yn edrych ar hyn.");
        pages.assertAccessibleInBothLanguages("profile reported");
        long report = jdbc.sql("SELECT id FROM marketplace_report WHERE profile_id = :p").param("p", profile).query(Long.class).single();

        pages.signIn("dp-team@demo-wales");
        pages.open("/pa-checks?lang=cy");
        pages.click(pages.browser.findElement(By.id("pa-reports")));
        assertThat(pages.main()).contains("Adroddiadau am gynorthwywyr personol a swyddi", "Siân P.", "Ni ddaeth i'r cyfarfod dwywaith & ni atebodd",
                "Cwmni i fynd i gyngherddau", "Mae'n gofyn am dâl mewn arian parod", EMAIL, "citizen@demo-wales");
        pages.assertAccessibleInBothLanguages("reports");
        openInWelsh();
        pages.click(pages.browser.findElement(By.id("suspend-" + report)));
        assertThat(pages.errors()).singleElement().asString().contains("Rhowch pam rydych chi'n ei atal");
        pages.assertAccessible("suspension refused");
        assertThat(jdbc.sql("SELECT status FROM pa_profile WHERE id = :p").param("p", profile).query(String.class).single())
                .as("nothing changed").isEqualTo("LIVE");
        pages.type("reason-" + report, "Wedi methu dau gyfarfod heb ddweud");
        pages.click(pages.browser.findElement(By.id("suspend-" + report)));
        assertThat(pages.main()).contains("Mae'r proffil wedi'i atal");
        pages.assertAccessible("profile suspended");
        assertThat(jdbc.sql("SELECT status FROM pa_profile WHERE id = :p").param("p", profile).query(String.class).single())
                .isEqualTo("SUSPENDED");

        pages.signIn("citizen@demo-wales");
        pages.open("/my-vacancies/" + second + "?lang=cy");
        assertThat(pages.main()).as("a suspended PA leaves every match").doesNotContain("Siân P.");

        pages.signIn("dp-team@demo-wales");
        pages.open("/pa-checks/reports?lang=cy");
        pages.click(pages.browser.findElement(By.id("lift-" + report)));
        assertThat(pages.main()).contains("Mae'r ataliad wedi'i godi");
        pages.assertAccessible("suspension lifted");
        assertThat(jdbc.sql("SELECT status FROM pa_profile WHERE id = :p").param("p", profile).query(String.class).single())
                .as("checked again before it is live").isEqualTo("AWAITING_CHECKS");

        // --- a council administrator's match weights: a bad one refused, nothing saved
        pages.signIn("admin@demo-wales");
        pages.open("/council/settings?lang=cy");
        pages.click(pages.browser.findElement(By.id("match-weights")));
        assertThat(pages.h1()).isEqualTo("Sut mae cynorthwywyr personol a swyddi yn cael eu cyfateb");
        pages.assertAccessibleInBothLanguages("match weights");
        openInWelsh();
        String weightsBefore = jdbc.sql("SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM marketplace_match_weights")
                .query(String.class).single();
        pages.type("distance", "150");
        pages.submit();
        assertThat(pages.errors()).singleElement().asString().contains("Pellter: rhowch rif cyfan o 0 i 100");
        pages.assertAccessible("match weights refused");
        assertThat(jdbc.sql("SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM marketplace_match_weights")
                .query(String.class).single()).as("nothing saved").isEqualTo(weightsBefore);
    }
}
