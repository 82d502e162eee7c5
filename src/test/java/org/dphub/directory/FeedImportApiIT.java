package org.dphub.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dphub.directory.OrukSchemas.read;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A DP team imports its council's Open Referral UK feed: whole file or nothing, every problem by its JSON path. */
@IntegrationTest
class FeedImportApiIT {

    static final String DP_TEAM = "dp-team@demo-england";
    static final String PATH = "/api/v1/directory/imports";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http http;
    UUID organization;
    UUID lunch;
    UUID online;

    @BeforeEach
    void ids() {
        http = new Http(port);
        organization = UUID.randomUUID();
        lunch = UUID.randomUUID();
        online = UUID.randomUUID();
    }

    Map<String, Object> organization() {
        return new LinkedHashMap<>(Map.of("id", organization.toString(), "name", "Mold Community Trust",
                "description", "Runs the community centre", "website", "https://example.org"));
    }

    Map<String, Object> lunchClub(String name) {
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("id", lunch.toString());
        service.put("name", name);
        service.put("description", "A hot lunch and company, Mondays and Thursdays");
        service.put("status", "active");
        service.put("email", "lunch@example.org");
        service.put("minimum_age", 18);
        service.put("organization", organization());
        service.put("service_at_locations", List.of(Map.of("id", UUID.randomUUID().toString(), "location", Map.of(
                "id", UUID.randomUUID().toString(), "location_type", "physical", "latitude", 100, "longitude", 101,
                "addresses", List.of(Map.of("id", UUID.randomUUID().toString(), "address_1", "1 High Street", "city", "Mold",
                        "state_province", "Flintshire", "postal_code", "ch7 1xy", "country", "GB", "address_type", "physical")),
                "accessibility", List.of(Map.of("id", UUID.randomUUID().toString(), "description", "Step-free"))))));
        service.put("schedules", List.of(Map.of("id", UUID.randomUUID().toString(), "freq", "WEEKLY", "byday", "MO,TH",
                "opens_at", "10:00:00", "closes_at", "14:00:00")));
        service.put("cost_options", List.of(Map.of("id", UUID.randomUUID().toString(), "amount", new BigDecimal("12.50"),
                "option", "Lunch", "amount_description", "per hour")));
        service.put("languages", List.of(Map.of("id", UUID.randomUUID().toString(), "code", "cy"),
                Map.of("id", UUID.randomUUID().toString(), "name", "English")));
        service.put("attributes", List.of(
                Map.of("id", UUID.randomUUID().toString(), "taxonomy_term_id", OrukRows.NUTRITION.toString()),
                Map.of("id", UUID.randomUUID().toString(), "taxonomy_term", Map.of("id", UUID.randomUUID().toString(),
                        "name", "Getting out", "description", "d", "code", "community"))));
        return service;
    }

    Map<String, Object> onlineService() {
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("id", online.toString());
        service.put("name", "Phone friends");
        service.put("description", "A weekly call");
        service.put("status", "active");
        service.put("organization", organization());
        return service;
    }

    static String feed(List<?> services) {
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("total_items", services.size());
        page.put("total_pages", 1);
        page.put("page_number", 1);
        page.put("size", services.size());
        page.put("first_page", true);
        page.put("last_page", true);
        page.put("empty", services.isEmpty());
        page.put("contents", services);
        return JSON.writeValueAsString(page);
    }

    HttpResponse<String> send(String user, String body) {
        return http.postJsonAs(user, Http.DEMO_PASSWORD, PATH, body);
    }

    long services() {
        return jdbc.sql("SELECT count(*) FROM directory_service WHERE organization_id = :o OR id IN (:a, :b)")
                .param("o", organization).param("a", lunch).param("b", online).query(Long.class).single();
    }

