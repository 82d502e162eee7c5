package org.dphub.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.dphub.support.As;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The DP team's page for importing the council's Open Referral UK feed. */
@IntegrationTest
class FeedImportPageIT {

    static final String DP_TEAM = "dp-team@demo-england";

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    As as;

    @BeforeEach
    void setUp() {
        as = new As(users);
    }

    String service(UUID id, UUID organization, String name) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"description\":\"A weekly call\",\"status\":\"active\","
                + "\"organization\":{\"id\":\"" + organization + "\",\"name\":\"Friends\",\"description\":\"Calls\"}}";
    }

    MockMultipartFile file(String... services) {
        return new MockMultipartFile("file", "our-feed.json", "application/json",
                ("{\"contents\":[" + String.join(",", services) + "]}").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theDpTeamUploadsTheFeedAndSeesWhatChanged() throws Exception {
        String page = mvc.perform(get("/directory/imports").with(as.user(DP_TEAM))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Import a directory feed", "enctype=\"multipart/form-data\"", "Feed file");
        String welsh = mvc.perform(get("/directory/imports?lang=cy").with(as.user(DP_TEAM))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(welsh).contains("Mewnforio ffrwd cyfeiriadur", "Ffeil y ffrwd");

        UUID id = UUID.randomUUID();
        UUID organization = UUID.randomUUID();
        MvcResult done = mvc.perform(multipart("/directory/imports").file(file(service(id, organization, "Phone friends")))
                        .with(as.user(DP_TEAM)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = done.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/directory/imports?imported=");
        String after = mvc.perform(get(location).with(as.user(DP_TEAM)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(after).contains("1 new services, 0 changed, 0 the same as before, 1 new organisations", "our-feed.json",
                "dphub-table-scroll");
        // another council's DP team does not see what this import did
        String wales = mvc.perform(get(location).with(as.user("dp-team@demo-wales"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(wales).doesNotContain("new organisations", "our-feed.json");
        assertThat(jdbc.sql("SELECT status FROM directory_service WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("AWAITING_CHECKS");
    }

    @Test
    void aFileWithProblemsListsThemAndChangesNothing() throws Exception {
        UUID id = UUID.randomUUID();
        String page = mvc.perform(multipart("/directory/imports")
                        .file(file(service(id, UUID.randomUUID(), "Fine"), "{\"name\":\"No id\",\"status\":\"active\"}"))
                        .with(as.user(DP_TEAM)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("govuk-error-summary", "The feed was not imported", "$.contents[1].id", "href=\"#file\"");
        assertThat(jdbc.sql("SELECT count(*) FROM directory_service WHERE id = :id").param("id", id).query(Long.class).single()).isZero();

        String none = mvc.perform(multipart("/directory/imports").with(as.user(DP_TEAM)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(none).contains("Choose an Open Referral UK service_list JSON file");
    }

    @Test
    void onlyTheDpTeamHasThePage() throws Exception {
        for (String user : List.of("citizen@demo-england", "finance@demo-england", "provider@demo-england")) {
            mvc.perform(get("/directory/imports").with(as.user(user))).andExpect(status().isForbidden());
        }
        // another council's imports are not listed
        String wales = mvc.perform(get("/directory/imports").with(as.user("dp-team@demo-wales"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(wales).doesNotContain("our-feed.json");
    }
}
