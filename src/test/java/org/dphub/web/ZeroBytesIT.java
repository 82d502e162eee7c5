package org.dphub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.sql.SQLException;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A zero byte sent (%00 in an address or a form, U+0000 in JSON) is a 400 that says what to remove,
 * on pages in English and Welsh and on the API, and nothing is saved ({@link ZeroBytes}). It was a
 * 500: PostgreSQL cannot keep one in text. Found by sending odd values to every page's parameters as
 * each demo user.
 */
@IntegrationTest
class ZeroBytesIT {

    static final String SAYS_SO = "a zero byte, sometimes written %00";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aZeroByteInAnAddressIsA400ThatSaysSoOnPagesAndOnTheApi() {
        HttpResponse<String> page = http.get("/directory?q=caf%00e", "Accept", "text/html", "Cookie", "dphub-language=en");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("There is a problem with your request", SAYS_SO);
        assertThat(http.get("/directory?q=%00", "Accept", "text/html", "Cookie", "dphub-language=cy").body())
                .contains("beit sero, weithiau wedi&#39;i ysgrifennu fel %00");
        String signedIn = http.signIn("citizen@demo-england", Http.DEMO_PASSWORD);
        HttpResponse<String> search = http.get("/information/search?q=%00", "Accept", "text/html", "Cookie", signedIn);
        assertThat(search.statusCode()).as("a signed-in page").isEqualTo(400);
        assertThat(search.body()).contains(SAYS_SO);

        HttpResponse<String> api = http.get("/api/v1/directory/search?q=%00");
        assertThat(api.statusCode()).isEqualTo(400);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(api.body()).contains("zero byte", "Remove it", "Nothing was saved");
        assertThat(http.get("/directory?q=cafe", "Accept", "text/html").statusCode()).as("without one, as ever").isEqualTo(200);
    }

    @Test
    void aZeroByteInAFormIsRefusedBeforeAnythingReadsItAndNothingIsSaved() {
        String signedIn = http.signIn("citizen@demo-england", Http.DEMO_PASSWORD);
        String form = http.get("/help/ask", "Cookie", signedIn).body();
        long before = jdbc.sql("SELECT count(*) FROM help_request").query(Long.class).single();
        HttpResponse<String> sent = http.postForm("/help/ask", "kind=OTHER&text=Zero%00byte&_csrf=" + Http.encode(Http.csrfToken(form)),
                "Cookie", signedIn, "Accept", "text/html");
        assertThat(sent.statusCode()).isEqualTo(400);
        assertThat(sent.body()).contains(SAYS_SO);
        assertThat(jdbc.sql("SELECT count(*) FROM help_request").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aZeroByteInJsonIsRefusedWhenPostgreSqlRefusesItAndNothingIsSaved() {
        String family = "Zerobyte" + System.nanoTime();
        long before = jdbc.sql("SELECT count(*) FROM citizen").query(Long.class).single();
        HttpResponse<String> sent = http.postJsonAs("practitioner@demo-england", Http.DEMO_PASSWORD, "/api/v1/citizens",
                "{\"givenName\": \"Tom\\u0000\", \"familyName\": \"" + family + "\", \"dateOfBirth\": \"1961-07-02\","
                        + " \"postcode\": \"SY1 1AA\", \"preferredLanguage\": \"en\"}");
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(400);
        assertThat(sent.body()).contains("zero byte", "\\\\u0000 in JSON", "Nothing was saved");
        assertThat(jdbc.sql("SELECT count(*) FROM citizen").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void onlyPostgreSqlsRefusalOfAZeroByteIsCalledOne() {
        assertThat(ZeroBytes.refusedByTheDatabase(new DataIntegrityViolationException("x",
                new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021")))).isTrue();
        assertThat(ZeroBytes.refusedByTheDatabase(new DataIntegrityViolationException("x",
                new SQLException("duplicate key value", "23505")))).isFalse();
        assertThat(ZeroBytes.refusedByTheDatabase(new IllegalStateException("no database at all"))).isFalse();
    }
}