    @Test
    void theDpTeamImportsItsFeedAndTheServicesWaitForChecks() {
        HttpResponse<String> response = send(DP_TEAM, feed(List.of(lunchClub("Lunch club"), onlineService())));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode result = read(response.body());
        assertThat(result.get("servicesCreated").asInt()).isEqualTo(2);
        assertThat(result.get("organizationsCreated").asInt()).isEqualTo(1);

        Map<String, Object> row = jdbc.sql("SELECT s.*, c.code FROM directory_service s JOIN council c ON c.id = s.council_id WHERE s.id = :id")
                .param("id", lunch).query().singleRow();
        assertThat(row.get("code")).isEqualTo("demo-england");
        assertThat(row.get("status")).isEqualTo("AWAITING_CHECKS");
        assertThat(row.get("delivery")).isEqualTo("AT_A_PLACE");
        assertThat(row.get("postcode")).isEqualTo("CH7 1XY");
        // placed at the sector's centre, not at the feed's latitude 100
        assertThat((BigDecimal) row.get("latitude")).isEqualByComparingTo("53.16597");
        assertThat(row.get("cost_pence")).isEqualTo(1250L);
        assertThat(row.get("cost_unit")).isEqualTo("HOUR");
        assertThat(row.get("address")).isEqualTo("1 High Street, Mold");
        assertThat(jdbc.sql("SELECT array_to_string(languages, ',') FROM directory_service WHERE id = :id").param("id", lunch)
                .query(String.class).single()).isEqualTo("cy,en");
        assertThat(jdbc.sql("SELECT term_id FROM directory_service_term WHERE service_id = :id").param("id", lunch).query(UUID.class).list())
                .containsExactlyInAnyOrder(OrukRows.NUTRITION, OrukRows.COMMUNITY);
        assertThat(jdbc.sql("SELECT day FROM directory_schedule WHERE service_id = :id ORDER BY day").param("id", lunch)
                .query(String.class).list()).containsExactly("MONDAY", "THURSDAY");
        assertThat(jdbc.sql("SELECT delivery FROM directory_service WHERE id = :id").param("id", online).query(String.class).single())
                .isEqualTo("ONLINE");
        assertThat(jdbc.sql("SELECT user_id IS NULL FROM directory_organization WHERE id = :id").param("id", organization)
                .query(Boolean.class).single()).isTrue();
        // not public until the DP team has checked it
        assertThat(http.get("/openreferral/services/" + lunch).statusCode()).isEqualTo(404);
        // the audit trail says who imported what
        String importId = result.get("id").asString();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_type = 'directory_import' AND entity_id = :id")
                .param("id", importId).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT services_created FROM directory_import WHERE id = CAST(:id AS uuid)").param("id", importId)
                .query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void aReImportUpdatesByIdAndAChangedPublishedServiceStaysPublishedForTheDpTeamToRecheck() {
        String first = feed(List.of(lunchClub("Lunch club"), onlineService()));
        assertThat(send(DP_TEAM, first).statusCode()).isEqualTo(201);
        JsonNode again = read(send(DP_TEAM, first).body());
        assertThat(again.get("servicesCreated").asInt()).isZero();
        assertThat(again.get("servicesUpdated").asInt()).isZero();
        assertThat(again.get("servicesUnchanged").asInt()).isEqualTo(2);
        assertThat(services()).isEqualTo(2);

        jdbc.sql("UPDATE directory_service SET status = 'PUBLISHED', insurance_checked = TRUE, safeguarding_checked = TRUE WHERE id = :id")
                .param("id", lunch).update();
        Map<String, Object> changed = lunchClub("Lunch club and games");
        changed.put("schedules", List.of(Map.of("id", UUID.randomUUID().toString(), "freq", "WEEKLY", "byday", "WE",
                "opens_at", "11:00", "closes_at", "15:00")));
        JsonNode result = read(send(DP_TEAM, feed(List.of(changed, onlineService()))).body());
        assertThat(result.get("servicesUpdated").asInt()).isEqualTo(1);
        assertThat(result.get("servicesUnchanged").asInt()).isEqualTo(1);
        assertThat(services()).isEqualTo(2);
        Map<String, Object> row = jdbc.sql("SELECT status, changed_since_check, name FROM directory_service WHERE id = :id")
                .param("id", lunch).query().singleRow();
        assertThat(row).containsEntry("status", "PUBLISHED").containsEntry("changed_since_check", true)
                .containsEntry("name", "Lunch club and games");
        JsonNode published = read(http.get("/openreferral/services/" + lunch).body());
        assertThat(published.get("name").asString()).isEqualTo("Lunch club and games");
        assertThat(published.get("schedules")).hasSize(1);
        assertThat(published.get("schedules").get(0).get("byday").asString()).isEqualTo("WE");
    }

    @Test
    void anOrganisationErasedAtItsRequestIsNotBroughtBackByTheFeed() {
        String first = feed(List.of(lunchClub("Lunch club"), onlineService()));
        assertThat(send(DP_TEAM, first).statusCode()).isEqualTo(201);
        // the organisation asks to leave the directory; the DP team erases it (issue 17)
        assertThat(http.postJsonAs(DP_TEAM, Http.DEMO_PASSWORD, "/api/v1/providers/" + organization + "/erasure", "").statusCode())
                .isEqualTo(201);
        String erased = jdbc.sql("SELECT concat_ws(' | ', (SELECT row_to_json(o)::text FROM directory_organization o WHERE id = :o),"
                        + " (SELECT string_agg(row_to_json(s)::text, ',' ORDER BY s.id) FROM directory_service s WHERE organization_id = :o))")
                .param("o", organization).query(String.class).single();
        assertThat(erased).contains("\"status\":\"WITHDRAWN\"").doesNotContain("lunch@example.org").doesNotContain("Runs the community centre");

        // the council's feed still lists it: imported without it, each of its services named in a warning, nothing brought back
        JsonNode again = read(send(DP_TEAM, first).body());
        assertThat(again.get("servicesCreated").asInt()).isZero();
        assertThat(again.get("servicesUpdated").asInt()).isZero();
        assertThat(again.get("organizationsUpdated").asInt()).isZero();
        assertThat(again.get("warnings").toString()).contains("$.contents[0].organization.id", "$.contents[1].organization.id",
                "asked to leave the directory");
        assertThat(jdbc.sql("SELECT concat_ws(' | ', (SELECT row_to_json(o)::text FROM directory_organization o WHERE id = :o),"
                        + " (SELECT string_agg(row_to_json(s)::text, ',' ORDER BY s.id) FROM directory_service s WHERE organization_id = :o))")
                .param("o", organization).query(String.class).single()).as("nothing brought back").isEqualTo(erased);
        // a new service of it in the feed is left out too
        Map<String, Object> another = onlineService();
        another.put("id", UUID.randomUUID().toString());
        assertThat(read(send(DP_TEAM, feed(List.of(another))).body()).get("servicesCreated").asInt()).isZero();
        assertThat(services()).isEqualTo(2);
    }

    @Test
    void lang_cyGivesTheProblemsInWelsh() {
        Map<String, Object> noId = onlineService();
        noId.remove("id");
        String body = feed(List.of(lunchClub("Lunch club"), noId));
        for (var language : Map.of("", "is missing. The Open Referral UK profile needs it.",
                "?lang=cy", "ar goll. Mae proffil Open Referral UK ei angen.").entrySet()) {
            HttpResponse<String> response = http.postJsonAs(DP_TEAM, Http.DEMO_PASSWORD, PATH + language.getKey(), body);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            List<String> said = new ArrayList<>();
            read(response.body()).get("errors").forEach(e -> said.add(e.get("path").asString() + ": " + e.get("message").asString()));
            assertThat(said).as(response.body()).contains("$.contents[1].id: " + language.getValue());
        }
        assertThat(services()).isZero();
    }

    @Test
    void aFileWithProblemsNamesEachByItsPathAndChangesNothing() {
        Map<String, Object> noId = onlineService();
        noId.remove("id");
        assertProblems(feed(List.of(lunchClub("Lunch club"), noId)), "$.contents[1].id");

        Map<String, Object> wrongType = lunchClub("x");
        wrongType.put("name", 5);
        assertProblems(feed(List.of(wrongType)), "$.contents[0].name");

        Map<String, Object> duplicate = onlineService();
        duplicate.put("id", lunch.toString());
        assertProblems(feed(List.of(lunchClub("Lunch club"), duplicate)), "$.contents[1].id");

        Map<String, Object> nowhere = lunchClub("Lunch club");
        @SuppressWarnings("unchecked")
        var place = (Map<String, Object>) ((List<Map<String, Object>>) nowhere.get("service_at_locations")).get(0).get("location");
        Map<String, Object> address = new LinkedHashMap<>(((List<Map<String, Object>>) place.get("addresses")).get(0));
        address.put("postal_code", "ZZ9 9ZZ");
        Map<String, Object> location = new LinkedHashMap<>(place);
        location.put("addresses", List.of(address));
        nowhere.put("service_at_locations", List.of(Map.of("id", UUID.randomUUID().toString(), "location", location)));
        assertProblems(feed(List.of(onlineService(), nowhere)),
                "$.contents[1].service_at_locations[0].location.addresses[0].postal_code");

        Map<String, Object> unknownTerm = lunchClub("Lunch club");
        unknownTerm.put("attributes", List.of(Map.of("id", UUID.randomUUID().toString(), "taxonomy_term", Map.of(
                "id", UUID.randomUUID().toString(), "name", "Knitting", "description", "d", "code", "knitting"))));
        assertProblems(feed(List.of(unknownTerm)), "$.contents[0].attributes[0].taxonomy_term");

        Map<String, Object> badMoney = lunchClub("Lunch club");
        badMoney.put("cost_options", List.of(Map.of("id", UUID.randomUUID().toString(), "amount", new BigDecimal("12.345"))));
        assertProblems(feed(List.of(badMoney)), "$.contents[0].cost_options[0].amount");

        Map<String, Object> noOrganisation = onlineService();
        noOrganisation.remove("organization");
        assertProblems(feed(List.of(noOrganisation)), "$.contents[0].organization");

        assertProblems("{\"contents\": [" + "[".repeat(200) + "]".repeat(200) + "]}", "$");
        assertProblems("{\"contents\": [ {\"id\": ", "$");
        assertProblems("[]", "$.contents");
        StringBuilder big = new StringBuilder("{\"contents\": [");
        Map<String, Object> padded = onlineService();
        padded.put("description", "x".repeat(3000));
        String one = JSON.writeValueAsString(padded);
        for (int i = 0; big.length() < 6 * 1024 * 1024; i++) {
            big.append(i == 0 ? "" : ",").append(one);
        }
        assertProblems(big.append("]}").toString(), "$");
        assertThat(services()).isZero();
    }

    @Test
    void theFileCanBeUploadedToo() {
        byte[] file = feed(List.of(onlineService())).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = http.postMultipartAs(DP_TEAM, Http.DEMO_PASSWORD, PATH, Map.of(), "feed.json", file);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT file_name FROM directory_import WHERE id = CAST(:id AS uuid)")
                .param("id", read(response.body()).get("id").asString()).query(String.class).single()).isEqualTo("feed.json");
        HttpResponse<String> none = http.postMultipartAs(DP_TEAM, Http.DEMO_PASSWORD, PATH, Map.of(), null, null);
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(read(none.body()).get("errors").get(0).get("path").asString()).isEqualTo("file");
    }

