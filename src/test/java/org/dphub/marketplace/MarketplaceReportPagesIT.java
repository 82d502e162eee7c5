package org.dphub.marketplace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.dphub.identity.NewUserAccount;
import org.dphub.identity.UserAccounts;
import org.dphub.shared.Role;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The report pages and the DP team's reports page refuse what they should: only what the user can
 * see may be reported (a made-up or unchecked profile, a closed vacancy: not found), a reason is
 * needed and has no markup, the reports page is the DP team's alone, and another council's DP team
 * cannot suspend a council's vacancy. The match weights page keeps the API's rule.
 */
@IntegrationTest
class MarketplaceReportPagesIT {

    static final String PA_PASSWORD = "a long pa password for reports";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    UserAccounts accounts;
    @Autowired
    MarketplaceSettings settings;
    @LocalServerPort
    int port;

    As as;
    Http http;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void setUp() {
        as = new As(users);
        http = new Http(port);
    }

    String body(MvcResult result) {
        return new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
    }

    MvcResult page(String username, String path) throws Exception {
        return mvc.perform(get(path).with(as.user(username))).andReturn();
    }

    MvcResult postAs(String username, String path, String... params) throws Exception {
        var request = post(path).with(as.user(username)).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andReturn();
    }

    long reports() {
        return jdbc.sql("SELECT count(*) FROM marketplace_report").query(Long.class).single();
    }

    /** A PA who signed up and made a profile, not checked yet (so no one else can see it). */
    long[] uncheckedPa(String email) throws Exception {
        // the account as sign-up makes it (sign-up itself is limited per address, and other tests use it)
        accounts.create(new NewUserAccount(email, PA_PASSWORD, "Gwen R.", null, Set.of(Role.PERSONAL_ASSISTANT), "en"));
        HttpResponse<String> profile = http.postJsonAs(email, PA_PASSWORD, "/api/v1/pa-profiles", """
                {"displayName": "Gwen R.", "about": "Walks and music.", "skills": ["driving"], "interests": ["music"],
                 "languages": ["en"], "availability": [{"day": "SATURDAY", "slot": "AFTERNOON"}],
                 "postcode": "sy1 1aa", "travelRadiusKm": 25, "hourlyRatePence": 1350, "visible": true,
                 "phone": "07700 900123", "email": "gwen@pa.example.org", "codeOfConductAccepted": true}""");
        assertThat(profile.statusCode()).as(profile.body()).isEqualTo(201);
        return new long[] {json.readTree(profile.body()).get("id").asLong()};
    }

    long vacancyOf(String username) {
        long citizen = jdbc.sql("""
                        SELECT a.citizen_id FROM citizen_access a JOIN app_user u ON u.id = a.user_id
                        WHERE u.username = :u AND a.relationship = 'SELF'""").param("u", username).query(Long.class).single();
        HttpResponse<String> posted = http.postJsonAs(username, Http.DEMO_PASSWORD, "/api/v1/vacancies", """
                {"citizenId": %d, "title": "Company on Saturday walks", "outcomes": ["Get out on Saturdays"],
                 "interests": ["music"], "skillsWanted": ["driving"], "mustHaves": [],
                 "availability": [{"day": "SATURDAY", "slot": "AFTERNOON"}], "postcode": "SY1 1AA", "maxDistanceKm": 20,
                 "hoursPerWeek": 4, "hourlyRatePence": 1400, "startDate": "2027-02-01"}""".formatted(citizen));
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
        return json.readTree(posted.body()).get("id").asLong();
    }

    String vacancyStatus(long id) {
        return jdbc.sql("SELECT status FROM vacancy WHERE id = :id").param("id", id).query(String.class).single();
    }

