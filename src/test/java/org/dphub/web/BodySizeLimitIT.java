package org.dphub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * JSON bodies are capped (DPHUB_MAX_JSON_SIZE, 1 MB) before they are read: an outside probe sent
 * 60 MB to {@code POST /api/v1/citizens}, which was read and parsed whole before its 422. Over the
 * limit the answer is 413 problem+json saying the limit, nothing is created, with or without a
 * Content-Length; a body under it works as before; a caller refused by the address (no
 * credentials, a national analyst) is still refused first; a feed posted as a whole JSON file
 * keeps the upload limit; a page answers its 413 page.
 */
@IntegrationTest
class BodySizeLimitIT {

    static final String PRACTITIONER = "practitioner@demo-england";
    static final int TWO_MB = 2 * 1024 * 1024;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    /** A citizen whose family name makes the body {@code size} bytes long: valid JSON, valid but for its length. */
    static byte[] citizen(String familyName, int size) {
        String head = "{\"givenName\": \"Tom\", \"dateOfBirth\": \"1961-07-02\", \"postcode\": \"SY1 1AA\", \"preferredLanguage\": \"en\", "
                + "\"familyName\": \"" + familyName;
        String tail = "\"}";
        int padding = Math.max(0, size - head.length() - tail.length());
        return (head + "x".repeat(padding) + tail).getBytes(StandardCharsets.UTF_8);
    }

    long citizens() {
        return jdbc.sql("SELECT count(*) FROM citizen").query(Long.class).single();
    }

    long citizensNamed(String familyNameStart) {
        return jdbc.sql("SELECT count(*) FROM citizen WHERE family_name LIKE :name || '%'").param("name", familyNameStart)
                .query(Long.class).single();
    }

    HttpResponse<String> postCitizen(byte[] body, boolean chunked, String... credentials) {
        String[] headers = new String[credentials.length + 4];
        headers[0] = "Content-Type";
        headers[1] = "application/json";
        headers[2] = "Accept";
        headers[3] = "application/json";
        System.arraycopy(credentials, 0, headers, 4, credentials.length);
        return http.post("/api/v1/citizens", chunked
                ? BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : BodyPublishers.ofByteArray(body), headers);
    }

    static void assertTooLarge(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(413);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"status\":413")
                .contains("The request body is larger than the 1 MB limit. Send at most 1 MB. Nothing was saved.");
        assertThat(answer.headers().firstValue("Content-Security-Policy")).as("the API's security headers").isPresent();
    }

    @Test
    void aTwoMegabyteJsonBodyIs413ProblemJsonAndCreatesNobody() {
        long before = citizens();
        HttpResponse<String> answer = postCitizen(citizen("Toolong", TWO_MB), false, "Authorization", Http.basic(PRACTITIONER, Http.DEMO_PASSWORD));
        assertTooLarge(answer);
        assertThat(citizens()).as("nobody was created").isEqualTo(before);
    }

    @Test
    void aChunkedBodyWithNoLengthIsCountedAndRefusedTheSame() {
        long before = citizens();
        HttpResponse<String> answer = postCitizen(citizen("Chunkedtoolong", TWO_MB), true,
                "Authorization", Http.basic(PRACTITIONER, Http.DEMO_PASSWORD));
        assertTooLarge(answer);
        assertThat(citizens()).isEqualTo(before);
        assertThat(citizensNamed("Chunkedtoolong")).isZero();
    }

    @Test
    void bodiesUnderTheLimitWorkAsBeforeWithOrWithoutALength() {
        String name = "Withinlimit" + System.nanoTime();
        HttpResponse<String> sized = postCitizen(citizen(name, 0), false, "Authorization", Http.basic(PRACTITIONER, Http.DEMO_PASSWORD));
        assertThat(sized.statusCode()).as(sized.body()).isEqualTo(201);
        HttpResponse<String> chunked = postCitizen(citizen(name, 0), true, "Authorization", Http.basic(PRACTITIONER, Http.DEMO_PASSWORD));
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(201);
        assertThat(citizensNamed(name)).isEqualTo(2);

        // just under the limit: read and checked as ever (the family name is too long: 422 naming the field)
        HttpResponse<String> large = postCitizen(citizen(name, 1024 * 1024 - 10), true,
                "Authorization", Http.basic(PRACTITIONER, Http.DEMO_PASSWORD));
        assertThat(large.statusCode()).isEqualTo(422);
        assertThat(large.body()).contains("\"field\":\"familyName\"");
        assertThat(citizensNamed(name)).isEqualTo(2);
    }

    @Test
    void whoIsCallingIsAskedFirst() {
        HttpResponse<String> nobody = postCitizen(citizen("Nobody", TWO_MB), false);
        assertThat(nobody.statusCode()).as("no credentials: 401 before the body is looked at").isEqualTo(401);
        HttpResponse<String> analyst = postCitizen(citizen("Nobody", TWO_MB), false,
                "Authorization", Http.basic("analyst@dphub", Http.DEMO_PASSWORD));
        assertThat(analyst.statusCode()).as("refused by the address (a national analyst): 403 before the body is looked at")
                .isEqualTo(403);
    }

    @Test
    void aFeedPostedAsAWholeJsonFileKeepsTheUploadLimit() {
        byte[] feed = ("{\"total_items\": 0, \"contents\": [], \"note\": \"" + "x".repeat(TWO_MB) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.post("/api/v1/directory/imports", BodyPublishers.ofByteArray(feed),
                "Content-Type", "application/json", "Accept", "application/json",
                "Authorization", Http.basic("dp-team@demo-england", Http.DEMO_PASSWORD));
        assertThat(answer.statusCode()).as(answer.body()).isNotEqualTo(413).isLessThan(500);
        assertThat(answer.body()).doesNotContain("request body is larger");
    }

    @Test
    void aPageSentATooLargeBodyGetsThe413PageAndChangesNothing() {
        String session = http.signIn("admin@demo-england", Http.DEMO_PASSWORD);
        String settings = settings();
        HttpResponse<String> page = http.post("/council/settings/edit", BodyPublishers.ofByteArray(citizen("Page", TWO_MB)),
                "Content-Type", "application/json", "Accept", "text/html", "Cookie", session);
        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("govuk-template").doesNotContain("HTTP Status 413").doesNotContain("Exception");
        assertThat(settings()).isEqualTo(settings);
        assertThat(http.get("/council/settings/edit", "Cookie", session).statusCode()).as("still signed in").isEqualTo(200);
    }

    String settings() {
        return jdbc.sql("""
                SELECT s::text FROM council_settings s JOIN council k ON k.id = s.council_id
                WHERE k.code = 'demo-england'""").query(String.class).single();
    }
}
