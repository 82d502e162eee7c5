package org.dphub.insights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dphub.councils.Councils;
import org.dphub.councils.VersionedSettings;
import org.dphub.employment.Employments;
import org.dphub.employment.PayrollRuns;
import org.dphub.employment.Timesheets;
import org.dphub.identity.UserAccounts;
import org.dphub.support.As;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Savings against agency care, PA rates of pay and the council's Client Level Data code, over real
 * HTTP for councils of their own whose PAs were paid through dphub payroll ({@link PayrollWorld}):
 * hand-computed pence and percentiles, a district of 3 suppressed, the national figure against a
 * plain SQL scan, who may see them, and the setting's bad input refused with nothing changed.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightsPayIT {

    static final String PW = Http.DEMO_PASSWORD;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Councils councils;
    @Autowired
    UserAccounts users;
    @Autowired
    Employments employments;
    @Autowired
    Timesheets timesheets;
    @Autowired
    PayrollRuns payroll;
    @Autowired
    MessageSource messages;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService userDetails;

    Http http;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    void paidThroughPayroll() {
        http = new Http(port);
        new PayrollWorld(jdbc, councils, users, employments, timesheets, payroll, messages).build();
    }

    JsonNode figures(String username) {
        HttpResponse<String> response = http.getAs(username, PW, "/api/v1/insights?" + PayrollWorld.PERIOD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void savingsAreAgencyCostLessPaidForEachHourOnAnApprovedPayslip_byTheMonthOfThePayDay() {
        JsonNode all = figures(PayrollWorld.DP_TEAM);
        JsonNode savings = all.get("savingsVsAgency");
        // July: 18 hours (9 PAs × 2) at £18.67 = £336.06, paid 2 × (£13.00 + … + £13.20) = £244.00: £92.06
        // August: 3 hours at £13.00 = £39.00 against £56.01: £17.01
        // October: 4 hours at £20.00 = £80.00 against £74.68: −£5.32, shown as it is
        assertThat(all.get("savingsVsAgencyPence").asLong()).isEqualTo(9206 + 1701 - 532);
        assertThat(savings.get("totalPence").asLong()).isEqualTo(10375);
        assertThat(savings.get("hours").decimalValue()).isEqualByComparingTo("25");
        assertThat(savings.get("paidPence").asLong()).isEqualTo(36300);
        assertThat(savings.get("agencyPence").asLong()).isEqualTo(46675);
        assertThat(savings.get("agencyHourlyRatePence").asLong()).isEqualTo(1867);
        List<String> months = new ArrayList<>();
        savings.get("months").forEach(m -> months.add(m.get("month").asString() + " " + m.get("hours").decimalValue().stripTrailingZeros()
                .toPlainString() + "h " + m.get("paidPence").asLong() + "/" + m.get("agencyPence").asLong() + " = "
                + m.get("savingsPence").asLong()));
        assertThat(months).containsExactly("2026-06 0h 0/0 = 0", "2026-07 18h 24400/33606 = 9206", "2026-08 3h 3900/5601 = 1701",
                "2026-09 0h 0/0 = 0", "2026-10 4h 8000/7468 = -532", "2026-11 0h 0/0 = 0");

        // planned, apart: 10 hours a week at £13.28 for the person paid outside dphub payroll, 10 × days ÷ 7 × £5.39
        JsonNode planned = savings.get("planned");
        assertThat(planned.get("savingsPence").asLong()).as("770p a day, 183 days").isEqualTo(770 * 183);
        assertThat(planned.get("hours").decimalValue()).as("42.86 + 44.29 + 44.29 + 42.86 + 44.29 + 42.86")
                .isEqualByComparingTo(new BigDecimal("261.45"));
        assertThat(savings.get("months").get(0).get("plannedSavingsPence").asLong()).isEqualTo(23100);
        assertThat(savings.get("months").get(0).get("plannedHours").decimalValue()).isEqualByComparingTo("42.86");
        assertThat(all.get("savingsVsAgencyPence").asLong()).as("planned never added in").isEqualTo(10375);
    }

    @Test
    void payRatesArePercentilesOfEachEmploymentsAgreedRate_smallDistrictsSuppressed() {
        JsonNode rates = figures(PayrollWorld.DP_TEAM).get("paPayRates");
        // 1280 1290 1300 1310 1320 1350 1400 1450 1500 2000: p10 1280 + 0.9 × 10; median (1320 + 1350) ÷ 2; p90 1500 + 0.1 × 500
        JsonNode overall = rates.get("overall");
        assertThat(overall.get("count").asLong()).as("the £13.00 PA paid twice counts once").isEqualTo(10);
        assertThat(overall.get("p10Pence").asLong()).isEqualTo(1289);
        assertThat(overall.get("medianPence").asLong()).isEqualTo(1335);
        assertThat(overall.get("p90Pence").asLong()).isEqualTo(1550);
        assertThat(overall.has("suppressed")).isFalse();
        assertThat(rates.get("nationalLivingWagePence").asLong()).as("in force on 30 November 2026").isEqualTo(1271);
        assertThat(rates.get("councilPaRatePence").asLong()).isEqualTo(1328);

        List<String> districts = new ArrayList<>();
        rates.get("byDistrict").forEach(d -> districts.add(d.get("district").asString()));
        assertThat(districts).containsExactly("SY1", "SY2", "SY3", "UNKNOWN");
        JsonNode sy1 = rates.get("byDistrict").get(0);
        // 1300 1350 1400 1450 1500: p10 1300 + 0.4 × 50, p90 1450 + 0.6 × 50
        assertThat(sy1.get("count").asLong()).isEqualTo(5);
        assertThat(sy1.get("p10Pence").asLong()).isEqualTo(1320);
        assertThat(sy1.get("medianPence").asLong()).isEqualTo(1400);
        assertThat(sy1.get("p90Pence").asLong()).isEqualTo(1480);
        for (int i = 1; i < 4; i++) {
            JsonNode small = rates.get("byDistrict").get(i);
            assertThat(small.get("suppressed").asBoolean()).as(small.toString()).isTrue();
            assertThat(small.has("count")).as("no count under 5: " + small).isFalse();
            assertThat(small.has("medianPence") || small.has("p10Pence") || small.has("p90Pence")).as(small.toString()).isFalse();
        }
    }

    @Test
    void theNationalFigureHasEveryCouncilsRatesButNoOtherCouncilsDistricts() {
        JsonNode rates = figures(PayrollWorld.DP_TEAM).get("paPayRates");
        // the same figure from a plain scan of the employment tables, whoever else has paid PAs in the period
        Map<String, Object> scan = jdbc.sql("""
                        WITH paid AS (
                            SELECT s.employment_id, max(s.pay_date) AS last_paid FROM payslip s
                            JOIN payroll_run_approval a ON a.run_id = s.run_id
                            WHERE s.pay_date BETWEEN DATE '2026-06-01' AND DATE '2026-11-30' GROUP BY s.employment_id),
                        rate AS (
                            SELECT (SELECT t.hourly_rate_pence FROM pa_employment_terms t WHERE t.employment_id = p.employment_id
                                    AND t.effective_from <= p.last_paid ORDER BY t.effective_from DESC, t.id DESC LIMIT 1) AS pence
                            FROM paid p)
                        SELECT count(*) AS n, round(percentile_cont(0.5) WITHIN GROUP (ORDER BY pence)) AS median,
                               round(percentile_cont(0.1) WITHIN GROUP (ORDER BY pence)) AS p10,
                               round(percentile_cont(0.9) WITHIN GROUP (ORDER BY pence)) AS p90
                        FROM rate""").query().singleRow();
        JsonNode national = rates.get("national");
        assertThat(national.get("count").asLong()).isEqualTo(((Number) scan.get("n")).longValue()).isGreaterThanOrEqualTo(13);
        assertThat(national.get("medianPence").asLong()).isEqualTo(((Number) scan.get("median")).longValue());
        assertThat(national.get("p10Pence").asLong()).isEqualTo(((Number) scan.get("p10")).longValue());
        assertThat(national.get("p90Pence").asLong()).isEqualTo(((Number) scan.get("p90")).longValue());

        String body = http.getAs(PayrollWorld.DP_TEAM, PW, "/api/v1/insights?" + PayrollWorld.PERIOD).body();
        assertThat(body).as("the other council's PAs live in CH7").doesNotContain("CH7");
        JsonNode theirs = figures("dp-team@" + PayrollWorld.OTHER).get("paPayRates");
        assertThat(theirs.get("overall").has("count")).as("3 PAs: suppressed").isFalse();
        assertThat(theirs.get("byDistrict").get(0).get("district").asString()).isEqualTo("CH7");
        assertThat(theirs.toString()).doesNotContain("SY1");
        assertThat(figures("dp-team@" + PayrollWorld.OTHER).get("savingsVsAgency").get("paidPence").asLong())
                .as("3 PAs × 2 hours at £17, £18 and £19").isEqualTo(10800);
    }

    @Test
    void thePageSaysItInPlainWordsWithARangeChartATableAndACsv_inEnglishAndWelsh() {
        String session = http.signIn(PayrollWorld.DP_TEAM, PW);
        String page = http.get("/insights?" + PayrollWorld.PERIOD, "Cookie", session).body();
        assertThat(page).contains("Paying PAs directly instead of agency care saved about £104 over these 6 months.",
                "25 hours of support paid through dphub payroll cost £363; agency care at £18.67 an hour would have cost £466.75.",
                "which would save about £1,409 (planned, not counted above)");
        assertThat(page).contains("The middle hourly rate of PAs paid through dphub payroll was £13.35 (10 PAs); "
                + "8 in 10 were paid between £12.89 and £15.50.", "The National Living Wage was £12.71 at the end of the period");
        assertThat(page).contains("<title id=\"savings-chart-title\">", "<title id=\"pay-chart-title\">", "<desc id=\"pay-chart-desc\">",
                "National Living Wage £12.71", "Your council&#39;s PA rate £13.28", "fewer than 5",
                "href=\"/insights/paPayRates.csv?from=2026-06-01&amp;to=2026-11-30\"");
        String welsh = http.get("/insights?" + PayrollWorld.PERIOD + "&lang=cy", "Cookie", session).body();
        assertThat(welsh).contains("Drwy dalu cynorthwywyr personol yn uniongyrchol yn lle gofal asiantaeth, arbedwyd tua £104 dros y 6 mis hyn.",
                "Cyfraddau tâl cynorthwywyr personol", "llai na 5");

        List<String> savings = http.get("/insights/savingsVsAgency.csv?" + PayrollWorld.PERIOD, "Cookie", session).body().lines().toList();
        assertThat(savings).contains("October 2026,4,80.00,74.68,-5.32,44.29,238.70");
        List<String> pay = http.get("/insights/paPayRates.csv?" + PayrollWorld.PERIOD, "Cookie", session).body().lines().toList();
        assertThat(pay).startsWith("Area,PAs,10th percentile (£ an hour),Median (£ an hour),90th percentile (£ an hour)",
                "Your council,10,12.89,13.35,15.50");
        assertThat(pay).contains("SY1,5,13.20,14.00,14.80", "SY2,fewer than 5,not shown,not shown,not shown",
                "District not known,fewer than 5,not shown,not shown,not shown");
    }

    @Test
    void citizensAreRefused_andAnotherCouncilsStaffNeverSeeTheseFigures() {
        assertThat(http.getAs(PayrollWorld.CITIZEN, PW, "/api/v1/insights?" + PayrollWorld.PERIOD).statusCode()).isEqualTo(403);
        assertThat(http.getAs("pa1@" + PayrollWorld.CODE + ".example", PW, "/api/v1/insights?" + PayrollWorld.PERIOD).statusCode())
                .as("a PA").isEqualTo(403);
        String session = http.signIn(PayrollWorld.CITIZEN, PW);
        assertThat(http.get("/insights/paPayRates.csv?" + PayrollWorld.PERIOD, "Cookie", session).statusCode()).isEqualTo(403);
        JsonNode demo = figures("dp-team@demo-england");
        assertThat(demo.toString()).doesNotContain("SY1\"", "SY2\"", "SY3\"");
        assertThat(demo.get("savingsVsAgency").get("months").get(1).get("paidPence").asLong())
                .as("this council's July payroll is not in demo-england's").isNotEqualTo(24400);
    }

    @Test
    void theClientLevelDataCodeIsASettingThatRefusesBadInputAndGoesInTheExtract() throws Exception {
        long council = councils.findByCode(PayrollWorld.CODE).orElseThrow().id();
        // blank: the extract still works with the dphub code, and the page asks for the real one
        councils.updateSettings(council, councils.settings(council).settings().withCldLaCode(null), councils.settings(council).version());
        String session = http.signIn(PayrollWorld.DP_TEAM, PW);
        assertThat(http.get("/insights?" + PayrollWorld.PERIOD, "Cookie", session).body())
                .contains("Set the council&#39;s local authority code in council settings before submitting.");
        assertThat(extract().get(1)).startsWith(PayrollWorld.CODE + ",PAY-");

        VersionedSettings before = councils.settings(council);
        String read = http.getAs(PayrollWorld.ADMIN, PW, "/api/v1/council/settings").body();
        for (String bad : List.of("X123", "<script>alert(1)</script>", "E06000051")) {
            HttpResponse<String> refused = http.putJsonAs(PayrollWorld.ADMIN, PW, "/api/v1/council/settings",
                    read.replace("\"cldLaCode\":null", "\"cldLaCode\":" + json.writeValueAsString(bad)));
            assertThat(refused.statusCode()).as(bad + ": " + refused.body()).isEqualTo(422);
            JsonNode error = json.readTree(refused.body()).get("errors").get(0);
            assertThat(error.get("field").asString()).isEqualTo("cldLaCode");
            assertThat(error.get("message").asString()).isEqualTo("Enter the council's local authority code for Client Level Data: "
                    + "3 digits, like 503, or 5 letters and numbers for a council coded since 2021");
            String page = mvc.perform(post("/council/settings/edit").with(new As(userDetails).user(PayrollWorld.ADMIN)).with(csrf())
                            .params(form(before, bad)))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(page).contains("govuk-error-summary", "href=\"#cldLaCode\"", "3 digits, like 503").doesNotContain("<script>alert");
        }
        assertThat(councils.settings(council).version()).as("nothing changed").isEqualTo(before.version());
        assertThat(councils.settings(council).settings().cldLaCode()).isNull();

        HttpResponse<String> wales = http.putJsonAs("admin@demo-wales", PW, "/api/v1/council/settings",
                http.getAs("admin@demo-wales", PW, "/api/v1/council/settings").body().replace("\"cldLaCode\":null", "\"cldLaCode\":\"503\""));
        assertThat(wales.statusCode()).as(wales.body()).isEqualTo(422);
        assertThat(wales.body()).contains("cldLaCode", "Only councils in England send a Client Level Data return");

        mvc.perform(post("/council/settings/edit").with(new As(userDetails).user(PayrollWorld.ADMIN)).with(csrf()).params(form(before, " 512 ")))
                .andExpect(status().is3xxRedirection());
        assertThat(councils.settings(council).settings().cldLaCode()).isEqualTo("512");
        assertThat(jdbc.sql("""
                        SELECT after_state ->> 'cldLaCode' FROM audit_event
                        WHERE entity_type = 'council_settings' AND council_id = :c ORDER BY id DESC LIMIT 1""")
                .param("c", council).query(String.class).single()).isEqualTo("512");
        List<String> rows = extract();
        assertThat(rows.subList(1, rows.size())).isNotEmpty().allMatch(r -> r.startsWith("512,PAY-"));
        assertThat(http.get("/insights?" + PayrollWorld.PERIOD, "Cookie", session).body())
                .contains("The LA_Code column has your council&#39;s local authority code, 512.")
                .doesNotContain("before submitting");
        assertThat(json.readTree(http.getAs(PayrollWorld.ADMIN, PW, "/api/v1/council/settings").body()).get("cldLaCode").asString())
                .isEqualTo("512");
    }

    List<String> extract() {
        HttpResponse<String> csv = http.getAs(PayrollWorld.DP_TEAM, PW, "/api/v1/insights/client-level-data?" + PayrollWorld.PERIOD);
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        return csv.body().lines().toList();
    }

    static org.springframework.util.MultiValueMap<String, String> form(VersionedSettings current, String cldLaCode) {
        var s = current.settings();
        var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
        form.add("selfApprovalLimit", s.selfApprovalLimit().toPlainString());
        form.add("receiptsThreshold", s.receiptsThreshold().toPlainString());
        form.add("returnPeriod", s.returnPeriod().name());
        form.add("surplusWeeks", Integer.toString(s.surplusWeeks()));
        form.add("paymentFrequency", s.paymentFrequency().name());
        form.add("paHourlyRate", s.paHourlyRate().toPlainString());
        form.add("agencyHourlyRate", s.agencyHourlyRate().toPlainString());
        form.add("firstReviewMonths", Integer.toString(s.firstReviewMonths()));
        form.add("reviewIntervalMonths", Integer.toString(s.reviewIntervalMonths()));
        form.add("contributionBasis", s.contributionBasis().name());
        form.add("targetDaysToMoney", Integer.toString(s.targetDaysToMoney()));
        form.add("welshLanguage", Boolean.toString(s.welshLanguage()));
        form.add("oneOffMaximum", s.oneOffMaximum().toPlainString());
        form.add("contactPhone", "");
        form.add("contactEmail", "");
        form.add("cldLaCode", cldLaCode);
        form.add("version", Long.toString(current.version()));
        return form;
    }
}
