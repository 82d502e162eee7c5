package org.dphub.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The directory contract of issue 15 over real HTTP: a provider signs up and adds a service, the
 * DP team of its council checks it and it is published with the badge; a change keeps it published
 * and shows on the queue; reports, suspensions and council terms — and every refusal: another
 * council, another provider, a citizen, and bad input named field by field with nothing saved.
 */
@IntegrationTest
class DirectoryApiIT {

    static final String PASSWORD = Http.DEMO_PASSWORD;
    static final String PROVIDER_PASSWORD = "a long provider password 2026";
    static final String DP_TEAM = "dp-team@demo-england";
    static final String WALES_DP_TEAM = "dp-team@demo-wales";
    static final String CITIZEN = "citizen@demo-england";
    static final String COMMUNITY = "6a1d6a2e-5d1f-4c1b-9a52-000000000009";
    static final String WALES_LEARNING = "6a1d6a2e-5d1f-4c1b-9a52-000000000103";
    static final AtomicInteger PROVIDERS = new AtomicInteger();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http http;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    JsonNode status(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response.body().isEmpty() ? null : json.readTree(response.body());
    }

    List<String> errorFields(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        List<String> fields = new ArrayList<>();
        json.readTree(response.body()).get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    /** A provider that signed itself up in the council {@code councilCode}; returns its username. */
    String provider(String councilCode) {
        String email = "provider" + PROVIDERS.incrementAndGet() + "-" + System.nanoTime() + "@example.org";
        JsonNode registered = status(http.postJson("/api/v1/provider-registrations", """
                {"email": "%s", "password": "%s", "displayName": "Alex Morgan", "councilCode": "%s",
                 "organization": {"name": "Riverside Walks CIC", "description": "Walks and talks by the river",
                                  "kind": "COMMUNITY_GROUP", "email": "hello@walks.example.org", "phone": "01632 960 001"}}"""
                .formatted(email, PROVIDER_PASSWORD, councilCode)), 201);
        assertThat(registered.get("roles").get(0).asString()).isEqualTo("PROVIDER");
        return email;
    }

    static String serviceJson(String costPence, String extra) {
        return """
                {"name": "Tuesday walking group", "description": "A gentle walk by the river, then tea & cake.",
                 "postcode": "SY1 1AA", "taxonomyTermIds": ["%s"],
                 "schedules": [{"day": "TUESDAY", "opensAt": "10:00", "closesAt": "12:00"}],
                 "costPence": %s, "costUnit": "SESSION", "minimumAge": 18, "maximumAge": 99, "languages": ["en", "cy"] %s}"""
                .formatted(COMMUNITY, costPence, extra);
    }

    String addService(String provider) {
        JsonNode created = status(http.postJsonAs(provider, PROVIDER_PASSWORD, "/api/v1/directory/services", serviceJson("450", "")), 201);
        assertThat(created.get("status").asString()).isEqualTo("AWAITING_CHECKS");
        return created.get("id").asString();
    }

    String checks(boolean insurance, boolean safeguarding) {
        return """
                {"insuranceChecked": %s, "safeguardingChecked": %s}""".formatted(insurance, safeguarding);
    }

    @Test
    void aProvidersServiceIsPublishedOnlyByItsOwnCouncilsDpTeamAfterBothChecks() {
        String provider = provider("demo-england");
        String id = addService(provider);
        String path = "/api/v1/directory/services/" + id;

        JsonNode own = status(http.getAs(provider, PROVIDER_PASSWORD, path), 200);
        assertThat(own.get("status").asString()).isEqualTo("AWAITING_CHECKS");
        assertThat(own.get("checks").get("insuranceChecked").asBoolean()).isFalse();
        assertThat(own.get("schedules").get(0).get("opensAt").asString()).isEqualTo("10:00");
        assertThat(own.get("costPence").asLong()).isEqualTo(450);
        // not published: nobody else but the council's staff may see it
        status(http.getAs(provider("demo-england"), PROVIDER_PASSWORD, path), 404);
        status(http.getAs(CITIZEN, PASSWORD, path), 404);
        status(http.getAs(WALES_DP_TEAM, PASSWORD, path), 404);
        assertThat(status(http.getAs(DP_TEAM, PASSWORD, path), 200).get("status").asString()).isEqualTo("AWAITING_CHECKS");

        status(http.postJsonAs(provider, PROVIDER_PASSWORD, path + "/checks", checks(true, true)), 403);
        status(http.postJsonAs(CITIZEN, PASSWORD, path + "/checks", checks(true, true)), 403);
        status(http.postJsonAs(WALES_DP_TEAM, PASSWORD, path + "/checks", checks(true, true)), 404);
        JsonNode refused = status(http.postJsonAs(DP_TEAM, PASSWORD, path + "/checks", checks(true, false)), 422);
        assertThat(refused.get("rule").asString()).isEqualTo("CHECKS_INCOMPLETE");
        assertThat(errorFields(http.postJsonAs(DP_TEAM, PASSWORD, path + "/checks", "{}")))
                .containsExactly("insuranceChecked", "safeguardingChecked");
        assertThat(status(http.getAs(DP_TEAM, PASSWORD, path), 200).get("status").asString()).isEqualTo("AWAITING_CHECKS");

        assertThat(status(http.postJsonAs(DP_TEAM, PASSWORD, path + "/checks", checks(true, true)), 200).get("status").asString())
                .isEqualTo("PUBLISHED");
        JsonNode seen = status(http.getAs(CITIZEN, PASSWORD, path), 200);
        assertThat(seen.get("checkedByCouncil").asBoolean()).isTrue();
        assertThat(seen.has("checks")).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_type = 'directory_service' AND entity_id = :id")
                .param("id", id).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aChangeToAPublishedServiceKeepsItLiveAndShowsOnTheQueueUntilCheckedAgain() {
        String provider = provider("demo-england");
        String id = addService(provider);
        String path = "/api/v1/directory/services/" + id;
        status(http.postJsonAs(DP_TEAM, PASSWORD, path + "/checks", checks(true, true)), 200);

        status(http.putJsonAs(provider("demo-england"), PROVIDER_PASSWORD, path, serviceJson("500", "")), 404);
        status(http.putJsonAs(CITIZEN, PASSWORD, path, serviceJson("500", "")), 403);
        JsonNode changed = status(http.putJsonAs(provider, PROVIDER_PASSWORD, path, serviceJson("500", "")), 200);
        assertThat(changed.get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(changed.get("changedSinceCheck").asBoolean()).isTrue();
        assertThat(changed.get("changedFields").toString()).contains("cost").doesNotContain("name");

        JsonNode queue = status(http.getAs(DP_TEAM, PASSWORD, "/api/v1/directory/checks"), 200);
        assertThat(queue.get("services").toString()).contains(id);
        assertThat(status(http.getAs(WALES_DP_TEAM, PASSWORD, "/api/v1/directory/checks"), 200).get("services").toString())
                .doesNotContain(id);

        status(http.postJsonAs(DP_TEAM, PASSWORD, path + "/checks", checks(true, true)), 200);
        assertThat(status(http.getAs(provider, PROVIDER_PASSWORD, path), 200).get("changedSinceCheck").asBoolean()).isFalse();
        assertThat(status(http.getAs(DP_TEAM, PASSWORD, "/api/v1/directory/checks"), 200).get("services").toString())
                .doesNotContain(id);
    }

    @Test
    void lang_cyGivesTheReasonsInWelsh() {
        String provider = provider("demo-england");
        long before = servicesOf(provider);
        JsonNode english = status(http.postJsonAs(provider, PROVIDER_PASSWORD, "/api/v1/directory/services", serviceJson("12.345", "")), 422);
        assertThat(english.get("errors").get(0).get("message").asString()).isEqualTo("Enter the cost in whole pence, like 1250 for £12.50");
        JsonNode welsh = status(http.postJsonAs(provider, PROVIDER_PASSWORD, "/api/v1/directory/services?lang=cy",
                serviceJson("12.345", "")), 422);
        assertThat(welsh.get("errors").get(0).get("field").asString()).isEqualTo("costPence");
        assertThat(welsh.get("errors").get(0).get("message").asString()).isEqualTo("Rhowch y gost mewn ceiniogau cyfan, fel 1250 am £12.50");
        // and the next request without it is English again: an API caller's choice is per request
        JsonNode again = status(http.postJsonAs(provider, PROVIDER_PASSWORD, "/api/v1/directory/services", serviceJson("12.345", "")), 422);
        assertThat(again.get("errors").get(0).get("message").asString()).isEqualTo("Enter the cost in whole pence, like 1250 for £12.50");
        assertThat(servicesOf(provider)).isEqualTo(before);
    }

    @Test
    void badInputIsNamedFieldByFieldAndNothingIsSaved() {
        String provider = provider("demo-england");
        long before = servicesOf(provider);

        for (String cost : List.of("-5", "1e9", "12.345")) {
            assertThat(errorFields(http.postJsonAs(provider, PROVIDER_PASSWORD, "/api/v1/directory/services", serviceJson(cost, ""))))
                    .as(cost).containsExactly("costPence");
        }
        List<String> fields = errorFields(http.postJsonAs(provider, PROVIDER_PASSWORD, "/api/v1/directory/services", """
                {"name": "", "description": "<script>alert('x')</script>", "postcode": "ZZ9 9ZZ", "taxonomyTermIds": [],
                 "schedules": [{"day": "MONDAY", "opensAt": "14:00", "closesAt": "09:00"}],
                 "costPence": 100, "costUnit": "WEEK", "minimumAge": 65, "maximumAge": 18, "languages": ["klingon"]}"""));
        assertThat(fields).containsExactly("name", "description", "postcode", "schedules[0].closesAt", "costUnit", "maximumAge",
                "languages", "taxonomyTermIds");
        // a term of no council's list, and one of another council's own
        JsonNode unknown = status(http.postJsonAs(provider, PROVIDER_PASSWORD, "/api/v1/directory/services",
                serviceJson("450", "").replace(COMMUNITY, "00000000-0000-0000-0000-000000000000")), 422);
        assertThat(unknown.get("rule").asString()).isEqualTo("UNKNOWN_TERM");
        assertThat(servicesOf(provider)).isEqualTo(before);

        status(http.postJsonAs(CITIZEN, PASSWORD, "/api/v1/directory/services", serviceJson("450", "")), 403);
        assertThat(errorFields(http.postJson("/api/v1/provider-registrations", """
                {"email": "not-an-email", "password": "short", "displayName": "", "councilCode": "nowhere",
                 "organization": {"name": "", "kind": "SHOP", "email": "x"}}""")))
                .contains("email", "displayName", "password", "councilCode", "organisationName", "kind", "organisationEmail");
    }

    @Test
    void aReportedServiceIsSuspendedAndRestoredByItsCouncilsDpTeam() {
        String provider = provider("demo-england");
        String id = addService(provider);
        String path = "/api/v1/directory/services/" + id;
        status(http.postJsonAs(CITIZEN, PASSWORD, path + "/reports", "{\"reason\": \"Nobody came\"}"), 404);
        status(http.postJsonAs(DP_TEAM, PASSWORD, path + "/checks", checks(true, true)), 200);

        assertThat(errorFields(http.postJsonAs(CITIZEN, PASSWORD, path + "/reports", "{\"reason\": \"\"}"))).containsExactly("reason");
        status(http.postJsonAs(CITIZEN, PASSWORD, path + "/reports", "{\"reason\": \"Nobody came on Tuesday\"}"), 201);
        assertThat(status(http.getAs(DP_TEAM, PASSWORD, "/api/v1/directory/checks"), 200).get("openReports").asLong()).isPositive();

        status(http.postJsonAs(provider, PROVIDER_PASSWORD, path + "/suspension", "{\"reason\": \"x\"}"), 403);
        status(http.postJsonAs(WALES_DP_TEAM, PASSWORD, path + "/suspension", "{\"reason\": \"x\"}"), 404);
        assertThat(status(http.postJsonAs(DP_TEAM, PASSWORD, path + "/suspension", "{\"reason\": \"Reported: nobody came\"}"), 200)
                .get("status").asString()).isEqualTo("SUSPENDED");
        status(http.getAs(CITIZEN, PASSWORD, path), 404);
        assertThat(status(http.getAs(provider, PROVIDER_PASSWORD, path), 200).get("suspensionReason").asString())
                .isEqualTo("Reported: nobody came");

        assertThat(status(delete(DP_TEAM, PASSWORD, path + "/suspension"), 200).get("status").asString()).isEqualTo("PUBLISHED");
        assertThat(status(http.getAs(CITIZEN, PASSWORD, path), 200).get("checkedByCouncil").asBoolean()).isTrue();

        assertThat(status(http.postJsonAs(provider, PROVIDER_PASSWORD, path + "/withdrawal", "{}"), 200).get("status").asString())
                .isEqualTo("WITHDRAWN");
        status(http.putJsonAs(provider, PROVIDER_PASSWORD, path, serviceJson("450", "")), 409);
    }

    @Test
    void aCouncilsOwnTermIsOfferedToItsProvidersOnly() {
        status(http.postJsonAs(CITIZEN, PASSWORD, "/api/v1/directory/taxonomy-terms", "{}"), 403);
        assertThat(errorFields(http.postJsonAs(DP_TEAM, PASSWORD, "/api/v1/directory/taxonomy-terms", """
                {"name": "Gardening", "nameCy": "", "description": "<b>x</b>", "descriptionCy": "Tyfu bwyd a blodau"}""")))
                .containsExactly("nameCy", "description");
        JsonNode term = status(http.postJsonAs(DP_TEAM, PASSWORD, "/api/v1/directory/taxonomy-terms", """
                {"name": "Gardening", "nameCy": "Garddio", "description": "Growing food and flowers",
                 "descriptionCy": "Tyfu bwyd a blodau"}"""), 201);
        String termId = term.get("id").asString();

        String english = provider("demo-england");
        assertThat(status(http.getAs(english, PROVIDER_PASSWORD, "/api/v1/directory/taxonomy-terms"), 200).toString())
                .contains(termId).contains(WALES_LEARNING);
        status(http.postJsonAs(english, PROVIDER_PASSWORD, "/api/v1/directory/services",
                serviceJson("450", "").replace("\"" + COMMUNITY + "\"", "\"" + COMMUNITY + "\", \"" + termId + "\"")), 201);

        String welsh = provider("demo-wales");
        assertThat(status(http.getAs(welsh, PROVIDER_PASSWORD, "/api/v1/directory/taxonomy-terms"), 200).toString())
                .doesNotContain(termId);
        assertThat(status(http.postJsonAs(welsh, PROVIDER_PASSWORD, "/api/v1/directory/services",
                serviceJson("450", "").replace(COMMUNITY, termId)), 422).get("rule").asString()).isEqualTo("UNKNOWN_TERM");
    }

    long servicesOf(String provider) {
        return jdbc.sql("""
                        SELECT count(*) FROM directory_service s JOIN directory_organization o ON o.id = s.organization_id
                        JOIN app_user u ON u.id = o.user_id WHERE u.username = :u""")
                .param("u", provider).query(Long.class).single();
    }

    HttpResponse<String> delete(String username, String password, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", Http.basic(username, password)).header("Accept", "application/json")
                    .DELETE().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
