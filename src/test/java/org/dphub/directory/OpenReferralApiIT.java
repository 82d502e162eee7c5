package org.dphub.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dphub.directory.OrukSchemas.assertValid;
import static org.dphub.directory.OrukSchemas.assertValidPage;
import static org.dphub.directory.OrukSchemas.read;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
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

/**
 * The public Open Referral UK API, as a council's partner or a national aggregator reads it: no
 * sign-in, every answer checked against the UK profile's compiled schemas.
 */
@IntegrationTest
class OpenReferralApiIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http http;
    OrukRows rows;
    long england;
    UUID organization;
    UUID full;
    UUID sparse;
    UUID comesToYou;
    UUID awaiting;
    UUID hiddenOrganization;
    UUID hidden;

    @BeforeEach
    void rows() {
        http = new Http(port);
        rows = new OrukRows(jdbc);
        england = rows.council("demo-england");
        organization = rows.organization(england, "Mold Friends " + UUID.randomUUID());
        full = rows.fullService(organization, england, Map.of("name", "Lunch club"));
        rows.term(full, OrukRows.NUTRITION);
        rows.term(full, OrukRows.COMMUNITY);
        rows.schedule(full, "MONDAY", "10:00", "14:00");
        rows.schedule(full, "THURSDAY", "10:30", "13:30");
        sparse = rows.sparseService(organization, england, "Phone friends", "PUBLISHED");
        comesToYou = rows.fullService(organization, england, Map.of("name", "Garden help", "delivery", "COMES_TO_YOU",
                "postcode", "CH7 2AB", "latitude", new java.math.BigDecimal("53.166410"),
                "longitude", new java.math.BigDecimal("-3.085820"), "travel_km", 10, "address", "",
                "cost_pence", 2000L, "cost_unit", "HOUR"));
        awaiting = rows.fullService(organization, england, Map.of("name", "Not checked yet", "status", "AWAITING_CHECKS"));
        hiddenOrganization = rows.organization(england, "Only unchecked " + UUID.randomUUID());
        hidden = rows.sparseService(hiddenOrganization, england, "Suspended thing", "SUSPENDED");
    }

    JsonNode ok(String path) {
        HttpResponse<String> response = http.get(path);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return read(response.body());
    }

    @Test
    void theRootSaysWhichVersionAndProfileAndWhereTheOpenApiDocumentIs() throws Exception {
        JsonNode about = ok("/openreferral/");
        assertThat(about.get("version").asString()).isEqualTo("3.0");
        assertThat(about.get("profile").asString()).isEqualTo("https://github.com/openreferral/uk-profile");
        assertThat(about.get("openapi_url").asString()).isEqualTo("http://localhost:" + port + "/openreferral/openapi.json");
        JsonNode openApi = ok("/openreferral/openapi.json");
        assertThat(openApi.get("info").get("title").asString()).isEqualTo("Open Referral UK Profile");
    }

    @Test
    void aPublishedServiceHasEverythingWeKnowInTheProfilesShape() throws Exception {
        JsonNode service = ok("/openreferral/services/" + full);
        assertValid("compiled/service.json", service);
        assertThat(service.get("id").asString()).isEqualTo(full.toString());
        assertThat(service.get("status").asString()).isEqualTo("active");
        assertThat(service.get("organization").get("id").asString()).isEqualTo(organization.toString());
        assertThat(service.get("minimum_age").asInt()).isEqualTo(18);

        JsonNode schedules = service.get("schedules");
        assertThat(schedules).hasSize(2);
        assertThat(schedules.get(0).get("freq").asString()).isEqualTo("WEEKLY");
        assertThat(schedules.get(0).get("byday").asString()).isEqualTo("MO");
        assertThat(schedules.get(0).get("opens_at").asString()).isEqualTo("10:00:00");
        assertThat(schedules.get(1).get("byday").asString()).isEqualTo("TH");
        assertThat(schedules.get(1).get("closes_at").asString()).isEqualTo("13:30:00");

        JsonNode place = service.get("service_at_locations").get(0);
        JsonNode location = place.get("location");
        assertThat(location.get("location_type").asString()).isEqualTo("physical");
        assertThat(location.get("latitude").decimalValue()).isEqualByComparingTo("53.16597");
        JsonNode address = location.get("addresses").get(0);
        assertThat(address.get("postal_code").asString()).isEqualTo("CH7 1XY");
        assertThat(address.get("address_1").asString()).isEqualTo("Community Centre, 1 High Street");
        assertThat(address.get("city").asString()).isEqualTo("Mold");
        assertThat(address.get("country").asString()).isEqualTo("GB");
        assertThat(location.get("accessibility").get(0).get("description").asString()).contains("hearing loop");

        JsonNode cost = service.get("cost_options").get(0);
        assertThat(cost.get("amount").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(cost.get("currency").asString()).isEqualTo("GBP");
        assertThat(cost.get("option").asString()).isEqualTo("per session");

        assertThat(service.get("languages")).extracting(l -> l.get("code").asString()).containsExactly("en", "cy");
        assertThat(service.get("languages").get(1).get("name").asString()).isEqualTo("Welsh");

        assertThat(service.get("attributes")).hasSize(2);
        JsonNode attribute = service.get("attributes").get(0);
        assertThat(attribute.get("taxonomy_term_id").asString()).isEqualTo(OrukRows.NUTRITION.toString());
        assertThat(attribute.get("taxonomy_term").get("name").asString()).isEqualTo("Eating and drinking well");
        assertThat(attribute.get("taxonomy_term").get("taxonomy").asString()).isEqualTo("Care and support outcomes (England)");

        // the ids of what has no row of its own are stable and derived from the service's id
        assertThat(place.get("id").asString()).isEqualTo(UUID.nameUUIDFromBytes((full + ":service_at_location").getBytes(StandardCharsets.UTF_8)).toString());
        assertThat(ok("/openreferral/services/" + full).toString()).isEqualTo(service.toString());

        // the shape of the profile's own full example: every part we fill is one the example has
        JsonNode example = read(Files.readString(OrukSchemas.DIR.resolve("examples/service_full.json")));
        JsonNode schema = read(Files.readString(OrukSchemas.DIR.resolve("schema/compiled/service.json"))).get("properties");
        for (var field : service.properties()) {
            assertThat(example.has(field.getKey()) || schema.has(field.getKey())).as(field.getKey()).isTrue();
        }
        for (String part : List.of("schedules", "service_at_locations", "languages", "cost_options", "attributes", "organization")) {
            assertThat(service.has(part)).as(part).isTrue();
            assertThat(example.has(part)).as(part).isTrue();
        }
    }

    @Test
    void aServiceWithOnlyWhatIsRequiredLeavesTheRestOut() {
        JsonNode service = ok("/openreferral/services/" + sparse);
        assertValid("compiled/service.json", service);
        assertThat(service.has("url")).isFalse();
        assertThat(service.has("minimum_age")).isFalse();
        assertThat(service.has("schedules")).isFalse();
        assertThat(service.has("languages")).isFalse();
        assertThat(service.has("attributes")).isFalse();
        assertThat(service.get("fees").asString()).isEqualTo("Free");
        assertThat(service.get("cost_options").get(0).get("amount").decimalValue()).isEqualByComparingTo("0");
        JsonNode location = service.get("service_at_locations").get(0).get("location");
        assertThat(location.get("location_type").asString()).isEqualTo("virtual");
        assertThat(location.has("latitude")).isFalse();
    }

    @Test
    void aServiceThatComesToYouShowsItsSectorNotItsPostcode() {
        JsonNode service = ok("/openreferral/services/" + comesToYou);
        assertValid("compiled/service.json", service);
        assertThat(service.toString()).doesNotContain("CH7 2AB");
        assertThat(service.get("service_areas").get(0).get("name").asString()).isEqualTo("Comes to you within 10 km of CH7 2");
        assertThat(service.get("cost_options").get(0).get("amount").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(service.get("cost_options").get(0).get("option").asString()).isEqualTo("per hour");
    }

    @Test
    void onlyPublishedServicesAndTheirOrganisationsAppear() {
        for (String path : List.of("/openreferral/services/" + awaiting, "/openreferral/services/" + hidden,
                "/openreferral/organizations/" + hiddenOrganization, "/openreferral/services/" + UUID.randomUUID(),
                "/openreferral/service_at_locations/" + UUID.nameUUIDFromBytes((awaiting + ":service_at_location").getBytes(StandardCharsets.UTF_8)),
                "/openreferral/taxonomies/" + UUID.randomUUID(), "/openreferral/taxonomy_terms/" + UUID.randomUUID())) {
            HttpResponse<String> response = http.get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        JsonNode list = ok("/openreferral/services?organization_id=" + organization + "&per_page=10");
        assertValidPage("compiled/service_list.json", list);
        assertThat(list.get("total_items").asInt()).isEqualTo(3);
        assertThat(list.get("contents")).extracting(s -> s.get("name").asString())
                .containsExactly("Garden help", "Lunch club", "Phone friends");
        assertThat(ok("/openreferral/services?organization_id=" + hiddenOrganization).get("empty").asBoolean()).isTrue();
        assertThat(ok("/openreferral/organizations?search=" + enc("Only unchecked")).toString())
                .doesNotContain(hiddenOrganization.toString());
    }

    @Test
    void servicesArePagedAndFilteredAsTheProfileSays() {
        String mine = "/openreferral/services?organization_id=" + organization;
        JsonNode first = ok(mine + "&per_page=2&page=1");
        assertValidPage("compiled/service_list.json", first);
        assertThat(first.get("total_pages").asInt()).isEqualTo(2);
        assertThat(first.get("first_page").asBoolean()).isTrue();
        assertThat(first.get("last_page").asBoolean()).isFalse();
        JsonNode second = ok(mine + "&per_page=2&page=2");
        assertThat(second.get("size").asInt()).isEqualTo(1);
        assertThat(second.get("last_page").asBoolean()).isTrue();
        JsonNode beyond = ok(mine + "&per_page=2&page=3");
        assertThat(beyond.get("empty").asBoolean()).isTrue();
        assertThat(beyond.get("total_items").asInt()).isEqualTo(3);

        JsonNode fullList = ok(mine + "&full=true");
        for (JsonNode service : fullList.get("contents")) {
            assertValid("compiled/service.json", service);
        }
        assertThat(fullList.get("contents").get(1).get("schedules")).hasSize(2);

        assertThat(names(mine + "&taxonomy_term_id=" + OrukRows.NUTRITION)).containsExactly("Lunch club");
        assertThat(names(mine + "&taxonomy_id=" + OrukRows.ENGLAND_OUTCOMES)).containsExactly("Lunch club");
        assertThat(names(mine + "&search=" + enc("garden"))).containsExactly("Garden help");
        assertThat(names(mine + "&day=MO")).containsExactly("Lunch club");
        assertThat(names(mine + "&day=TU")).isEmpty();
        assertThat(names(mine + "&day=TH&start_time=10:15")).containsExactly("Lunch club");
        assertThat(names(mine + "&day=MO&start_time=10:15")).isEmpty();
        assertThat(names(mine + "&end_time=13:45")).containsExactly("Lunch club");
        assertThat(names(mine + "&minimum_age=18")).containsExactly("Garden help", "Lunch club");
        assertThat(names(mine + "&maximum_age=90")).isEmpty();
        assertThat(names(mine + "&modified_after=2000-01-01")).hasSize(3);
        assertThat(names(mine + "&modified_after=" + enc("2999-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void placesNearAPostcodeComeNearestFirstWithTheirDistance() {
        String mine = "&organization_id=" + organization;
        JsonNode near = ok("/openreferral/service_at_locations?postcode=" + enc("ch7 1aa") + "&proximity=5000" + mine);
        assertValidPage("compiled/service_at_location_list.json", near);
        assertThat(near.get("contents")).extracting(p -> p.get("service").get("name").asString())
                .containsExactly("Lunch club", "Garden help");
        assertThat(near.get("contents").get(0).get("distance").asLong()).isZero();
        // Mold (CH7 1) to CH7 2 is about 3.9 km
        assertThat(near.get("contents").get(1).get("distance").asLong()).isBetween(3800L, 4000L);
        assertThat(names("/openreferral/service_at_locations?postcode=CH71AA&proximity=3000" + mine, "service"))
                .containsExactly("Lunch club");
        assertThat(names("/openreferral/service_at_locations?postcode=" + enc("LL11 1AA") + "&proximity=5000" + mine, "service")).isEmpty();
        assertThat(names("/openreferral/service_at_locations?postcode=" + enc("LL11 1AA") + "&proximity=20000&taxonomy_term_id="
                + OrukRows.COMMUNITY + mine, "service")).containsExactly("Lunch club");

        // without a postcode: every place of every published service, the online one too
        JsonNode all = ok("/openreferral/service_at_locations?full=true" + mine);
        assertThat(all.get("total_items").asInt()).isEqualTo(3);
        for (JsonNode place : all.get("contents")) {
            assertValid("compiled/service_at_location_list.json", place);
            assertValid("compiled/service.json", place.get("service"));
        }

        String placeId = near.get("contents").get(0).get("id").asString();
        JsonNode one = ok("/openreferral/service_at_locations/" + placeId);
        assertValid("compiled/service_at_location.json", one);
        assertThat(one.get("service").get("id").asString()).isEqualTo(full.toString());
        assertThat(one.get("location").get("addresses").get(0).get("postal_code").asString()).isEqualTo("CH7 1XY");
    }

    @Test
    void theSearchForAnOutcomeNearAPostcodeFollowsPublishingAndTerms() {
        String code = "near-" + UUID.randomUUID().toString().substring(0, 8);
        UUID term = rows.councilTerm(england, code, "Near " + code);
        rows.term(full, term);
        rows.term(comesToYou, term);
        rows.term(awaiting, term);
        String search = "/openreferral/service_at_locations?postcode=" + enc("CH7 1AA") + "&proximity=5000&taxonomy_term_id=" + term;
        JsonNode near = ok(search);
        assertValidPage("compiled/service_at_location_list.json", near);
        assertThat(names(search, "service")).containsExactly("Lunch club", "Garden help");
        assertThat(near.get("contents").get(1).get("distance").asLong()).isBetween(3800L, 4000L);
        assertThat(names(search.replace("5000", "3000"), "service")).containsExactly("Lunch club");
        assertThat(ok(search + "&per_page=1&page=2").get("contents").get(0).get("service").get("name").asString()).isEqualTo("Garden help");
        assertThat(ok(search + "&per_page=1&page=3").get("total_items").asInt()).isEqualTo(2);

        jdbc.sql("UPDATE directory_service SET status = 'SUSPENDED' WHERE id = :id").param("id", comesToYou).update();
        assertThat(names(search, "service")).containsExactly("Lunch club");
        jdbc.sql("DELETE FROM directory_service_term WHERE service_id = :s AND term_id = :t").param("s", full).param("t", term).update();
        assertThat(names(search, "service")).isEmpty();
        jdbc.sql("UPDATE directory_service SET status = 'PUBLISHED', insurance_checked = TRUE, safeguarding_checked = TRUE WHERE id = :id")
                .param("id", awaiting).update();
        assertThat(names(search, "service")).containsExactly("Not checked yet");
        jdbc.sql("UPDATE directory_service SET latitude = 53.04189, longitude = -2.99599, postcode = 'LL11 1AA' WHERE id = :id")
                .param("id", awaiting).update();
        assertThat(names(search, "service")).isEmpty();
    }

    @Test
    void organisationsTaxonomiesAndTermsAreThereToo() {
        JsonNode organisation = ok("/openreferral/organizations/" + organization);
        assertValid("compiled/organization.json", organisation);
        assertThat(organisation.get("services")).hasSize(3);
        JsonNode organisations = ok("/openreferral/organizations?search=" + enc("Mold Friends"));
        assertValidPage("compiled/organization_list.json", organisations);
        assertThat(organisations.toString()).contains(organization.toString());

        JsonNode taxonomies = ok("/openreferral/taxonomies");
        assertValidPage("taxonomy.json", taxonomies);
        assertThat(taxonomies.get("contents")).extracting(t -> t.get("id").asString())
                .contains(OrukRows.ENGLAND_OUTCOMES.toString(), "6a1d6a2e-5d1f-4c1b-9a51-000000000002");
        JsonNode england = ok("/openreferral/taxonomies/" + OrukRows.ENGLAND_OUTCOMES);
        assertValid("taxonomy.json", england);
        assertThat(england.get("taxonomy_terms").size()).isGreaterThanOrEqualTo(10);

        String code = "test-" + UUID.randomUUID().toString().substring(0, 8);
        UUID councilTerm = rows.councilTerm(this.england, code, "Swimming " + code);
        JsonNode terms = ok("/openreferral/taxonomy_terms?taxonomy_id=" + OrukRows.ENGLAND_OUTCOMES + "&per_page=100");
        assertValidPage("taxonomy_term.json", terms);
        assertThat(terms.get("contents")).extracting(t -> t.get("id").asString())
                .contains(OrukRows.NUTRITION.toString(), councilTerm.toString())
                .doesNotContain(OrukRows.WALES_HEALTH.toString());
        assertThat(names("/openreferral/taxonomy_terms?search=" + code)).containsExactly("Swimming " + code);
        assertThat(names("/openreferral/taxonomy_terms?parent_id=" + OrukRows.NUTRITION)).isEmpty();
        JsonNode term = ok("/openreferral/taxonomy_terms/" + OrukRows.WALES_HEALTH);
        assertValid("taxonomy_term.json", term);
        assertThat(term.get("taxonomy").asString()).isEqualTo("Well-being outcomes (Wales)");
        assertThat(term.get("code").asString()).isEqualTo("wales-health");
    }

    @Test
    void aBadParameterIsA400ThatNamesIt() {
        assertBad("/openreferral/services?page=0", "page");
        assertBad("/openreferral/services?per_page=1000", "per_page");
        assertBad("/openreferral/services?taxonomy_term_id=nutrition", "taxonomy_term_id");
        assertBad("/openreferral/services?organization_id=1", "organization_id");
        assertBad("/openreferral/services?minimum_age=-5", "minimum_age");
        assertBad("/openreferral/services?day=Funday", "day");
        assertBad("/openreferral/services?start_time=25:00", "start_time");
        assertBad("/openreferral/services?modified_after=yesterday", "modified_after");
        assertBad("/openreferral/services?full=maybe", "full");
        assertBad("/openreferral/service_at_locations?postcode=" + enc("ZZ9 9ZZ") + "&proximity=1000", "postcode");
        assertBad("/openreferral/service_at_locations?postcode=" + enc("<script>") + "&proximity=1000", "postcode");
        assertBad("/openreferral/service_at_locations?postcode=" + enc("CH7 1AA") + "&proximity=-1", "proximity");
        assertBad("/openreferral/service_at_locations?proximity=1000", "postcode");
        assertBad("/openreferral/services/not-a-uuid", "id");
        assertBad("/openreferral/taxonomy_terms?parent_id=x", "parent_id");
        // every problem at once
        HttpResponse<String> both = http.get("/openreferral/services?page=0&per_page=1000");
        assertThat(read(both.body()).get("errors")).extracting(e -> e.get("field").asString()).containsExactly("page", "per_page");
    }

    @Test
    void nothingCanBeWrittenThroughIt() throws Exception {
        HttpResponse<String> post = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/openreferral/services"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM directory_service WHERE organization_id = :o").param("o", organization)
                .query(Long.class).single()).isEqualTo(4);
    }

    @Test
    void theDatabaseDerivesTheSameIdsAsJava() {
        UUID id = UUID.randomUUID();
        for (String kind : List.of("service_at_location", "location", "cost_option", "language:cy")) {
            assertThat(jdbc.sql("SELECT directory_derived_uuid(:id, :kind)").param("id", id).param("kind", kind).query(UUID.class).single())
                    .isEqualTo(UUID.nameUUIDFromBytes((id + ":" + kind).getBytes(StandardCharsets.UTF_8)));
        }
    }

    private void assertBad(String path, String field) {
        HttpResponse<String> response = http.get(path);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(read(response.body()).get("errors")).as(path).extracting(e -> e.get("field").asString()).contains(field);
    }

    private List<String> names(String path) {
        return names(path, null);
    }

    private List<String> names(String path, String nested) {
        List<String> names = new ArrayList<>();
        for (JsonNode item : ok(path).get("contents")) {
            names.add((nested == null ? item : item.get(nested)).get("name").asString());
        }
        return names;
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