    @Test
    void onlyTheDpTeamImportsAndOnlyIntoItsOwnCouncil() {
        String body = feed(List.of(onlineService()));
        for (String user : List.of("citizen@demo-england", "finance@demo-england", "provider@demo-england")) {
            assertThat(send(user, body).statusCode()).as(user).isEqualTo(403);
        }
        assertThat(http.postJsonAs("nobody", "wrong", PATH, body).statusCode()).isEqualTo(401);
        assertThat(services()).isZero();

        assertThat(send(DP_TEAM, body).statusCode()).isEqualTo(201);
        // another council's DP team cannot take over England's organisation or service by sending their ids
        HttpResponse<String> wales = send("dp-team@demo-wales", body);
        assertThat(wales.statusCode()).isEqualTo(400);
        List<String> paths = new ArrayList<>();
        read(wales.body()).get("errors").forEach(e -> paths.add(e.get("path").asString()));
        assertThat(paths).containsExactlyInAnyOrder("$.contents[0].id", "$.contents[0].organization.id");
        assertThat(jdbc.sql("SELECT c.code FROM directory_service s JOIN council c ON c.id = s.council_id WHERE s.id = :id")
                .param("id", online).query(String.class).single()).isEqualTo("demo-england");
    }

    private void assertProblems(String body, String path) {
        long before = services();
        HttpResponse<String> response = send(DP_TEAM, body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        List<String> paths = new ArrayList<>();
        read(response.body()).get("errors").forEach(e -> paths.add(e.get("path").asString()));
        assertThat(paths).as(response.body()).contains(path);
        assertThat(services()).isEqualTo(before);
    }
}
