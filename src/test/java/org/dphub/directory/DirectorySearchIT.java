package org.dphub.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dphub.directory.DirectoryRows.COMMUNITY;
import static org.dphub.directory.DirectoryRows.RELATIONSHIPS;
import static org.dphub.directory.DirectoryRows.aService;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.util.List;
import java.util.UUID;
import org.dphub.shared.PostcodeDirectory;
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
 * Anyone, signed in or not, finds published services by outcome, words, place and distance, day
 * and time, cost, language and age, and each result says why it matches, in English or Welsh. A
 * service waiting for checks, suspended or withdrawn is never found or shown. Bad input is named.
 * The services are in Orkney (Kirkwall KW15 1; KW17 2 is 6.1 km away) with a word no other test uses.
 */
@IntegrationTest
class DirectorySearchIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    PostcodeDirectory postcodes;
    @LocalServerPort
    int port;

    Http http;
    final JsonMapper json = JsonMapper.builder().build();
    String word;
    UUID yoga;
    UUID cafe;
    UUID waiting;
    UUID suspended;

    @BeforeEach
    void services() {
        http = new Http(port);
        word = "Zq" + UUID.randomUUID().toString().substring(0, 8);
        long council = DirectoryRows.council(jdbc, "demo-england");
        UUID org = DirectoryRows.organization(jdbc, council, "Kirkwall Friends " + word);
        yoga = aService("Chair yoga " + word).at("KW15 1AA").free().serving(COMMUNITY).languages("en", "cy").ages(18, 65)
                .open(DayOfWeek.SATURDAY, "10:00", "12:00").accessibility("Step-free, hearing loop")
                .insert(jdbc, postcodes, org, council);
        cafe = aService("Memory cafe " + word).at("KW17 2AA").costs(500, "SESSION").serving(RELATIONSHIPS)
                .open(DayOfWeek.MONDAY, "14:00", "16:00").insert(jdbc, postcodes, org, council);
        waiting = aService("Waiting " + word).at("KW15 1AA").free().serving(COMMUNITY).status("AWAITING_CHECKS")
                .open(DayOfWeek.SATURDAY, "10:00", "12:00").insert(jdbc, postcodes, org, council);
        suspended = aService("Suspended " + word).at("KW15 1AA").free().serving(COMMUNITY).status("SUSPENDED")
                .insert(jdbc, postcodes, org, council);
    }

    JsonNode api(String query) throws Exception {
        HttpResponse<String> response = http.get("/api/v1/directory/search?q=" + word + query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    List<String> names(JsonNode results) {
        return results.get("services").valueStream().map(s -> s.get("name").asString()).toList();
    }

    /** Why it matches, leaving out the words every search here has. */
    List<String> why(JsonNode results, UUID id) {
        return results.get("services").valueStream().filter(s -> s.get("id").asString().equals(id.toString()))
                .findFirst().orElseThrow().get("why").valueStream()
                .filter(w -> !w.get("code").asString().equals("WORDS"))
                .map(w -> w.get("text").asString()).toList();
    }

    List<String> allWhy(JsonNode results, UUID id) {
        return results.get("services").valueStream().filter(s -> s.get("id").asString().equals(id.toString()))
                .findFirst().orElseThrow().get("why").valueStream().map(w -> w.get("text").asString()).toList();
    }

    @Test
    void anyoneFindsOnlyPublishedServicesWithoutSigningIn() throws Exception {
        JsonNode all = api("");
        assertThat(names(all)).containsExactlyInAnyOrder("Chair yoga " + word, "Memory cafe " + word);
        assertThat(all.get("totalItems").asLong()).isEqualTo(2);

        HttpResponse<String> page = http.get("/directory?q=" + word);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Chair yoga " + word, "Memory cafe " + word, "2 services found")
                .doesNotContain("Waiting " + word, "Suspended " + word);

        assertThat(http.get("/directory/services/" + yoga).statusCode()).isEqualTo(200);
        assertThat(http.get("/directory/services/" + waiting).statusCode()).isEqualTo(404);
        assertThat(http.get("/directory/services/" + suspended).statusCode()).isEqualTo(404);
        assertThat(http.get("/directory/services/not-an-id").statusCode()).isEqualTo(404);
    }

    @Test
    void eachFilterNarrowsAndSaysWhy() throws Exception {
        JsonNode near = api("&postcode=KW15+1XY&distance=3");
        assertThat(names(near)).containsExactly("Chair yoga " + word);
        assertThat(why(near, yoga)).containsExactly("Near you: 0.0 km");

        JsonNode further = api("&postcode=kw151xy&distance=10");
        assertThat(names(further)).containsExactly("Chair yoga " + word, "Memory cafe " + word);
        assertThat(why(further, cafe)).containsExactly("Near you: 6.1 km");
        assertThat(further.get("services").get(1).get("distanceKm").asDouble()).isEqualTo(6.1);

        JsonNode outcome = api("&outcome=" + COMMUNITY);
        assertThat(names(outcome)).containsExactly("Chair yoga " + word);
        assertThat(why(outcome, yoga)).containsExactly("Helps with: Getting out and about");

        JsonNode saturday = api("&day=SATURDAY&time=11:00");
        assertThat(names(saturday)).containsExactly("Chair yoga " + word);
        assertThat(why(saturday, yoga)).containsExactly("Open Saturday 10:00 to 12:00");
        assertThat(names(api("&day=SATURDAY&time=12:00"))).isEmpty();
        assertThat(names(api("&day=MONDAY"))).containsExactly("Memory cafe " + word);

        JsonNode free = api("&free=true");
        assertThat(names(free)).containsExactly("Chair yoga " + word);
        assertThat(why(free, yoga)).containsExactly("Free");
        assertThat(names(api("&maxCostPence=499"))).containsExactly("Chair yoga " + word);
        JsonNode upTo5 = api("&maxCostPence=500");
        assertThat(names(upTo5)).containsExactlyInAnyOrder("Chair yoga " + word, "Memory cafe " + word);
        assertThat(why(upTo5, cafe)).containsExactly("Costs £5.00 a session");

        JsonNode welsh = api("&language=cy");
        assertThat(names(welsh)).containsExactly("Chair yoga " + word);
        assertThat(why(welsh, yoga)).containsExactly("In Welsh");

        // the cafe gives no ages, so it is for everyone; yoga is for 18 to 65
        assertThat(names(api("&age=70"))).containsExactly("Memory cafe " + word);
        assertThat(why(api("&age=30"), yoga)).containsExactly("For ages: 18 to 65");

        JsonNode all = api("&postcode=KW15+1XY&distance=10&outcome=" + COMMUNITY + "&day=SATURDAY&free=true&language=cy&age=30");
        assertThat(allWhy(all, yoga)).containsExactly("Near you: 0.0 km", "Helps with: Getting out and about",
                "Open Saturday 10:00 to 12:00", "Free", "In Welsh", "For ages: 18 to 65", "Mentions: " + word);
    }

    @Test
    void reasonsAreInTheReadersLanguage() throws Exception {
        JsonNode welsh = api("&outcome=" + COMMUNITY + "&day=SATURDAY&free=true&language=cy&lang=cy");
        assertThat(allWhy(welsh, yoga)).containsExactly("Yn helpu gyda: Mynd allan a chrwydro", "Ar agor Dydd Sadwrn 10:00 i 12:00",
                "Am ddim", "Iaith: Cymraeg", "Yn sôn am: " + word);
    }

    @Test
    void resultsComeAPageAtATime() throws Exception {
        JsonNode first = api("&perPage=1");
        JsonNode second = api("&perPage=1&page=2");
        assertThat(first.get("totalPages").asInt()).isEqualTo(2);
        assertThat(names(first)).hasSize(1);
        assertThat(names(second)).hasSize(1).doesNotContainAnyElementsOf(names(first));
        assertThat(names(api("&perPage=1&page=3"))).isEmpty();
        assertThat(api("&perPage=1&page=3").get("totalItems").asLong()).isEqualTo(2);

        String page = http.get("/directory?q=" + word + "&page=1").body();
        assertThat(page).contains("2 services found");
    }

    @Test
    void theServicePageShowsItInFull() throws Exception {
        String page = http.get("/directory/services/" + yoga + "?from=KW17+2AA").body();
        assertThat(page).contains("Chair yoga " + word, "Kirkwall Friends " + word, "Checked by the council",
                "Insurance and safeguarding checked on", "Saturday 10:00 to 12:00", "Free", "18 to 65", "English, Welsh",
                "Step-free, hearing loop", "Getting out and about", "6.1 km from KW17 2AA", "01234 567890");
        String welsh = http.get("/directory/services/" + yoga, "Cookie", "dphub-language=cy").body();
        assertThat(welsh).contains("Mynd allan a chrwydro", "Dydd Sadwrn 10:00 i 12:00", "Am ddim");
    }

    @Test
    void payingRegularlyAndBuyingTogetherAreOfferedOnlyToThoseWhoMayDoThem() {
        String path = "/directory/services/" + yoga + "?lang=en";
        // someone not signed in may hold a direct payment: they sign in on the way
        assertThat(http.get(path).body()).contains("id=\"pay-regularly\"", "id=\"buy-together\"");
        // a person with a direct payment, and their representative
        for (String user : List.of("citizen@demo-england", "representative@demo-england")) {
            assertThat(http.get(path, "Cookie", http.signIn(user, Http.DEMO_PASSWORD)).body()).as(user)
                    .contains("id=\"pay-regularly\"", "id=\"buy-together\"");
        }
        // another organisation's provider may propose buying it together, but pays no one
        assertThat(http.get(path, "Cookie", http.signIn("provider@demo-england", Http.DEMO_PASSWORD)).body())
                .contains("Chair yoga " + word, "id=\"buy-together\"").doesNotContain("id=\"pay-regularly\"");
        // a PA, and staff of another council (the service's own council's staff manage it on this page), do neither:
        // no link to a page that would refuse them
        for (String user : List.of("pa@demo-england", "dp-team@demo-wales")) {
            String page = http.get(path, "Cookie", http.signIn(user, Http.DEMO_PASSWORD)).body();
            assertThat(page).as(user).contains("Chair yoga " + word).doesNotContain("id=\"pay-regularly\"", "id=\"buy-together\"");
            assertThat(http.get("/directory/services/" + yoga + "/pay-regularly", "Cookie", http.signIn(user, Http.DEMO_PASSWORD))
                    .statusCode()).as(user + ": the page itself still refuses").isIn(403, 404);
        }
    }

    @Test
    void badInputIsNamedAndNothingIsSearched() throws Exception {
        for (String[] bad : new String[][] {
                {"postcode=ZZ99+9ZZ", "postcode", "We cannot find the postcode ZZ99 9ZZ"},
                {"postcode=nonsense", "postcode", "Enter a real postcode"},
                {"postcode=KW15+1AA&distance=-1", "distance", "from 1 to 200"},
                {"postcode=KW15+1AA&distance=1000", "distance", "from 1 to 200"},
                {"maxCostPence=-500", "maxCostPence", "whole pence"},
                {"maxCostPence=1e9", "maxCostPence", "whole pence"},
                {"age=200", "age", "from 0 to 120"},
                {"day=FUNDAY", "day", "Choose a day"},
                {"time=25:99", "time", "like 14:30"},
                {"outcome=" + UUID.randomUUID(), "outcome", "from the list"},
                {"language=xx", "language", "Choose a language"},
                {"q=" + URLEncoder.encode("<script>alert(1)</script>", StandardCharsets.UTF_8), "q", "without the characters"}}) {
            HttpResponse<String> response = http.get("/api/v1/directory/search?" + bad[0]);
            assertThat(response.statusCode()).as(bad[0]).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            JsonNode error = json.readTree(response.body()).get("errors").get(0);
            assertThat(error.get("field").asString()).as(bad[0]).isEqualTo(bad[1]);
            assertThat(error.get("message").asString()).as(bad[0]).contains(bad[2]);
        }

        String page = http.get("/directory?cost=UP_TO&maxCost=-5&age=200&postcode=ZZ99+9ZZ").body();
        assertThat(page).contains("There is a problem", "href=\"#maxCost\"", "Enter an amount of £0 or more",
                "href=\"#age\"", "href=\"#postcode\"", "We cannot find the postcode ZZ99 9ZZ")
                .doesNotContain("services found");
        assertThat(http.get("/directory?cost=UP_TO&maxCost=12.345").body()).contains("href=\"#maxCost\"");
    }
}
