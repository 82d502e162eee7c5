package org.dphub.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
 * Statements to spending in Chromium: finance imports a statement for the Welsh demo citizen
 * (a bad file first: every line named, nothing imported); the citizen, in Welsh, says what a
 * payment was for, and the next similar one is suggested. axe-core on every page, both languages.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpendingBrowserIT {

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

    @Test
    void financeImportsAStatementAndThePersonSaysWhatSpendingWasFor() throws Exception {
        long citizen = jdbc.sql("""
                        SELECT ca.citizen_id FROM citizen_access ca JOIN app_user u ON u.id = ca.user_id
                        WHERE u.username = 'citizen@demo-wales'""").query(Long.class).single();
        long account = jdbc.sql("SELECT id FROM dp_account WHERE citizen_id = :c ORDER BY id LIMIT 1")
                .param("c", citizen).query(Long.class).single();
        LocalDate day = LocalDate.now().minusDays(3);
        Path bad = Files.createTempFile("statement-bad", ".csv");
        Files.writeString(bad, "date,description,amount\n" + day + ",Cafe,-3.20\n31/02/2026,Nope,-1.00\n" + day + ",Too precise,1.005\n");
        Path good = Files.createTempFile("statement", ".csv");
        Files.writeString(good, "date,description,amount,transaction_id\n"
                + day + ",SWIM CENTRE 01,-4.80,SPEND-B1\n" + day.plusDays(1) + ",SWIM CENTRE 02,-4.80,SPEND-B2\n");
        long before = jdbc.sql("SELECT count(*) FROM account_transaction WHERE account_id = :a").param("a", account).query(Long.class).single();

        pages.signIn("finance@demo-wales");
        pages.open("/accounts/" + account + "?lang=en");
        pages.click(pages.browser.findElement(By.id("transactions-link")));
        pages.assertAccessibleInBothLanguages("transactions for finance");
        pages.click(pages.browser.findElement(By.id("import-statement")));
        pages.assertAccessibleInBothLanguages("import a statement");
        pages.browser.findElement(By.id("file")).sendKeys(bad.toString());
        pages.submit();
        assertThat(pages.browser.findElement(By.id("file-problems")).getText())
                .contains("Line 3: The date 31/02/2026 is not a real date", "Line 4:");
        pages.assertAccessible("import refused");
        assertThat(jdbc.sql("SELECT count(*) FROM account_transaction WHERE account_id = :a").param("a", account).query(Long.class).single())
                .isEqualTo(before);
        pages.browser.findElement(By.id("file")).sendKeys(good.toString());
        pages.submit();
        assertThat(pages.path()).isEqualTo("/accounts/" + account + "/transactions");
        assertThat(pages.main()).contains("2 transactions imported", "SWIM CENTRE 02");

        // --- the person, in Welsh, says what the first swim was for (after finance has gone)
        pages.signIn("citizen@demo-wales");
        pages.open("/my-spending?lang=cy");
        assertThat(pages.h1()).isEqualTo("Eich gwariant");
        pages.assertAccessibleInBothLanguages("your spending");
        long first = jdbc.sql("SELECT id FROM account_transaction WHERE account_id = :a AND transaction_id = 'SPEND-B1'")
                .param("a", account).query(Long.class).single();
        pages.open("/my-spending/" + first + "?lang=cy");
        assertThat(pages.h1()).isEqualTo("Beth oedd hwn ar ei gyfer?");
        pages.assertAccessibleInBothLanguages("what was this for");
        pages.submit();
        assertThat(pages.errors()).singleElement().asString().contains("Dewiswch beth oedd e ar ei gyfer");
        pages.assertAccessible("what was this for, with an error");
        pages.browser.findElements(By.cssSelector("input[name='outcome']")).get(0).findElement(By.xpath("following-sibling::label")).click();
        pages.type("note", "Nofio gyda ffrindiau");
        pages.submit();
        assertThat(pages.path()).isEqualTo("/my-spending");
        assertThat(pages.main()).contains("Diolch", "Nofio gyda ffrindiau");
        // the demo's own statement has suggestions too, so look at the second swim's row itself
        assertThat(pages.browser.findElement(By.xpath("//tr[td[contains(., 'SWIM CENTRE 02')]]")).getText()).contains("Awgrym");
        pages.assertAccessible("your spending after saying what it was for");

        // --- the person confirms their return, in Welsh (finance asked for returns)
        org.dphub.support.MoneyApi.ok(new org.dphub.support.Http(port).postJsonAs("finance@demo-wales",
                org.dphub.support.Http.DEMO_PASSWORD, "/api/v1/monitoring/returns", "{}"), 201);
        pages.signIn("citizen@demo-wales");
        pages.open("/my-spending?lang=cy");
        assertThat(pages.main()).contains("Eich ffurflenni");
        pages.click(pages.browser.findElement(By.cssSelector("a[href^='/my-spending/returns/']")));
        assertThat(pages.h1()).isEqualTo("Eich ffurflen");
        pages.assertAccessibleInBothLanguages("your return");
        pages.submit();
        assertThat(pages.errors()).singleElement().asString().contains("Ticiwch y blwch");
        pages.assertAccessible("your return with an error");
        pages.browser.findElement(By.cssSelector("input[name='looked'] + label")).click();
        pages.submit();
        assertThat(pages.main()).contains("Diolch. Mae eich ffurflen wedi", "Wedi");

        // --- finance asks for receipts (only a payment over £10 needs one); the person uploads a photo, in Welsh
        java.util.Map<String, Object> ret = jdbc.sql("SELECT id, period_start FROM financial_return WHERE account_id = :a ORDER BY id DESC LIMIT 1")
                .param("a", account).query().singleRow();
        long returnId = ((Number) ret.get("id")).longValue();
        LocalDate inPeriod = ((java.sql.Date) ret.get("period_start")).toLocalDate().plusDays(3);
        org.dphub.support.Http api = new org.dphub.support.Http(port);
        org.dphub.support.MoneyApi.ok(api.postMultipartAs("finance@demo-wales", org.dphub.support.Http.DEMO_PASSWORD,
                "/api/v1/accounts/" + account + "/transaction-imports", java.util.Map.of("format", "CSV"), "r.csv",
                ("date,description,amount,transaction_id\n" + inPeriod + ",GARDEN CENTRE,-45.00,SPEND-R1\n" + inPeriod
                        + ",PAPUR NEWYDD,-2.00,SPEND-R2\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)), 201);
        assertThat(api.postJsonAs("finance@demo-wales", org.dphub.support.Http.DEMO_PASSWORD,
                "/api/v1/returns/" + returnId + "/receipt-request", "{}").statusCode()).isEqualTo(204);
        pages.open("/my-spending/returns/" + returnId + "?lang=cy");
        assertThat(pages.main()).contains("Derbynebau rydym wedi gofyn amdanynt", "GARDEN CENTRE");
        // the demo's statement has other spending over £10 in the period too: look at these two lines
        long garden = jdbc.sql("SELECT id FROM account_transaction WHERE account_id = :a AND transaction_id = 'SPEND-R1'")
                .param("a", account).query(Long.class).single();
        long paper = jdbc.sql("SELECT id FROM account_transaction WHERE account_id = :a AND transaction_id = 'SPEND-R2'")
                .param("a", account).query(Long.class).single();
        By gardenReceipt = By.id("receipt-" + garden);
        assertThat(pages.browser.findElements(gardenReceipt)).as("the £45 payment needs a receipt").hasSize(1);
        assertThat(pages.browser.findElements(By.id("receipt-" + paper))).as("the £2 one does not").isEmpty();
        pages.assertAccessibleInBothLanguages("your return, receipts asked for");
        Path notAPhoto = Files.createTempFile("receipt", ".pdf");
        Files.write(notAPhoto, new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0});
        pages.open("/my-spending/returns/" + returnId + "?lang=cy");
        pages.browser.findElement(gardenReceipt).sendKeys(notAPhoto.toString());
        pages.click(pages.browser.findElement(gardenReceipt).findElement(By.xpath("ancestor::form//button")));
        assertThat(pages.errors()).singleElement().asString().contains("Rhaid i'r ffeil fod yn PDF");
        pages.assertAccessible("receipt refused");
        Path photo = Files.createTempFile("garden-centre", ".pdf");
        Files.writeString(photo, "%PDF-1.4\n%%EOF\n");
        pages.browser.findElement(gardenReceipt).sendKeys(photo.toString());
        pages.click(pages.browser.findElement(gardenReceipt).findElement(By.xpath("ancestor::form//button")));
        assertThat(pages.main()).contains("Wedi'i llwytho: " + photo.getFileName());
        assertThat(jdbc.sql("SELECT count(*) FROM return_receipt WHERE return_id = :r").param("r", returnId).query(Long.class).single())
                .isEqualTo(1);

        // --- finance asks a question; the person answers it online, in Welsh
        pages.signIn("finance@demo-wales");
        pages.open("/accounts/" + account + "?lang=en");
        pages.click(pages.browser.findElement(By.id("questions-link")));
        pages.assertAccessibleInBothLanguages("questions for staff");
        pages.submit();
        assertThat(pages.errors()).hasSize(1);
        pages.type("question", "What was the swim centre payment for?");
        pages.submit();
        assertThat(pages.main()).contains("The question is sent", "No answer yet");
        pages.signIn("citizen@demo-wales");
        pages.open("/my-spending?lang=cy");
        assertThat(pages.main()).contains("Cwestiynau gan y cyngor", "Yn aros am eich ateb");
        pages.clickLink("What was the swim centre payment for?");
        pages.assertAccessibleInBothLanguages("answer a question");
        pages.type("answer", "Gwersi nofio gyda fy ffrind");
        pages.submit();
        assertThat(pages.main()).contains("Diolch. Mae eich ateb wedi", "Wedi");
        pages.signIn("finance@demo-wales");
        pages.open("/accounts/" + account + "/questions?lang=en");
        assertThat(pages.main()).contains("Gwersi nofio gyda fy ffrind");

        // --- someone else's transaction is not theirs to see
        org.dphub.support.Http http = new org.dphub.support.Http(port);
        long otherAccount = new org.dphub.support.MoneyApi(http).activeWeekly("practitioner@demo-england", "Other", day,
                "BANK_ACCOUNT", 5_000, "en").accountId();
        org.dphub.support.MoneyApi.ok(http.postMultipartAs("finance@demo-england", org.dphub.support.Http.DEMO_PASSWORD,
                "/api/v1/accounts/" + otherAccount + "/transaction-imports", java.util.Map.of("format", "CSV"), "o.csv",
                ("date,description,amount\n" + day + ",Someone else's shop,-1.00\n").getBytes(java.nio.charset.StandardCharsets.UTF_8)), 201);
        long other = jdbc.sql("SELECT min(t.id) FROM account_transaction t WHERE t.account_id = :a").param("a", otherAccount)
                .query(Long.class).single();
        pages.signIn("citizen@demo-wales");
        pages.open("/my-spending/" + other);
        assertThat(pages.h1()).isIn("Page not found", "Heb ddod o hyd i''r dudalen", "Heb ddod o hyd i'r dudalen");
    }
}