    @Test
    void onlyWhatTheUserCanSeeMayBeReported_withAReasonWithoutMarkup() throws Exception {
        String email = "gwen-" + System.nanoTime() + "@example.org";
        long profile = uncheckedPa(email)[0];
        long before = reports();

        assertThat(page("citizen@demo-england", "/pa-profiles/" + profile + "/report").getResponse().getStatus())
                .as("a profile not checked yet").isEqualTo(404);
        assertThat(page("citizen@demo-england", "/pa-profiles/987654321/report").getResponse().getStatus())
                .as("a made-up profile").isEqualTo(404);
        assertThat(postAs("citizen@demo-england", "/pa-profiles/" + profile + "/report", "reason", "Not who they say")
                .getResponse().getStatus()).isEqualTo(404);
        assertThat(postAs("citizen@demo-england", "/vacancies/987654321/report", "reason", "Not real")
                .getResponse().getStatus()).isEqualTo(404);

        long vacancy = vacancyOf("citizen@demo-england");
        assertThat(body(page(email, "/vacancies/" + vacancy + "/report"))).contains("Report this vacancy", "Company on Saturday walks");
        MvcResult empty = postAs(email, "/vacancies/" + vacancy + "/report", "reason", "  ");
        assertThat(body(empty)).contains("govuk-error-summary", "Enter what is wrong", "href=\"#reason\"");
        MvcResult script = postAs(email, "/vacancies/" + vacancy + "/report", "reason", "<script>alert(1)</script>");
        assertThat(body(script)).contains("without the characters &lt; and &gt;").doesNotContain("<script>alert(1)</script>");
        MvcResult tooLong = postAs(email, "/vacancies/" + vacancy + "/report", "lang", "cy", "reason", "a".repeat(2001));
        assertThat(body(tooLong)).contains("Rhowch beth sydd o", "o nodau neu lai");
        assertThat(reports()).as("nothing saved").isEqualTo(before);

        MvcResult sent = postAs(email, "/vacancies/" + vacancy + "/report", "reason", "It asks for cash in hand");
        assertThat(sent.getResponse().getRedirectedUrl()).isEqualTo("/vacancies/" + vacancy + "/report?sent=true");
        assertThat(body(page(email, "/vacancies/" + vacancy + "/report?sent=true")))
                .contains("Thank you. The direct payments team will look at this.");
        assertThat(reports()).isEqualTo(before + 1);

        // once closed, a PA can no longer see the vacancy, so cannot report it
        assertThat(http.postJsonAs("citizen@demo-england", Http.DEMO_PASSWORD, "/api/v1/vacancies/" + vacancy + "/closure", "{}")
                .statusCode()).isEqualTo(200);
        assertThat(page(email, "/vacancies/" + vacancy + "/report").getResponse().getStatus()).isEqualTo(404);
        assertThat(postAs(email, "/vacancies/" + vacancy + "/report", "reason", "Again").getResponse().getStatus()).isEqualTo(404);
        assertThat(reports()).isEqualTo(before + 1);
    }

