package org.dphub.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpResponse;
import java.util.List;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may see what: staff see only their own council's people; a citizen sees themself; a
 * representative sees the people they act for; a PA sees none. Refusals are tested as hard as
 * permissions, and another council's record is "not found", never "forbidden".
 */
@IntegrationTest
class TenancyIT {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    Http http;
    As as;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        http = new Http(port);
        as = new As(users);
    }

    long citizenOf(String councilCode, int n) {
        return jdbc.sql("""
                        SELECT c.id FROM citizen c JOIN council k ON k.id = c.council_id
                        WHERE k.code = :code ORDER BY c.id OFFSET :n LIMIT 1""")
                .param("code", councilCode).param("n", n).query(Long.class).single();
    }

    long citizenLinkedTo(String username, String relationship) {
        return jdbc.sql("""
                        SELECT a.citizen_id FROM citizen_access a JOIN app_user u ON u.id = a.user_id
                        WHERE u.username = :username AND a.relationship = :relationship""")
                .param("username", username).param("relationship", relationship).query(Long.class).single();
    }

    @Test
    void englandStaffCannotReadAWalesCitizenThroughTheApi() {
        long walesCitizen = citizenOf("demo-wales", 5);
        for (String staff : List.of("practitioner", "budget-holder", "dp-team", "finance", "admin")) {
            HttpResponse<String> response = http.getAs(staff + "@demo-england", Http.DEMO_PASSWORD, "/api/v1/citizens/" + walesCitizen);
            assertThat(response.statusCode()).as(staff).isEqualTo(404);
            assertThat(response.body()).doesNotContain(jdbc.sql("SELECT family_name FROM citizen WHERE id = :id")
                    .param("id", walesCitizen).query(String.class).single() + "\"");
        }
        HttpResponse<String> own = http.getAs("practitioner@demo-wales", Http.DEMO_PASSWORD, "/api/v1/citizens/" + walesCitizen);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(json.readTree(own.body()).get("reference").asString()).startsWith("DW-");
    }

    @Test
    void englandStaffCannotOpenAWalesCitizensPage() throws Exception {
        long walesCitizen = citizenOf("demo-wales", 7);
        mvc.perform(get("/citizens/" + walesCitizen).with(as.user("practitioner@demo-england")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/citizens/" + walesCitizen).with(as.user("practitioner@demo-wales")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("DW-")));
    }

    @Test
    void staffSearchNeverReturnsAnotherCouncilsPeople() {
        HttpResponse<String> response = http.getAs("dp-team@demo-england", Http.DEMO_PASSWORD, "/api/v1/citizens?pageSize=100");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode page = json.readTree(response.body());
        assertThat(page.get("total").asLong()).isEqualTo(jdbc.sql(
                "SELECT count(*) FROM citizen c JOIN council k ON k.id = c.council_id WHERE k.code = 'demo-england'")
                .query(Long.class).single());
        page.get("citizens").forEach(c -> assertThat(c.get("reference").asString()).startsWith("DE-"));
    }

    @Test
    void aCitizenSeesThemselfAndNobodyElse() {
        long self = citizenLinkedTo("citizen@demo-england", "SELF");
        assertThat(http.getAs("citizen@demo-england", Http.DEMO_PASSWORD, "/api/v1/citizens/" + self).statusCode()).isEqualTo(200);
        long neighbour = citizenOf("demo-england", 10);
        assertThat(neighbour).isNotEqualTo(self);
        assertThat(http.getAs("citizen@demo-england", Http.DEMO_PASSWORD, "/api/v1/citizens/" + neighbour).statusCode()).isEqualTo(404);
        assertThat(http.getAs("citizen@demo-england", Http.DEMO_PASSWORD, "/api/v1/citizens").statusCode())
                .as("citizens cannot search the council's people").isEqualTo(403);
    }

    @Test
    void aRepresentativeSeesThePeopleTheyActForOnly() throws Exception {
        long authorised = citizenLinkedTo("representative@demo-england", "AUTHORISED_PERSON");
        long nominated = citizenLinkedTo("representative@demo-england", "NOMINATED_PERSON");
        assertThat(http.getAs("representative@demo-england", Http.DEMO_PASSWORD, "/api/v1/citizens/" + authorised).statusCode()).isEqualTo(200);
        assertThat(http.getAs("representative@demo-england", Http.DEMO_PASSWORD, "/api/v1/citizens/" + nominated).statusCode()).isEqualTo(200);
        assertThat(http.getAs("representative@demo-england", Http.DEMO_PASSWORD, "/api/v1/citizens/" + citizenOf("demo-england", 20)).statusCode()).isEqualTo(404);
        mvc.perform(get("/my-people").with(as.user("representative@demo-england")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("authorised person")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("nominated person")));
    }

    @Test
    void aPaCannotSeeCitizens() throws Exception {
        long someone = citizenOf("demo-england", 3);
        assertThat(http.getAs("pa@demo-england", Http.DEMO_PASSWORD, "/api/v1/citizens/" + someone).statusCode()).isEqualTo(404);
        mvc.perform(get("/citizens").with(as.user("pa@demo-england"))).andExpect(status().isForbidden());
        mvc.perform(get("/citizens/" + someone).with(as.user("pa@demo-england"))).andExpect(status().isNotFound());
        mvc.perform(get("/council/settings").with(as.user("pa@demo-england"))).andExpect(status().isForbidden());
    }

    @Test
    void providersAndCitizensCannotOpenStaffPages() throws Exception {
        for (String user : List.of("provider@demo-england", "citizen@demo-wales", "representative@demo-wales")) {
            mvc.perform(get("/citizens").with(as.user(user))).andExpect(status().isForbidden());
            mvc.perform(get("/council/audit-trail").with(as.user(user))).andExpect(status().isForbidden());
        }
    }

    @Test
    void aPaSeesOnlyTheirOwnProfile() throws Exception {
        mvc.perform(get("/pa/profile").with(as.user("pa@demo-wales")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Live")));
        mvc.perform(get("/pa/profile").with(as.user("practitioner@demo-wales"))).andExpect(status().isForbidden());
    }

    @Test
    void signedOutVisitorsAreSentToSignIn() throws Exception {
        mvc.perform(get("/citizens/1")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/home")).andExpect(status().is3xxRedirection());
    }
}
