package org.dphub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A form sent from a page left open until the session ended carries a CSRF token the server no
 * longer knows. The person is told the page was open too long and what to do — in the layout, in
 * their language, still 403, never "You cannot see this page" and never a stack trace — and
 * nothing is changed. Other refusals keep their own page.
 */
@IntegrationTest
class ExpiredFormIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    static void assertFormExpiredPage(HttpResponse<String> page) {
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("govuk-template").doesNotContain("You cannot see this page")
                .doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void aSignInFormLeftOpenTooLongSaysSoAndOffersToSignInAgain() {
        // the browser's own token cookie, but the token on the page is not the one in it (a page from before)
        HttpResponse<String> signInPage = http.get("/sign-in");
        String fresh = Http.FORM_COOKIE + "=" + Http.cookie(signInPage, Http.FORM_COOKIE);
        String stale = Http.csrfToken(signInPage.body()).substring(1) + "x";
        HttpResponse<String> english = http.postForm("/sign-in", "username=finance%40demo-england&password=demo-password-2026&_csrf=" + stale,
                "Cookie", fresh, "Accept", "text/html");
        assertFormExpiredPage(english);
        assertThat(english.body()).contains("<title>The page was open for too long").contains("Nothing was saved.")
                .contains("href=\"/sign-in\"").contains("Sign in again");
        assertThat(english.headers().firstValue("Location")).as("not signed in by a stale form").isEmpty();

        // no token cookie and no token at all, in Welsh
        HttpResponse<String> welsh = http.postForm("/sign-in", "username=finance%40demo-england&password=demo-password-2026",
                "Cookie", "dphub-language=cy", "Accept", "text/html");
        assertFormExpiredPage(welsh);
        assertThat(welsh.body()).contains("lang=\"cy\"").contains("Roedd y dudalen ar agor am ormod o amser")
                .contains("Mewngofnodi eto");
    }

    @Test
    void aFormSentAfterTheSessionEndedChangesNothingAndSaysSo() {
        String session = http.signIn("admin@demo-england", Http.DEMO_PASSWORD);
        HttpResponse<String> form = http.get("/council/settings/edit", "Cookie", session);
        assertThat(form.statusCode()).isEqualTo(200);
        String token = Http.csrfToken(form.body());
        String before = settings();

        // the session ends while the page is open (what the session timeout does)
        jdbc.sql("DELETE FROM spring_session WHERE session_id = :id")
                .param("id", new String(java.util.Base64.getDecoder().decode(session.substring("SESSION=".length())),
                        java.nio.charset.StandardCharsets.UTF_8)).update();
        HttpResponse<String> sent = http.postForm("/council/settings/edit", "targetDaysToMoney=7&_csrf=" + token,
                "Cookie", session, "Accept", "text/html", "Referer", "http://localhost:" + port + "/council/settings/edit");
        assertFormExpiredPage(sent);
        assertThat(sent.body()).contains("The page was open for too long").contains("href=\"/sign-in\"");
        assertThat(settings()).as("nothing changed").isEqualTo(before);
    }

    @Test
    void aSignedInPersonWhoseTokenNoLongerMatchesIsSentBackToThePage() {
        String session = http.signIn("admin@demo-england", Http.DEMO_PASSWORD);
        String before = settings();
        HttpResponse<String> sent = http.postForm("/council/settings/edit", "targetDaysToMoney=7&_csrf=not-the-token",
                "Cookie", session + "; dphub-language=cy", "Accept", "text/html",
                "Referer", "http://localhost:" + port + "/council/settings/edit");
        assertFormExpiredPage(sent);
        assertThat(sent.body()).contains("Roedd y dudalen ar agor am ormod o amser")
                .contains("href=\"/council/settings/edit\"").contains("Ewch yn ôl i&#39;r dudalen");
        assertThat(settings()).isEqualTo(before);
    }

    @Test
    void otherRefusalsKeepTheirOwnPage() {
        String session = http.signIn("citizen@demo-england", Http.DEMO_PASSWORD);
        HttpResponse<String> page = http.get("/council/settings", "Cookie", session, "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("You cannot see this page").doesNotContain("open for too long");
    }

    String settings() {
        return jdbc.sql("""
                SELECT s::text FROM council_settings s JOIN council k ON k.id = s.council_id
                WHERE k.code = 'demo-england'""").query(String.class).single();
    }
}
