package org.dphub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A file over the upload limit (DPHUB_MAX_UPLOAD_SIZE, 20 MB) sent to real upload forms over real
 * HTTP: the answer is the GOV.UK "file is too big" page saying how big a file may be, in English
 * and Welsh, with a way back to the form — not Tomcat's bare "HTTP Status 413", and not a reset
 * connection — and nothing is imported. The API answers problem+json.
 */
@IntegrationTest
class UploadLimitIT {

    static final long SIXTY_MB = 60_000_000L;
    static final long THIRTY_MB = 30_000_000L;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    long englandAccount() {
        return jdbc.sql("""
                SELECT a.id FROM dp_account a JOIN council k ON k.id = a.council_id
                WHERE k.code = 'demo-england' ORDER BY a.id LIMIT 1""").query(Long.class).single();
    }

    long transactionsOf(long account) {
        return jdbc.sql("SELECT count(*) FROM account_transaction WHERE account_id = :a").param("a", account).query(Long.class).single();
    }

    static void assertGovukPage(HttpResponse<String> page) {
        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.headers().firstValue("Content-Security-Policy")).as("the usual security headers").isPresent();
        assertThat(page.body()).contains("govuk-template").doesNotContain("HTTP Status 413")
                .doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void aSixtyMegabyteStatementGetsTheFileIsTooBigPageInEnglishAndWelshAndNothingIsImported() {
        long account = englandAccount();
        String session = http.signIn("finance@demo-england", Http.DEMO_PASSWORD);
        String form = "/accounts/" + account + "/statements/new";
        HttpResponse<String> formPage = http.get(form, "Cookie", session);
        assertThat(formPage.statusCode()).isEqualTo(200);
        String token = Http.csrfToken(formPage.body());
        long before = transactionsOf(account);

        HttpResponse<String> english = http.postFormWithFile(form, Map.of("_csrf", token, "format", "CSV"), "statement.csv", SIXTY_MB,
                "Cookie", session, "Accept", "text/html", "Referer", "http://localhost:" + port + form);
        assertGovukPage(english);
        assertThat(english.body()).contains("<title>The file is too big").contains("The file must be smaller than 20 MB.")
                .contains("href=\"" + form + "\"").contains("Go back to the page");

        HttpResponse<String> welsh = http.postFormWithFile(form, Map.of("_csrf", token, "format", "CSV"), "statement.csv", THIRTY_MB,
                "Cookie", session + "; dphub-language=cy", "Accept", "text/html", "Referer", "http://localhost:" + port + form);
        assertGovukPage(welsh);
        assertThat(welsh.body()).contains("lang=\"cy\"").contains("Mae&#39;r ffeil yn rhy fawr")
                .contains("Rhaid i&#39;r ffeil fod yn llai na 20 MB.");

        assertThat(transactionsOf(account)).as("nothing was imported").isEqualTo(before);
        assertThat(http.get(form, "Cookie", session).statusCode()).as("still signed in, the form opens again").isEqualTo(200);
    }

    @Test
    void aTooBigReceiptPhotoGetsTheSamePage() {
        long citizen = jdbc.sql("""
                SELECT ca.citizen_id FROM citizen_access ca JOIN app_user u ON u.id = ca.user_id
                WHERE u.username = 'citizen@demo-england' AND ca.relationship = 'SELF'""").query(Long.class).single();
        long returnId = jdbc.sql("""
                        SELECT r.id FROM financial_return r JOIN dp_account a ON a.id = r.account_id
                        WHERE a.citizen_id = :c ORDER BY r.id LIMIT 1""").param("c", citizen).query(Long.class).optional()
                .orElseGet(() -> {
                    assertThat(http.postJsonAs("finance@demo-england", Http.DEMO_PASSWORD, "/api/v1/monitoring/returns", "{}")
                            .statusCode()).isEqualTo(201);
                    return jdbc.sql("""
                            SELECT r.id FROM financial_return r JOIN dp_account a ON a.id = r.account_id
                            WHERE a.citizen_id = :c ORDER BY r.id LIMIT 1""").param("c", citizen).query(Long.class).single();
                });
        String session = http.signIn("citizen@demo-england", Http.DEMO_PASSWORD);
        String page = "/my-spending/returns/" + returnId;
        HttpResponse<String> returnPage = http.get(page, "Cookie", session);
        assertThat(returnPage.statusCode()).isEqualTo(200);
        long receipts = jdbc.sql("SELECT count(*) FROM return_receipt WHERE return_id = :r").param("r", returnId).query(Long.class).single();

        HttpResponse<String> answer = http.postFormWithFile(page + "/receipts",
                Map.of("_csrf", Http.csrfToken(returnPage.body()), "transactionId", "1"), "receipt.jpg", THIRTY_MB,
                "Cookie", session, "Accept", "text/html", "Referer", "http://localhost:" + port + page);
        assertGovukPage(answer);
        assertThat(answer.body()).contains("The file must be smaller than 20 MB.").contains("href=\"" + page + "\"");
        assertThat(jdbc.sql("SELECT count(*) FROM return_receipt WHERE return_id = :r").param("r", returnId).query(Long.class).single())
                .isEqualTo(receipts);
    }

    @Test
    void theApiAnswersProblemJsonAndStillAsksWhoIsCallingFirst() {
        long account = englandAccount();
        String path = "/api/v1/accounts/" + account + "/transaction-imports";
        HttpResponse<String> tooBig = http.postFormWithFile(path, Map.of("format", "CSV"), "statement.csv", THIRTY_MB,
                "Authorization", Http.basic("finance@demo-england", Http.DEMO_PASSWORD), "Accept", "application/json");
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(tooBig.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(tooBig.body()).contains("\"status\":413").contains("larger than the 20 MB limit").contains("Nothing was saved");

        HttpResponse<String> nobody = http.postFormWithFile(path, Map.of("format", "CSV"), "statement.csv", THIRTY_MB,
                "Accept", "application/json");
        assertThat(nobody.statusCode()).as("no credentials: refused before the body is read").isEqualTo(401);
    }
}
