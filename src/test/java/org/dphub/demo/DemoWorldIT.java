package org.dphub.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dphub.support.As;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.dphub.support.MoneyApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/**
 * The demo world hangs together, as its people see it: the demo PA is one person with one name,
 * finds work that matches them, and is paid for it; introductions are in every state; the
 * council's rates of pay have hires behind them; Welsh speakers' plans are in Welsh.
 */
@IntegrationTest
class DemoWorldIT {

    static final String PW = Http.DEMO_PASSWORD;
    static final List<String> COUNCILS = List.of("demo-england", "demo-wales");

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    Http http;
    As as;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        as = new As(users);
    }

    String page(String username, String path) throws Exception {
        var response = mvc.perform(get(path).with(as.user(username))).andReturn().getResponse();
        assertThat(response.getStatus()).as(username + " " + path).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    JsonNode api(String username, String path) {
        return MoneyApi.ok(http.getAs(username, PW, path), 200);
    }

    long self(String username) {
        return jdbc.sql("""
                        SELECT ca.citizen_id FROM citizen_access ca JOIN app_user u ON u.id = ca.user_id
                        WHERE u.username = :u AND ca.relationship = 'SELF'""").param("u", username).query(Long.class).single();
    }

    /** The demo PA's profile. */
    long profileOf(String pa) {
        return jdbc.sql("SELECT p.id FROM pa_profile p JOIN app_user u ON u.id = p.user_id WHERE u.username = :u").param("u", pa)
                .query(Long.class).single();
    }

    static String text(String html) {
        return html.replaceAll("(?s)<script.*?</script>", " ").replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ");
    }

    @Test
    void theDemoPaIsOnePersonAndNoNameIsFollowedByASecondFullStop() throws Exception {
        for (String council : COUNCILS) {
            String pa = "pa@" + council;
            String accountName = api(pa, "/api/v1/me").get("displayName").asString();
            String[] names = accountName.split(" ");
            String profileName = names[0] + " " + names[names.length - 1].charAt(0) + ".";
            long profile = profileOf(pa);
            assertThat(api(pa, "/api/v1/pa-profiles/" + profile).get("displayName").asString()).as(council)
                    .isEqualTo(profileName);
            for (String path : List.of("/pa/profile", "/pa/profile?lang=cy", "/introductions", "/pa/work", "/home")) {
                String shown = text(page(pa, path));
                assertThat(shown).as(pa + " " + path).doesNotContain(profileName + ".");
            }
            assertThat(text(page(pa, "/pa/profile"))).contains(profileName);
        }
    }

    @Test
    void theDemoPaHasWorkThatMatchesThemAndThePersonSeesThemAmongThePasWhoMatch() throws Exception {
        for (String council : COUNCILS) {
            String pa = "pa@" + council;
            String citizen = "citizen@" + council;
            long profile = profileOf(pa);
            JsonNode matches = api(pa, "/api/v1/pa-profiles/" + profile + "/matches");
            assertThat(matches.size()).as(council + ": open vacancies that match the demo PA").isGreaterThanOrEqualTo(2);
            List<Long> citizensVacancies = new ArrayList<>();
            int withReasons = 0;
            for (JsonNode match : matches) {
                JsonNode reasons = match.get("reasons");
                if (!reasons.get("timesInCommon").isEmpty() && !reasons.get("skillsMet").isEmpty() && reasons.get("rateFits").asBoolean()) {
                    withReasons++;
                }
                long vacancy = match.get("vacancyId").asLong();
                if (http.getAs(citizen, PW, "/api/v1/vacancies/" + vacancy).statusCode() == 200) {
                    citizensVacancies.add(vacancy);
                }
            }
            assertThat(withReasons).as(council + ": matches with times, skills and the rate in common").isGreaterThanOrEqualTo(2);
            String listed = text(page(pa, "/pa/vacancies"));
            assertThat(listed).contains(matches.get(0).get("title").asString(), matches.get(1).get("title").asString());

            assertThat(citizensVacancies).as(council + ": one of them is the demo citizen's own").isNotEmpty();
            String profileName = api(pa, "/api/v1/pa-profiles/" + profile).get("displayName").asString();
            assertThat(text(page(citizen, "/my-vacancies/" + citizensVacancies.get(0)))).as("the demo PA among the ranked PAs")
                    .contains(profileName);
        }
    }

    @Test
    void introductionsAreInEveryStateAndTheDemoPeopleSeeTheirs() throws Exception {
        for (String council : COUNCILS) {
            Set<String> seen = new HashSet<>();
            String forPa = text(page("pa@" + council, "/introductions"));
            String forCitizen = text(page("citizen@" + council, "/introductions"));
            String forRepresentative = text(page("representative@" + council, "/introductions"));
            for (String status : List.of("Invited", "Interested", "Talking", "Declined", "Blocked", "Hired")) {
                if (forPa.contains(status) || forCitizen.contains(status) || forRepresentative.contains(status)) {
                    seen.add(status);
                }
            }
            assertThat(seen).as(council).containsExactlyInAnyOrder("Invited", "Interested", "Talking", "Declined", "Blocked", "Hired");
            assertThat(forPa).as("the demo PA's own").contains("Invited", "Interested", "Talking", "Hired");
            assertThat(forCitizen).as("the demo citizen's").contains("Interested", "Declined", "Hired");
            assertThat(forRepresentative).as("the demo representative's").contains("Invited", "Talking", "Blocked");
        }
        // the conversation with the representative has messages, in the app
        List<Long> ids = jdbc.sql("""
                        SELECT i.id FROM introduction i JOIN vacancy v ON v.id = i.vacancy_id
                        JOIN citizen_access ca ON ca.citizen_id = v.citizen_id JOIN app_user u ON u.id = ca.user_id
                        WHERE u.username = 'representative@demo-england' AND i.status = 'CONNECTED' ORDER BY i.id LIMIT 1""")
                .query(Long.class).list();
        assertThat(ids).hasSize(1);
        assertThat(api("representative@demo-england", "/api/v1/introductions/" + ids.get(0) + "/messages").size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void theCouncilsRatesOfPayHaveHiresInSeveralDistricts() throws Exception {
        for (String council : COUNCILS) {
            JsonNode rates = api("practitioner@" + council, "/api/v1/marketplace/pay-rates");
            Set<String> districts = new HashSet<>();
            rates.forEach(r -> {
                assertThat(r.get("medianPence").asLong()).as("at least the National Living Wage").isGreaterThanOrEqualTo(1271);
                districts.add(r.get("district").asString());
            });
            assertThat(districts).as(council).hasSizeGreaterThanOrEqualTo(3);
            assertThat(text(page("dp-team@" + council, "/pa-pay-rates"))).contains(districts.iterator().next())
                    .contains("Median hourly rate by area").doesNotContain("No PAs have been hired");
        }
    }

    @Test
    void theDemoCitizenPaysTheDemoPa_aRunWithPayslipsAndATimesheetWaiting() throws Exception {
        for (String council : COUNCILS) {
            String citizen = "citizen@" + council;
            String pa = "pa@" + council;
            long person = self(citizen);
            JsonNode runs = api(citizen, "/api/v1/citizens/" + person + "/payroll-runs");
            JsonNode approved = null;
            for (JsonNode run : runs) {
                if ("APPROVED".equals(run.get("status").asString()) && !run.get("payslips").isEmpty()) {
                    approved = run;
                }
            }
            assertThat(approved).as(council + ": an approved payroll run with payslips").isNotNull();
            JsonNode payslip = null;
            for (JsonNode p : api(pa, "/api/v1/my-payslips")) {
                if (p.get("runId").asLong() == approved.get("id").asLong()) {
                    payslip = p;
                }
            }
            assertThat(payslip).as("the PA sees their payslip").isNotNull();
            assertThat(text(page(pa, "/pa/work"))).contains("Your payslips", "From " + payslip.get("employerName").asString());
            // "Pay your PAs" lists the run; the run shows the PA's payslip
            assertThat(page(citizen, "/my-employees/payroll?citizen=" + person)).contains("/my-employees/payroll/" + approved.get("id").asLong());
            assertThat(text(page(citizen, "/my-employees/payroll/" + approved.get("id").asLong())))
                    .contains(approved.get("payslips").get(0).get("paName").asString());

            // the employment is the demo PA's (linked to their sign-in), with timesheets approved and one waiting
            JsonNode mine = api(pa, "/api/v1/my-employments");
            long employment = -1;
            for (JsonNode e : mine) {
                if (e.get("citizenId").asLong() == person) {
                    employment = e.get("id").asLong();
                    break;
                }
            }
            assertThat(employment).as(council + ": the PA works for the demo citizen").isPositive();
            Set<String> statuses = new HashSet<>();
            api(citizen, "/api/v1/employments/" + employment + "/timesheets").forEach(t -> statuses.add(t.get("status").asString()));
            assertThat(statuses).contains("APPROVED", "SUBMITTED");

            // the spending of the approved run is in the citizen's account
            long account = jdbc.sql("SELECT id FROM dp_account WHERE citizen_id = :c ORDER BY id LIMIT 1").param("c", person)
                    .query(Long.class).single();
            assertThat(MoneyApi.ok(http.getAs("finance@" + council, PW, "/api/v1/accounts/" + account + "/ledger"), 200).toString())
                    .contains("Net pay to " + approved.get("payslips").get(0).get("paName").asString());
        }
    }

    @Test
    void welshSpeakersPlansAreInWelsh_EnglishSpeakersInEnglish() {
        JsonNode welsh = api("citizen@demo-wales", "/api/v1/citizens/" + self("citizen@demo-wales") + "/plans");
        JsonNode version = welsh.get(0).get("versions").get(0);
        assertThat(version.toString()).contains("Cymorth gan gynorthwy-ydd personol", "Angen cymorth", "Os bydd")
                .doesNotContain("Personal assistant support", "Needs support", "off sick");
        List<String> outcomes = new ArrayList<>();
        version.get("outcomes").forEach(o -> outcomes.add(o.isString() ? o.asString() : o.toString()));
        assertThat(outcomes).isNotEmpty().allSatisfy(o -> assertThat(o).doesNotContain(" my ", "Keep", "Stay", "Get to"));

        long english = jdbc.sql("""
                        SELECT z.id FROM citizen z JOIN council c ON c.id = z.council_id JOIN care_plan p ON p.citizen_id = z.id
                        WHERE c.code = 'demo-wales' AND z.preferred_language = 'en' ORDER BY z.id LIMIT 1""").query(Long.class).single();
        assertThat(api("practitioner@demo-wales", "/api/v1/citizens/" + english + "/plans").toString())
                .contains("Personal assistant support", "Needs support").doesNotContain("Cymorth gan gynorthwy-ydd personol");
    }
}
