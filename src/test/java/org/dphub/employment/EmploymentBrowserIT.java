package org.dphub.employment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Being an employer, in Chromium and in Welsh: the person adds their PA (a rate under the minimum
 * wage is refused first); the PA, from their phone, sends a timesheet (25 hours in a day refused
 * first); the employer approves it, pays it, renews the insurance and ends the employment (a missing
 * last day refused first). axe-core on every page, both languages.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmploymentBrowserIT {

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

    void date(String id, LocalDate date) {
        pages.type(id + "-day", Integer.toString(date.getDayOfMonth()));
        pages.type(id + "-month", Integer.toString(date.getMonthValue()));
        pages.type(id + "-year", Integer.toString(date.getYear()));
    }

    void choose(String id) {
        pages.browser.findElement(By.cssSelector("label[for='" + id + "']")).click();
    }

    @Test
    void anEmployerAddsTheirPaWhoSendsATimesheetThatTheEmployerApproves() {
        LocalDate start = LocalDate.now().minusDays(10);
        pages.signIn("citizen@demo-wales");
        pages.open("/home?lang=cy");
        pages.clickLink("Eich cynorthwywyr personol");
        assertThat(pages.h1()).isEqualTo("Eich cynorthwywyr personol");
        pages.assertAccessibleInBothLanguages("your PAs");

        // --- can the budget pay for a PA? A rate under the minimum wage is refused first
        pages.open("/my-employees?lang=cy");
        pages.click(pages.browser.findElements(By.cssSelector("a[id^='budget-for-']")).get(0));
        assertThat(pages.h1()).isEqualTo("Gwirio faint fyddai cynorthwy-ydd personol yn ei gostio");
        pages.assertAccessibleInBothLanguages("check what a PA would cost");
        openInWelsh();
        pages.type("hours", "0");
        pages.type("rate", "10.00");
        pages.submit();
        assertThat(pages.errors()).containsExactly("Rhowch yr oriau yr wythnos fel rhif o 0.5 i 100, fel 20 neu 7.5");
        assertThat(pages.browser.findElements(By.id("budget-answer"))).isEmpty();
        pages.assertAccessible("budget check, refused");
        pages.type("hours", "20");
        pages.submit();
        assertThat(pages.errors()).singleElement().asString().contains("Rhaid i''r gyfradd yr awr fod yn £12.71 o leiaf".replace("''", "'"));
        assertThat(pages.browser.findElements(By.id("budget-answer"))).as("nothing but the error").isEmpty();
        pages.assertAccessible("budget check, under the minimum wage");
        pages.type("rate", "13.50");
        pages.submit();
        assertThat(pages.browser.findElement(By.id("budget-answer")).getText())
                .matches("Ydy, mae hyn o fewn eich cyllideb, gyda £[\\d,]+\\.\\d\\d y flwyddyn dros ben"
                        + "|Mae hyn yn costio £[\\d,]+\\.\\d\\d y flwyddyn yn fwy na'ch cyllideb ar gyfer cymorth â thâl");
        assertThat(pages.main()).contains("Cyflog: 20 awr ar £13.50 yr awr", "£270.00", "£14,040.00", "Lwfans Cyflogaeth", "Cyfanswm y gost");
        assertThat(pages.browser.findElements(By.cssSelector("#budget-chart meter"))).hasSize(2);
        assertThat(java.net.URI.create(pages.browser.getCurrentUrl()).getQuery()).as("the answer can be bookmarked")
                .contains("hours=20", "rate=13.50");
        pages.assertAccessibleInBothLanguages("budget check, the answer");
        pages.assertFitsAPhone("budget check, the answer and its chart");

        pages.open("/my-employees?lang=cy");
        pages.click(pages.browser.findElements(By.cssSelector("a[id^='add-for-']")).get(0));
        assertThat(pages.h1()).isEqualTo("Ychwanegu cynorthwy-ydd personol rydych yn ei gyflogi");
        assertThat(pages.browser.findElement(By.id("budget-first")).getText()).isEqualTo("Gwiriwch eich cyllideb yn gyntaf");
        pages.assertAccessibleInBothLanguages("add a PA");
        java.net.URI here = java.net.URI.create(pages.browser.getCurrentUrl());
        pages.open(here.getPath() + "?" + here.getQuery().replace("lang=en", "lang=cy"));

        pages.type("paGivenName", "Siân");
        pages.type("paFamilyName", "Morgan");
        date("paDateOfBirth", LocalDate.of(1992, 6, 14));
        pages.type("paEmail", "pa@demo-wales");
        date("startedOn", start);
        pages.type("hourlyRate", "11.50");
        choose("hoursKind");
        pages.type("contractedHours", "16");
        pages.type("elInsurer", "Yswiriant Gofal Cymru");
        pages.type("elPolicyNumber", "EL-778");
        date("elExpiresOn", LocalDate.now().plusMonths(8));
        pages.submit();
        assertThat(pages.errors()).as("the rate, and no tax code nor starter checklist statement").hasSize(2);
        assertThat(pages.errors().get(0)).contains("Rhaid i''r gyfradd yr awr fod yn £12.71 o leiaf".replace("''", "'"));
        assertThat(pages.errors().get(1)).contains("rhestr wirio dechreuwr");
        pages.assertAccessible("add a PA, refused");
        assertThat(jdbc.sql("SELECT count(*) FROM pa_employment WHERE pa_given_name = 'Siân'").query(Long.class).single()).isZero();
        pages.type("hourlyRate", "13.20");
        choose("starterDeclaration"); // A: her first job since 6 April, no P45: the emergency code
        pages.submit();
        assertThat(pages.main()).contains("Mae Siân Morgan wedi'i ychwanegu", "1257L", "16 awr yr wythnos");
        pages.assertAccessibleInBothLanguages("a PA's page");

        // --- the PA sends a timesheet from their phone
        pages.signIn("pa@demo-wales");
        pages.open("/home?lang=cy");
        pages.clickLink("Eich gwaith");
        assertThat(pages.main()).contains("Yn gweithio i");
        pages.assertAccessibleInBothLanguages("your work");
        pages.open("/pa/work?lang=cy");
        pages.browser.manage().window().setSize(new org.openqa.selenium.Dimension(400, 900));
        // the demo PA already works for this person (the demo world); this timesheet is for the job just added
        long job = jdbc.sql("SELECT id FROM pa_employment WHERE pa_given_name = 'Siân'").query(Long.class).single();
        pages.click(pages.browser.findElement(By.id("send-" + job)));
        assertThat(pages.h1()).isEqualTo("Anfon taflen amser");
        pages.assertAccessibleInBothLanguages("send a timesheet");
        pages.open(pages.path() + "?lang=cy");
        pages.type("day-2", "25");
        pages.type("day-3", "6.5");
        pages.type("day-3-note", "Mynd i''r farchnad".replace("''", "'"));
        pages.submit();
        assertThat(pages.errors()).singleElement().asString().contains("Dim ond 24 awr sydd mewn diwrnod");
        pages.assertAccessible("timesheet refused");
        pages.type("day-2", "7:30");
        pages.submit();
        assertThat(pages.path()).isEqualTo("/pa/work");
        assertThat(pages.main()).contains("Mae eich taflen amser wedi'i hanfon", "14 awr", "I'w gwirio");
        pages.browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));

        // --- the employer approves it
        pages.signIn("citizen@demo-wales");
        pages.open("/my-employees?lang=cy");
        pages.clickLink("Siân Morgan");
        assertThat(pages.main()).contains("Mynd i'r farchnad", "7.5", "6.5");
        pages.assertAccessibleInBothLanguages("a PA's page with a timesheet");
        pages.open(pages.path() + "?lang=cy");
        pages.submit();
        assertThat(pages.main()).contains("Wedi'i chymeradwyo");
        pages.assertAccessible("timesheet approved");
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM timesheet_decision x JOIN timesheet t ON t.id = x.timesheet_id
                        JOIN pa_employment e ON e.id = t.employment_id WHERE e.pa_given_name = 'Siân' AND x.decision = 'APPROVED'""")
                .query(Long.class).single()).isEqualTo(1);

        // --- the employer works out the pay, checks it and approves it; both read the payslip in Welsh
        pages.open("/my-employees?lang=cy");
        pages.click(pages.browser.findElements(By.cssSelector("a[id^='pay-for-']")).get(0));
        assertThat(pages.h1()).isEqualTo("Talu eich cynorthwywyr personol");
        pages.assertAccessibleInBothLanguages("pay your PAs");
        openInWelsh();
        pages.submit();
        assertThat(pages.h1()).as(pages.whatThePageSays()).isEqualTo("Cyflogres");
        assertThat(pages.main()).contains("Slip cyflog i Siân Morgan", "I CThEF", "£184.80");
        pages.assertAccessibleInBothLanguages("a payroll to approve");
        openInWelsh();
        pages.submit();
        assertThat(pages.main()).contains("Wedi'i chymeradwyo", "o'r rhan hon o'ch cynllun: Cymorth gan gynorthwy-ydd personol");
        assertThat(pages.browser.findElement(By.id("summary-pdf")).getAttribute("href")).endsWith(".pdf");
        pages.clickLink("Slip cyflog i Siân Morgan");
        assertThat(pages.main()).contains("Cyflog clir", "Oriau a weithiwyd: 14.00 awr ar £13.20 yr awr", "1257L");
        pages.assertAccessibleInBothLanguages("a payslip, for the employer");

        pages.signIn("pa@demo-wales");
        pages.open("/pa/work?lang=cy");
        assertThat(pages.main()).contains("Eich slipiau cyflog");
        pages.click(pages.browser.findElement(By.cssSelector("a[href^='/payslips/']")));
        openInWelsh();
        assertThat(pages.main()).contains("Slip cyflog i Siân Morgan", "Cyflog clir");
        pages.assertAccessibleInBothLanguages("a payslip, for the PA");
        assertThat(pages.browser.findElement(By.id("payslip-pdf")).getAttribute("href")).endsWith(".pdf");

        // --- the employer records renewed insurance (an end date in the past is refused first)
        pages.signIn("citizen@demo-wales");
        pages.open("/my-employees?lang=cy");
        pages.clickLink("Siân Morgan");
        pages.click(pages.browser.findElement(By.cssSelector("a[href$='/insurance']")));
        assertThat(pages.h1()).isEqualTo("Cofnodi eich yswiriant wedi'i adnewyddu");
        pages.assertAccessibleInBothLanguages("record renewed insurance");
        openInWelsh();
        pages.type("elPolicyNumber", "EL-779");
        date("elExpiresOn", LocalDate.now().minusDays(1));
        pages.submit();
        assertThat(pages.errors()).singleElement().asString().contains("Mae yswiriant atebolrwydd y cyflogwr wedi dod i ben");
        pages.assertAccessible("record renewed insurance, refused");
        LocalDate renewedTo = LocalDate.now().plusMonths(20);
        date("elExpiresOn", renewedTo);
        pages.submit();
        assertThat(pages.main()).contains("Yswiriant wedi'i gadw", "EL-779");
        pages.assertAccessible("a PA's page, insurance renewed");

        // --- the DP team, from the person's page, sees the PAs and the payroll on the employer's behalf
        long employer = jdbc.sql("SELECT citizen_id FROM pa_employment WHERE pa_given_name = 'Siân'").query(Long.class).single();
        pages.signIn("dp-team@demo-wales");
        pages.open("/citizens/" + employer + "?lang=cy");
        assertThat(pages.main()).contains("Cynorthwywyr personol y maent yn eu cyflogi", "Siân Morgan");
        pages.click(pages.browser.findElement(By.id("employment-on-behalf")));
        assertThat(pages.h1()).startsWith("Cynorthwywyr personol a gyflogir gan");
        assertThat(pages.main()).contains("Siân Morgan");
        pages.assertAccessibleInBothLanguages("PAs, for the DP team");
        pages.open("/my-employees?citizen=" + employer + "&lang=cy");
        pages.click(pages.browser.findElement(By.id("pay-for-" + employer)));
        assertThat(pages.main()).contains("Wedi'i chymeradwyo");
        // another council's DP team, and staff who do not act for employers, see nothing of it
        pages.signIn("dp-team@demo-england");
        pages.open("/my-employees?citizen=" + employer);
        assertThat(pages.main()).doesNotContain("Siân Morgan");
        pages.signIn("finance@demo-wales");
        pages.open("/my-employees?citizen=" + employer);
        assertThat(pages.main()).doesNotContain("Siân Morgan");

        // --- the employer ends Siân's employment (a missing last day refused first); she sees it ended
        pages.signIn("citizen@demo-wales");
        pages.open("/my-employees?lang=cy");
        pages.clickLink("Siân Morgan");
        pages.click(pages.browser.findElement(By.id("end-employment")));
        assertThat(pages.h1()).isEqualTo("Dod â chyflogaeth Siân Morgan i ben");
        pages.assertAccessibleInBothLanguages("end an employment");
        openInWelsh();
        pages.submit();
        assertThat(pages.errors()).containsExactly("Rhowch diwrnod olaf y cynorthwy-ydd personol");
        pages.assertAccessible("end an employment, refused");
        date("lastDay", LocalDate.now());
        pages.submit();
        assertThat(pages.main()).contains("Rydych wedi dod â chyflogaeth Siân Morgan i ben", "Yn dod i ben ar");
        assertThat(pages.browser.findElements(By.id("end-employment"))).isEmpty();
        pages.assertAccessibleInBothLanguages("a PA's page, employment ended");
        pages.open("/my-employees?lang=cy");
        assertThat(pages.main()).contains("Yn gadael ar");
        pages.signIn("pa@demo-wales");
        pages.open("/pa/work?lang=cy");
        assertThat(pages.main()).contains("Eich diwrnod olaf yw");
        pages.assertAccessibleInBothLanguages("your work, an employment ending");
    }

    void openInWelsh() {
        java.net.URI here = java.net.URI.create(pages.browser.getCurrentUrl());
        String query = here.getQuery() == null ? "" : here.getQuery().replaceAll("&?lang=[a-z]+", "");
        pages.open(here.getPath() + "?" + (query.isEmpty() ? "" : query + "&") + "lang=cy");
    }
}