    @Test
    void theReportsPageIsTheDpTeamsAndAVacancyIsSuspendedOnlyByItsOwnCouncil() throws Exception {
        for (String other : new String[] {"citizen@demo-england", "practitioner@demo-england", "finance@demo-england"}) {
            assertThat(page(other, "/pa-checks/reports").getResponse().getStatus()).as(other).isEqualTo(403);
        }
        String email = "gwen-" + System.nanoTime() + "@example.org";
        uncheckedPa(email);
        long vacancy = vacancyOf("citizen@demo-england");
        assertThat(postAs(email, "/vacancies/" + vacancy + "/report", "reason", "Asks for <b>cash</b>")
                .getResponse().getStatus()).as("markup refused").isEqualTo(200);
        postAs(email, "/vacancies/" + vacancy + "/report", "reason", "Asks for cash & no payslips");
        long report = jdbc.sql("SELECT id FROM marketplace_report WHERE vacancy_id = :v").param("v", vacancy).query(Long.class).single();

        assertThat(postAs("citizen@demo-england", "/pa-checks/reports/" + report + "/suspension", "reason", "x")
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(body(page("dp-team@demo-wales", "/pa-checks/reports"))).as("another council's vacancy")
                .doesNotContain("Company on Saturday walks");
        assertThat(postAs("dp-team@demo-wales", "/pa-checks/reports/" + report + "/suspension", "reason", "Cash in hand")
                .getResponse().getStatus()).as("another council's DP team").isEqualTo(404);
        assertThat(vacancyStatus(vacancy)).isEqualTo("OPEN");

        String list = body(page("dp-team@demo-england", "/pa-checks/reports"));
        assertThat(list).contains("Company on Saturday walks", "Asks for cash &amp; no payslips", email, "suspend-" + report);
        MvcResult noReason = postAs("dp-team@demo-england", "/pa-checks/reports/" + report + "/suspension", "reason", "");
        assertThat(body(noReason)).contains("govuk-error-summary", "href=\"#reason-" + report + "\"", "Enter why you are suspending it");
        assertThat(vacancyStatus(vacancy)).as("nothing changed").isEqualTo("OPEN");

        MvcResult suspended = postAs("dp-team@demo-england", "/pa-checks/reports/" + report + "/suspension",
                "reason", "Cash in hand is not allowed");
        assertThat(suspended.getResponse().getRedirectedUrl()).isEqualTo("/pa-checks/reports?done=vacancy-suspended");
        assertThat(vacancyStatus(vacancy)).isEqualTo("SUSPENDED");
        assertThat(body(page("dp-team@demo-england", "/pa-checks/reports?done=vacancy-suspended")))
                .contains("The vacancy is suspended", "Suspended").doesNotContain("suspend-" + report + "\"");
        MvcResult again = postAs("dp-team@demo-england", "/pa-checks/reports/" + report + "/suspension", "reason", "Again");
        assertThat(body(again)).as("already suspended").contains("govuk-error-summary", "cannot be suspended now");
        assertThat(postAs("dp-team@demo-england", "/pa-checks/reports/987654321/suspension", "reason", "x")
                .getResponse().getStatus()).isEqualTo(404);
    }

    @Test
    void aCouncilAdministratorSetsTheMatchWeights_badInputChangesNothing() throws Exception {
        String admin = "admin@demo-wales";
        long council = jdbc.sql("SELECT council_id FROM app_user WHERE username = :u").param("u", admin).query(Long.class).single();
        MatchWeights was = settings.weights(council);
        String form = body(page(admin, "/council/match-weights"));
        assertThat(form).as("the current values filled in").contains("value=\"" + was.availability() + "\"",
                "value=\"" + was.distance() + "\"");
        assertThat(form).contains("Times that fit", "Shared interests", "Skills", "Rate of pay", "Distance",
                "How close the PA lives to where the work is", "name=\"availability\"");
        assertThat(body(page(admin, "/council/settings"))).contains("/council/match-weights");
        assertThat(page("dp-team@demo-wales", "/council/match-weights").getResponse().getStatus()).isEqualTo(403);
        assertThat(postAs("dp-team@demo-wales", "/council/match-weights", "availability", "50", "interests", "10", "skills", "10",
                "rate", "10", "distance", "20").getResponse().getStatus()).isEqualTo(403);
        String before = weightsRow();

        MvcResult bad = postAs(admin, "/council/match-weights", "availability", "101", "interests", "x", "skills", "10",
                "rate", "", "distance", "-1");
        assertThat(body(bad)).contains("govuk-error-summary", "href=\"#availability\"", "href=\"#interests\"", "href=\"#rate\"",
                "href=\"#distance\"", "Times that fit: enter a whole number from 0 to 100", "value=\"101\"")
                .doesNotContain("href=\"#skills\"");
        MvcResult zero = postAs(admin, "/council/match-weights", "lang", "cy", "availability", "0", "interests", "0", "skills", "0",
                "rate", "0", "distance", "0");
        assertThat(body(zero)).contains("Rhaid i o leiaf un pwysiad fod yn fwy na 0");
        assertThat(weightsRow()).as("nothing changed").isEqualTo(before);

        MvcResult saved = postAs(admin, "/council/match-weights", "availability", "40", "interests", "25", "skills", "15",
                "rate", "10", "distance", "10");
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/council/match-weights?saved=true");
        assertThat(body(page(admin, "/council/match-weights?saved=true"))).contains("The weights are saved", "value=\"40\"", "value=\"25\"");
        assertThat(settings.weights(council)).isEqualTo(new MatchWeights(40, 25, 15, 10, 10));
        // back as they were, so other tests' scores are as they expect
        postAs(admin, "/council/match-weights", "availability", "" + was.availability(), "interests", "" + was.interests(),
                "skills", "" + was.skills(), "rate", "" + was.rate(), "distance", "" + was.distance());
        assertThat(settings.weights(council)).isEqualTo(was);
    }

    String weightsRow() {
        return jdbc.sql("SELECT count(*) || ':' || coalesce(max(updated_at)::text, '') FROM marketplace_match_weights")
                .query(String.class).single();
    }
}
