package org.dphub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The contract outside checks use, over real HTTP. */
@IntegrationTest
class ContractIT {

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    Http http;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void healthIsUp() {
        HttpResponse<String> response = http.get("/actuator/health");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json.readTree(response.body()).get("status").asString()).isEqualTo("UP");
    }

    @Test
    void meWithBasicAuthSaysWhoIAm() {
        HttpResponse<String> response = http.getAs("finance@demo-wales", Http.DEMO_PASSWORD, "/api/v1/me");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode me = json.readTree(response.body());
        assertThat(me.get("username").asString()).isEqualTo("finance@demo-wales");
        assertThat(me.get("roles").get(0).asString()).isEqualTo("FINANCE");
        assertThat(me.get("councilCode").asString()).isEqualTo("demo-wales");
        assertThat(response.headers().firstValue("Set-Cookie")).as("the API keeps no session").isEmpty();
    }

    @Test
    void meWithAWrongPasswordIs401ProblemJson() {
        HttpResponse<String> response = http.getAs("dp-team@demo-england", "not-the-password", "/api/v1/me");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(response.body()).get("status").asInt()).isEqualTo(401);
    }

    @Test
    void meWithoutCredentialsIs401() {
        HttpResponse<String> response = http.get("/api/v1/me", "Accept", "application/json");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void openApiDocumentDescribesTheApi() {
        HttpResponse<String> response = http.get("/v3/api-docs");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode document = json.readTree(response.body());
        assertThat(document.get("openapi").asString()).startsWith("3.");
        assertThat(document.get("paths").has("/api/v1/me")).isTrue();
        assertThat(document.get("paths").has("/api/v1/citizens/{id}")).isTrue();
        // the signed-in user is not a request parameter anyone can send
        assertThat(document.get("paths").get("/api/v1/me").get("get").has("parameters")).isFalse();
    }

    @Test
    void startPageIsPublic() {
        HttpResponse<String> response = http.get("/");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("govuk-template").contains("/sign-in");
    }

    @Test
    void signInPageUsesTheGovukStylesheetWhichIsServedWithItsFonts() {
        HttpResponse<String> page = http.get("/sign-in");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("href=\"/govuk/govuk-frontend.min.css\"").contains("name=\"_csrf\"");

        HttpResponse<String> css = http.get("/govuk/govuk-frontend.min.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/css"));
        java.util.regex.Matcher font = java.util.regex.Pattern.compile("url\\((/assets/[^)]+\\.woff2)\\)").matcher(css.body());
        assertThat(font.find()).as("the stylesheet names its fonts under /assets").isTrue();
        assertThat(http.get(font.group(1)).statusCode()).isEqualTo(200);
        assertThat(http.get("/govuk/govuk-frontend.min.js").statusCode()).isEqualTo(200);
    }

    @Test
    void welshOnRequestAndRemembered() {
        HttpResponse<String> welsh = http.get("/sign-in?lang=cy");
        assertThat(welsh.body()).contains("lang=\"cy\"").contains("Enw defnyddiwr").contains("Cyfrinair");
        String cookie = welsh.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).startsWith("dphub-language=cy");

        HttpResponse<String> next = http.get("/", "Cookie", cookie.split(";")[0]);
        assertThat(next.body()).contains("Taliadau uniongyrchol, yn syml");

        HttpResponse<String> english = http.get("/?lang=fr");
        assertThat(english.body()).as("languages other than Welsh fall back to English").contains("lang=\"en\"");
    }

    @Test
    void pagesSendSecurityHeaders() {
        HttpResponse<String> page = http.get("/sign-in");
        String csp = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(csp).contains("script-src 'self'").doesNotContain("unsafe-inline").contains("frame-ancestors 'none'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).isPresent();
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.body()).as("no inline script").doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
    }

    @Test
    void hstsOnlyOverHttps() throws Exception {
        mvc.perform(MockMvcRequestBuilders.get("/sign-in").secure(true))
                .andExpect(MockMvcResultMatchers.header().string("Strict-Transport-Security",
                        org.hamcrest.Matchers.containsString("max-age=31536000")));
        assertThat(http.get("/sign-in").headers().firstValue("Strict-Transport-Security"))
                .as("plain HTTP (local use) gets no HSTS").isEmpty();
    }

    @Test
    void signedOutVisitorsOfAnUnknownPageAreAskedToSignInFirst() {
        // we never tell someone who is not signed in which addresses exist
        HttpResponse<String> page = http.get("/no-such-page", "Accept", "text/html");
        assertThat(page.statusCode()).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/sign-in"));
    }

    @Test
    void unknownPageIsAGovukStyled404WithoutAStackTrace() {
        String session = http.signIn("practitioner@demo-england", Http.DEMO_PASSWORD);
        HttpResponse<String> page = http.get("/no-such-page", "Accept", "text/html", "Cookie", session);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("govuk-template").contains("Page not found")
                .doesNotContain("Exception").doesNotContain("at org.");
        HttpResponse<String> welsh = http.get("/no-such-page?lang=cy", "Accept", "text/html", "Cookie", session);
        assertThat(welsh.statusCode()).isEqualTo(404);
        assertThat(welsh.body()).contains("Heb ddod o hyd i&#39;r dudalen");
    }

    @Test
    void anotherCouncilsRecordIsTheSame404PageAsAnAddressThatDoesNotExist() {
        String session = http.signIn("practitioner@demo-wales", Http.DEMO_PASSWORD);
        HttpResponse<String> page = http.get("/citizens/1", "Accept", "text/html", "Cookie", session);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found");
    }

    @Test
    void unknownApiAddressIsProblemJson() {
        HttpResponse<String> response = http.getAs("admin@demo-england", Http.DEMO_PASSWORD, "/api/v1/no-such-thing");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void prometheusMetricsAreExposedToACouncilAdministrator() {
        HttpResponse<String> response = http.get("/actuator/prometheus", "Authorization", Http.basic("admin@demo-england", Http.DEMO_PASSWORD));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes");
    }
}
