package org.dphub.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dphub.directory.DirectoryRows.aService;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.dphub.shared.PostcodeDirectory;
import org.dphub.support.As;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Search starts from the plan: a plan's outcomes are tagged with the directory's terms (API and
 * plan form), the tags are kept with each version, and on the person's plan page a practitioner
 * sees services near the person for each tagged outcome, linking to the search with those filters.
 * The citizen's "Your plan" offers "Find things to help with this" for each outcome.
 */
@IntegrationTest
class PlanOutcomeSearchIT {

    static final String PRACTITIONER = "practitioner@demo-england";
    static final UUID CHILD = UUID.fromString("6a1d6a2e-5d1f-4c1b-9a52-000000000010");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    PostcodeDirectory postcodes;
    @LocalServerPort
    int port;

    Http http;
    As as;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        http = new Http(port);
        as = new As(users);
    }

    JsonNode created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body());
    }

    long newCitizen() {
        return created(http.postJsonAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/citizens", """
                {"givenName": "Nia", "familyName": "Hughes", "dateOfBirth": "1990-05-02", "postcode": "LL57 1AB"}""")).get("id").asLong();
    }

    String planJson(String terms) {
        return """
                {"startDate": "%s",
                 "outcomes": [{"text": "Spend time with my son after school", "taxonomyTermIds": %s}, {"text": "Stay in my own home"}],
                 "budgetLines": [{"description": "Activities", "kind": "WEEKLY", "weeklyAmountPence": 2000, "outcomes": [1]}],
                 "paymentFrequency": "FOUR_WEEKLY", "weeklyContributionPence": 0}""".formatted(LocalDate.now().minusDays(1), terms);
    }

    String page(String username, String path) throws Exception {
        MvcResult result = mvc.perform(get(path).with(as.user(username))).andReturn();
        assertThat(result.getResponse().getStatus()).as(path).isEqualTo(200);
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void aTaggedOutcomeShowsServicesNearThePersonOnTheirPlanPage() throws Exception {
        long england = DirectoryRows.council(jdbc, "demo-england");
        String name = "After-school club " + UUID.randomUUID().toString().substring(0, 6);
        UUID org = DirectoryRows.organization(jdbc, england, "Bangor Families");
        aService(name).at("LL57 1ZZ").serving(CHILD).costs(300, "SESSION").insert(jdbc, postcodes, org, england);
        aService(name + " far").at("CF10 1AA").serving(CHILD).insert(jdbc, postcodes, org, england);

        long citizen = newCitizen();
        JsonNode plan = created(http.postJsonAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/citizens/" + citizen + "/plans",
                planJson("[\"" + CHILD + "\"]")));
        assertThat(plan.get("outcomeTaxonomyTermIds").get(0).get(0).asString()).isEqualTo(CHILD.toString());
        assertThat(plan.get("outcomeTaxonomyTermIds").get(1).isEmpty()).isTrue();
        long planId = plan.get("id").asLong();

        String html = page(PRACTITIONER, "/plans/" + planId);
        assertThat(html).contains("Services near the person", "Outcome 1: Spend time with my son after school", name,
                "(Near you: 0.0 km)", "/directory?outcome=" + CHILD + "&amp;postcode=LL57%201AB", "See it in the directory")
                .doesNotContain(name + " far", "Outcome 2: Stay in my own home");
        assertThat(mvc.perform(get("/plans/" + planId).with(as.user("practitioner@demo-wales"))).andReturn().getResponse().getStatus())
                .isEqualTo(404);
    }

    @Test
    void tagsThatAreNotTheDirectorysAreRefusedAndNothingIsSaved() {
        long citizen = newCitizen();
        for (String bad : new String[] {"[\"not-a-term\"]", "[\"" + UUID.randomUUID() + "\"]"}) {
            HttpResponse<String> response = http.postJsonAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/citizens/" + citizen + "/plans",
                    planJson(bad));
            assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
            assertThat(json.readTree(response.body()).get("errors").get(0).get("field").asString())
                    .isEqualTo("outcomes[0].taxonomyTermIds");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM care_plan WHERE citizen_id = :c").param("c", citizen).query(Long.class).single())
                .isZero();
    }

    @Test
    void thePlanFormKeepsAndChangesTheTags() throws Exception {
        long citizen = newCitizen();
        long planId = created(http.postJsonAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/citizens/" + citizen + "/plans",
                planJson("[\"" + CHILD + "\"]"))).get("id").asLong();

        String form = page(PRACTITIONER, "/plans/" + planId + "/change");
        assertThat(form).contains("Outcome 1: Spend time with my son after school", "What outcome 2 helps with");
        assertThat(form).containsPattern("name=\"outcomes\\[0]\\.taxonomyTermIds\"\\s+value=\"" + CHILD + "\" checked");

        LocalDate today = LocalDate.now();
        MvcResult saved = mvc.perform(post("/plans/" + planId + "/change").with(as.user(PRACTITIONER)).with(csrf())
                .param("startDate-day", String.valueOf(today.getDayOfMonth())).param("startDate-month", String.valueOf(today.getMonthValue()))
                .param("startDate-year", String.valueOf(today.getYear()))
                .param("outcomes", "Spend time with my son after school\nStay in my own home")
                .param("outcomes[0].taxonomyTermIds", CHILD.toString())
                .param("outcomes[1].taxonomyTermIds", DirectoryRows.COMMUNITY.toString(), DirectoryRows.RELATIONSHIPS.toString())
                .param("howNeedsMet", "DIRECT_PAYMENT_FULL").param("paymentFrequency", "FOUR_WEEKLY").param("weeklyContribution", "0")
                .param("changeReason", "Tagged")
                .param("budgetLines[0].description", "Activities").param("budgetLines[0].kind", "WEEKLY")
                .param("budgetLines[0].weeklyAmount", "20.00").param("budgetLines[0].outcomes", "1"))
                .andReturn();
        assertThat(saved.getResponse().getStatus()).as(saved.getResponse().getContentAsString()).isEqualTo(302);
        JsonNode plan = json.readTree(http.getAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/plans/" + planId).body());
        JsonNode latest = plan.get("versions").get(plan.get("versions").size() - 1);
        assertThat(latest.get("outcomeTaxonomyTermIds").get(0).valueStream().map(JsonNode::asString).toList())
                .containsExactly(CHILD.toString());
        assertThat(latest.get("outcomeTaxonomyTermIds").get(1).valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder(DirectoryRows.COMMUNITY.toString(), DirectoryRows.RELATIONSHIPS.toString());

        MvcResult refused = mvc.perform(post("/plans/" + planId + "/change").with(as.user(PRACTITIONER)).with(csrf())
                .param("startDate-day", String.valueOf(today.getDayOfMonth())).param("startDate-month", String.valueOf(today.getMonthValue()))
                .param("startDate-year", String.valueOf(today.getYear()))
                .param("outcomes", "Spend time with my son after school")
                .param("outcomes[0].taxonomyTermIds", "<script>")
                .param("howNeedsMet", "DIRECT_PAYMENT_FULL").param("paymentFrequency", "FOUR_WEEKLY").param("weeklyContribution", "0")
                .param("budgetLines[0].description", "Activities").param("budgetLines[0].kind", "WEEKLY")
                .param("budgetLines[0].weeklyAmount", "20.00"))
                .andReturn();
        assertThat(refused.getResponse().getStatus()).isEqualTo(200);
        assertThat(refused.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("href=\"#outcomes[0].taxonomyTermIds\"", "Choose what the outcome helps with from the list");
    }

    @Test
    void theCitizenIsOfferedThingsToHelpWithEachOutcome() throws Exception {
        String html = page("citizen@demo-england", "/my-plan");
        assertThat(html).contains("Find things to help with this", "href=\"/directory?postcode=");
    }
}
