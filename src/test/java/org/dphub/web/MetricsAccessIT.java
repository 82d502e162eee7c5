package org.dphub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An outside probe found {@code /actuator/prometheus} open to anyone: every route, exception
 * class, the server's paths and the pool's figures. Health stays open (its status only); metrics,
 * info and the endpoint list need the metrics token or a council administrator. (The token, and a
 * management port of its own, are tested in {@code ProductionProfileIT}.)
 */
@IntegrationTest
class MetricsAccessIT {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    HttpResponse<String> as(String username, String path) {
        return http.get(path, "Authorization", Http.basic(username, Http.DEMO_PASSWORD));
    }

    @Test
    void healthIsForAnyoneAndSaysOnlyUpOrDown() {
        HttpResponse<String> health = http.get("/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("components").doesNotContain("details")
                .doesNotContain("db").doesNotContain("diskSpace");
        assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }

    @Test
    void nobodySignedInIsRefused401WithoutAWordOfTheMetrics() {
        for (String path : new String[] {"/actuator/prometheus", "/actuator/info", "/actuator", "/actuator/metrics", "/actuator/env"}) {
            HttpResponse<String> answer = http.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(401);
            assertThat(answer.headers().firstValue("Content-Type")).as(path)
                    .hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(answer.headers().firstValue("WWW-Authenticate")).as(path).hasValueSatisfying(
                    challenge -> assertThat(challenge).contains("Bearer").contains("Basic"));
            assertThat(answer.body()).as(path).doesNotContain("jvm_").doesNotContain("http_server_requests")
                    .doesNotContain("hikaricp").doesNotContain("_links");
        }
        HttpResponse<String> wrongPassword = http.get("/actuator/prometheus", "Authorization",
                Http.basic("admin@demo-wales", "not-the-password"));
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        HttpResponse<String> madeUpToken = http.get("/actuator/prometheus", "Authorization", "Bearer " + "x".repeat(40));
        assertThat(madeUpToken.statusCode()).as("no token is set here, so none is right").isEqualTo(401);
        assertThat(madeUpToken.body()).doesNotContain("jvm_");
    }

    @Test
    void peopleWhoAreNotCouncilAdministratorsAreRefused403() {
        for (String username : new String[] {"citizen@demo-england", "pa@demo-england", "practitioner@demo-england",
                "finance@demo-wales", "analyst@dphub"}) {
            HttpResponse<String> answer = as(username, "/actuator/prometheus");
            assertThat(answer.statusCode()).as(username).isEqualTo(403);
            assertThat(answer.body()).as(username).doesNotContain("jvm_");
        }
        assertThat(as("citizen@demo-england", "/actuator/info").statusCode()).isEqualTo(403);
    }

    @Test
    void aCouncilAdministratorGetsTheMetrics() {
        HttpResponse<String> metrics = as("admin@demo-wales", "/actuator/prometheus");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("http_server_requests");
        assertThat(metrics.headers().firstValue("Set-Cookie")).as("no session is made").isEmpty();
        assertThat(as("admin@demo-england", "/actuator/info").statusCode()).isEqualTo(200);
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.dphub.identity.UserAccounts accounts;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** A temporary password opens only the page to choose one's own: an administrator's is refused here too (ASVS 2.3.1). */
    @Test
    void anAdministratorsTemporaryPasswordIsRefused() {
        String username = "new-admin-" + java.util.UUID.randomUUID() + "@example.com";
        long wales = jdbc.sql("SELECT id FROM council WHERE code = 'demo-wales'").query(Long.class).single();
        accounts.createWithTemporaryPassword(new org.dphub.identity.NewUserAccount(username, "given-by-someone-else", "New Admin", wales,
                java.util.EnumSet.of(org.dphub.shared.Role.COUNCIL_ADMIN), "en"));
        HttpResponse<String> answer = http.get("/actuator/prometheus", "Authorization", Http.basic(username, "given-by-someone-else"));
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("temporary password").doesNotContain("jvm_");
    }

    /**
     * ASVS 14.2: the inventory of every library dphub runs with, made by the build (CycloneDX) for the
     * council's dependency tracking. It is the build's own list: it names the versions on this classpath,
     * and no test library, and not Spring Boot's licence or address as dphub's.
     */
    @Test
    void theBillOfMaterialsListsTheLibrariesThatRunForTheSameCredentialsAsTheMetrics() {
        assertThat(http.get("/actuator/sbom/application").statusCode()).isEqualTo(401);
        assertThat(as("citizen@demo-england", "/actuator/sbom/application").statusCode()).isEqualTo(403);
        HttpResponse<String> answer = as("admin@demo-wales", "/actuator/sbom/application");
        assertThat(answer.statusCode()).isEqualTo(200);
        tools.jackson.databind.JsonNode bom = tools.jackson.databind.json.JsonMapper.builder().build().readTree(answer.body());
        assertThat(bom.get("bomFormat").asString()).isEqualTo("CycloneDX");
        tools.jackson.databind.JsonNode dphub = bom.get("metadata").get("component");
        assertThat(dphub.get("name").asString()).isEqualTo("dphub");
        assertThat(dphub.has("licenses")).as("no licence is claimed for dphub that is not its own").isFalse();
        assertThat(dphub.has("externalReferences")).isFalse();
        java.util.Map<String, String> components = new java.util.HashMap<>();
        bom.get("components").forEach(c -> components.put(c.get("group").asString() + ":" + c.get("name").asString(),
                c.get("version").asString()));
        assertThat(components).containsEntry("org.springframework:spring-core", org.springframework.core.SpringVersion.getVersion())
                .containsEntry("org.springframework.boot:spring-boot", org.springframework.boot.SpringBootVersion.getVersion())
                .containsKey("org.postgresql:postgresql").containsKey("uk.gov.service.notify:notifications-java-client");
        assertThat(components.keySet()).as("test libraries are not on a running dphub's classpath")
                .noneMatch(k -> k.startsWith("org.junit") || k.startsWith("org.seleniumhq") || k.startsWith("org.mockito")
                        || k.startsWith("net.jqwik") || k.startsWith("com.deque") || k.contains("authorization-server"));
    }
}
