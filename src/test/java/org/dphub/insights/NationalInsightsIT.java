package org.dphub.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dphub.councils.Councils;
import org.dphub.councils.Nation;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The national view over real HTTP, for two councils of its own among whatever other tests left:
 * an English one with 7 new direct payments (shown) and a Welsh one with 3 (suppressed, and every
 * figure worked out from them), checked in the JSON, the CSV and the page; a total hidden because
 * one count in its column is; no person's id or reference anywhere; and who is refused.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NationalInsightsIT {

    static final String ANALYST = "analyst@dphub";
    static final String PASSWORD = Http.DEMO_PASSWORD;
    static final String LARGE = "national-it-large";
    static final String SMALL = "national-it-small";
    static final String PERIOD = "from=2026-01-01&to=2026-06-30";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Councils councils;

    Http http;
    final JsonMapper json = JsonMapper.builder().build();
    final Map<String, String> sessions = new HashMap<>();
    long largeCouncil;

    @BeforeAll
    void twoCouncilsOfItsOwn() {
        http = new Http(port);
        NationalCouncils make = new NationalCouncils(jdbc, councils);
        // 7 direct payments, first paid 10 to 40 days after asking (4 within 28 days), and one person with a plan only
        largeCouncil = make.council(LARGE, "National Large Council", "Cyngor Cenedlaethol Mawr", Nation.ENGLAND, "NATL",
                1, 10, 12, 14, 20, 30, 35, 40);
        // 3 direct payments: too few to publish
        make.council(SMALL, "National Small Council", "Cyngor Cenedlaethol Bach", Nation.WALES, "NATS", 0, 10, 20, 30);
    }

    JsonNode national() {
        HttpResponse<String> response = http.getAs(ANALYST, PASSWORD, "/api/v1/insights/national?" + PERIOD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    static JsonNode row(JsonNode national, String code) {
        for (JsonNode row : national.get("councils")) {
            if (row.get("councilCode").asString().equals(code)) {
                return row;
            }
        }
        throw new AssertionError("No row for " + code);
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    HttpResponse<String> page(String username, String path) {
        return http.get(path, "Cookie", sessions.computeIfAbsent(username, u -> http.signIn(u, PASSWORD)));
    }

    @Test
    void aCouncilWithSevenNewDirectPaymentsIsShownInFull() {
        JsonNode large = row(national(), LARGE);
        assertThat(large.get("councilName").asString()).isEqualTo("National Large Council");
        assertThat(large.get("nation").asString()).isEqualTo("ENGLAND");
        assertThat(large.get("activeDirectPayments").asLong()).isEqualTo(7);
        assertThat(large.get("peopleWithPlan").asLong()).isEqualTo(8);
        assertThat(large.get("sharePercent").decimalValue()).isEqualByComparingTo("87.5");
        assertThat(large.get("newDirectPayments").asLong()).isEqualTo(7);
        assertThat(large.get("endedDirectPayments").asLong()).as("0 is shown as 0").isZero();
        assertThat(large.get("timeToMoneyCount").asLong()).isEqualTo(7);
        // 10, 12, 14, 20, 30, 35, 40: median 20, 90th percentile 35 + 0.4 × 5 = 37
        assertThat(large.get("timeToMoneyMedianDays").decimalValue()).isEqualByComparingTo("20");
        assertThat(large.get("timeToMoneyP90Days").decimalValue()).isEqualByComparingTo("37");
        assertThat(large.get("oneOffsCount").asLong()).isZero();
        assertThat(large.has("oneOffsMedianHours")).isTrue();
        assertThat(large.get("oneOffsMedianHours").isNull()).as("nothing to measure: null, not suppressed").isTrue();
        assertThat(large.get("ascof3dNumerator").asLong()).isEqualTo(7);
        assertThat(large.get("ascof3dDenominator").asLong()).isEqualTo(8);
        assertThat(large.get("ascof3dPercent").decimalValue()).isEqualByComparingTo("87.5");
        // 4 of 7 within the target: the count and its percentage would give the 4 away
        assertThat(strings(large.get("suppressed"))).containsExactly("timeToMoneyWithinTarget", "timeToMoneyWithinTargetPercent");
        assertThat(large.has("timeToMoneyWithinTarget")).isFalse();
        assertThat(large.has("timeToMoneyWithinTargetPercent")).isFalse();
        assertThat(strings(large.get("doesNotApply"))).isEmpty();
    }

    @Test
    void aCouncilWithThreeNewDirectPaymentsHasThemAndEverythingWorkedOutFromThemSuppressed() {
        JsonNode small = row(national(), SMALL);
        assertThat(strings(small.get("suppressed"))).containsExactly("activeDirectPayments", "peopleWithPlan", "sharePercent",
                "newDirectPayments", "timeToMoneyCount", "timeToMoneyMedianDays", "timeToMoneyP90Days", "timeToMoneyWithinTarget",
                "timeToMoneyWithinTargetPercent");
        for (String key : strings(small.get("suppressed"))) {
            assertThat(small.has(key)).as(key + " is left out, never a number").isFalse();
        }
        assertThat(strings(small.get("doesNotApply"))).as("ASCOF in Wales")
                .containsExactly("ascof3dNumerator", "ascof3dDenominator", "ascof3dPercent");
        assertThat(small.get("endedDirectPayments").asLong()).isZero();
        assertThat(small.get("oneOffsCount").asLong()).isZero();
        Set<String> keys = new HashSet<>();
        small.propertyNames().forEach(keys::add);
        assertThat(keys).containsExactlyInAnyOrder("councilCode", "councilName", "nation", "endedDirectPayments", "oneOffsCount",
                "oneOffsMedianHours", "suppressed", "doesNotApply",
                // nothing of these happened in the small council: zero counts, figures with nothing to measure
                "recoveries", "returnedPence", "vacanciesOpened", "vacanciesFilled", "vacanciesMedianDaysToFill",
                "monitoringChecks", "monitoringWithFindings", "reviewsDone", "reviewsDoneOnTime", "reviewsOnTimePercent",
                "reviewsOverdue", "paPayRatesCount", "paPayMedianPence", "savingsVsAgencyPence", "carerDirectPayments",
                "childDirectPayments", "managedAccounts");
        for (String count : List.of("recoveries", "vacanciesOpened", "vacanciesFilled", "monitoringChecks", "reviewsDone",
                "paPayRatesCount", "carerDirectPayments", "childDirectPayments", "managedAccounts")) {
            assertThat(small.get(count).asLong()).as(count).isZero();
        }
    }

    @Test
    void aTotalIsHiddenWhenAnyCouncilsCountInItsColumnIs_andIsOtherwiseTheSumOfTheRows() {
        JsonNode national = national();
        JsonNode totals = national.get("totals");
        assertThat(strings(totals.get("suppressed"))).as("our small council's 3").contains("newDirectPayments", "activeDirectPayments");
        assertThat(totals.has("newDirectPayments")).isFalse();
        // other tests' councils are here too: each published total is checked against the rows as shown
        for (JsonNode column : national.get("columns")) {
            String key = column.get("key").asString();
            if (!column.get("kind").asString().equals("COUNT") || !totals.has(key)) {
                continue;
            }
            long sum = 0;
            for (JsonNode row : national.get("councils")) {
                assertThat(strings(row.get("suppressed"))).as(key + ": a total with a suppressed row").doesNotContain(key);
                sum += row.has(key) ? row.get(key).asLong() : 0;
            }
            assertThat(totals.get(key).asLong()).as(key).isEqualTo(sum);
        }
        assertThat(national.get("fewestShown").asInt()).isEqualTo(5);
        assertThat(strings(national.get("columns").get(2).get("basedOn"))).containsExactly("activeDirectPayments", "peopleWithPlan");
    }

    @Test
    void theJsonHoldsNoPersonsIdOrReference() {
        http.getAs(ANALYST, PASSWORD, "/api/v1/insights/national?" + PERIOD); // warm
        long started = System.nanoTime();
        String body = http.getAs(ANALYST, PASSWORD, "/api/v1/insights/national?" + PERIOD).body();
        System.out.printf("NationalInsightsIT: the national view of %d councils in %d ms%n",
                json.readTree(body).get("councils").size(), (System.nanoTime() - started) / 1_000_000);
        List<String> references = jdbc.sql("SELECT reference FROM citizen WHERE council_id = :c").param("c", largeCouncil)
                .query(String.class).list();
        assertThat(references).hasSize(8);
        references.forEach(reference -> assertThat(body).doesNotContain(reference));
        assertThat(body).doesNotContain("NATL-", "NATS-", "\"id\"", "citizen", "reference", "dateOfBirth", "postcode");
        JsonNode national = json.readTree(body);
        Set<String> allowed = new HashSet<>(Set.of("councilCode", "councilName", "nation", "suppressed", "doesNotApply"));
        national.get("columns").forEach(c -> allowed.add(c.get("key").asString()));
        for (JsonNode row : national.get("councils")) {
            row.propertyNames().forEach(key -> assertThat(allowed).as("a row's field").contains(key));
        }
    }

    @Test
    void theCsvHasTheSameRowsWithSuppressedValuesInWords() {
        HttpResponse<String> csv = page(ANALYST, "/insights/national.csv?" + PERIOD);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).startsWith("Council code,Council,People with a direct payment at the end,People with a plan at the end,"
                + "Share with a direct payment (%),Direct payments that started,Direct payments that ended,First payments,"
                + "Median days to money,Days to money for 9 in 10 (90th percentile),First payments within the council's target,"
                + "Within the council's target (%),One-off payments approved,Median hours to approve a one-off payment,"
                + "ASCOF 3D: adults with a direct payment (numerator),ASCOF 3D: adults in long-term community support (denominator),"
                + "ASCOF 3D: percentage (part 2a),").contains("PA vacancies opened", "Reviews done on time (%)");
        assertThat(lines).anyMatch(l -> l.startsWith(
                LARGE + ",National Large Council,7,8,87.5,7,0,7,20,37,fewer than 5,fewer than 5,0,None,7,8,87.5,"));
        assertThat(lines).anyMatch(l -> l.startsWith(
                SMALL + ",National Small Council,fewer than 5,fewer than 5,fewer than 5,fewer than 5,0,fewer than 5,fewer than 5,"
                        + "fewer than 5,fewer than 5,fewer than 5,0,None,does not apply,does not apply,does not apply,"));
        assertThat(lines.get(lines.size() - 1)).startsWith(",All councils (total),fewer than 5,");
        String welsh = page(ANALYST, "/insights/national.csv?" + PERIOD + "&lang=cy").body();
        assertThat(welsh).contains(SMALL + ",Cyngor Cenedlaethol Bach,llai na 5,", ",ddim yn berthnasol", "Pob cyngor (cyfanswm)");
    }

    @Test
    void thePageShowsTheChartWithAGapForTheSuppressedShareAndTheTable() {
        String html = page(ANALYST, "/insights/national?" + PERIOD).body();
        assertThat(html).contains("<title id=\"national-share-chart-title\">", "<desc id=\"national-share-chart-desc\">",
                "National Small Council: fewer than 5, not shown", "stroke-dasharray=\"3 2\"", "Fewer than 5: not shown",
                "<th scope=\"row\" class=\"govuk-table__header\">National Large Council</th>",
                "href=\"/insights/national.csv?from=2026-01-01&amp;to=2026-06-30\"");
        assertThat(html).contains(LARGE + ", Share with a direct payment (%): 87.5");
        String welsh = page(ANALYST, "/insights/national?" + PERIOD + "&lang=cy").body();
        assertThat(welsh).contains("lang=\"cy\"", "Cyngor Cenedlaethol Bach: llai na 5, heb ei ddangos", "Ffigurau cenedlaethol");
        String home = page(ANALYST, "/home").body();
        assertThat(home).contains("id=\"home-national-link\"", "href=\"/insights/national\"").doesNotContain("contact-council");
    }

    @Test
    void badPeriodsAreRefusedNamingTheField() {
        HttpResponse<String> response = http.getAs(ANALYST, PASSWORD, "/api/v1/insights/national?from=2026-07-01&to=2026-06-01");
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode error = json.readTree(response.body()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("to");
        assertThat(error.get("message").asString()).contains("The end date must be the same as or after the start date");
        assertThat(json.readTree(http.getAs(ANALYST, PASSWORD, "/api/v1/insights/national?from=2020-01-01&to=2026-01-02").body())
                .get("errors").get(0).get("message").asString()).contains("5 years or shorter");
        assertThat(json.readTree(http.getAs(ANALYST, PASSWORD, "/api/v1/insights/national?from=2026-02-30").body())
                .get("errors").get(0).get("field").asString()).isEqualTo("from");
        String html = page(ANALYST, "/insights/national?from-day=1&from-month=7&from-year=2026&to-day=1&to-month=6&to-year=2026").body();
        assertThat(html).contains("govuk-error-summary", "href=\"#to\"").doesNotContain("<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\"");
    }

    @Test
    void theAnalystSeesNoCouncilsFiguresNoPersonAndNoStaffPage() {
        long citizen = jdbc.sql("SELECT min(id) FROM citizen WHERE council_id = :c").param("c", largeCouncil).query(Long.class).single();
        long plan = jdbc.sql("SELECT min(id) FROM care_plan WHERE council_id = :c").param("c", largeCouncil).query(Long.class).single();
        long account = jdbc.sql("SELECT min(id) FROM dp_account").query(Long.class).single();
        for (String path : List.of("/api/v1/insights?" + PERIOD, "/api/v1/insights/client-level-data?" + PERIOD,
                "/api/v1/citizens/" + citizen, "/api/v1/citizens/" + citizen + "/plans", "/api/v1/plans/" + plan,
                "/api/v1/accounts/" + account, "/api/v1/citizens")) {
            HttpResponse<String> response = http.getAs(ANALYST, PASSWORD, path);
            assertThat(response.statusCode()).as(path).isIn(403, 404);
            assertThat(response.body()).as(path).doesNotContain("NATL-");
        }
        for (String path : List.of("/insights", "/insights/uptake.csv", "/citizens", "/citizens/" + citizen, "/plans/" + plan,
                "/accounts/" + account, "/payment-runs", "/council/settings", "/council/audit-trail", "/reviews", "/my-money",
                "/my-plan", "/pa/profile", "/outbox", "/letter-templates", "/pa-pay-rates", "/one-off-payments/1")) {
            HttpResponse<String> response = page(ANALYST, path);
            assertThat(response.statusCode()).as(path).isIn(403, 404);
            assertThat(response.body()).as(path).doesNotContain("NATL-");
        }
        assertThat(http.getAs(ANALYST, PASSWORD, "/api/v1/me").body()).contains("NATIONAL_ANALYST");
        assertThat(page(ANALYST, "/information").statusCode()).as("public pages are for everyone").isEqualTo(200);
    }

    @Test
    void councilStaffCitizensAndPasAreRefusedTheNationalView() {
        for (String who : List.of("dp-team@demo-england", "admin@demo-wales", "finance@demo-england", "citizen@demo-england",
                "pa@demo-wales")) {
            assertThat(http.getAs(who, PASSWORD, "/api/v1/insights/national?" + PERIOD).statusCode()).as(who).isEqualTo(403);
            assertThat(page(who, "/insights/national?" + PERIOD).statusCode()).as(who).isEqualTo(403);
            assertThat(page(who, "/insights/national.csv?" + PERIOD).statusCode()).as(who).isEqualTo(403);
        }
        assertThat(http.get("/api/v1/insights/national").statusCode()).isEqualTo(401);
        assertThat(page("dp-team@demo-england", "/home").body()).doesNotContain("/insights/national");
        // the council's own page is untouched
        assertThat(http.getAs("dp-team@demo-england", PASSWORD, "/api/v1/insights?" + PERIOD).statusCode()).isEqualTo(200);
    }
}
