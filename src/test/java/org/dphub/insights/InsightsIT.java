package org.dphub.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.dphub.councils.Council;
import org.dphub.councils.CouncilSettings;
import org.dphub.councils.Councils;
import org.dphub.councils.Nation;
import org.dphub.identity.NewUserAccount;
import org.dphub.identity.UserAccounts;
import org.dphub.shared.Role;
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
 * Insights over real HTTP for a council of its own (so every number is known): seven people with
 * plans, direct payments, one-offs and reviews in the first half of 2026, and each figure checked
 * against them — the page, its CSVs, the JSON API and the Client Level Data extract; who may see
 * them; and periods that are refused.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightsIT {

    static final String CODE = "insights-it";
    static final String DP_TEAM = "dp-team@" + CODE;
    static final String PRACTITIONER = "practitioner@" + CODE;
    static final String PASSWORD = Http.DEMO_PASSWORD;
    static final String PERIOD = "from=2026-01-01&to=2026-06-30";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Councils councils;
    @Autowired
    UserAccounts users;

    Http http;
    final JsonMapper json = JsonMapper.builder().build();
    long council;

    @BeforeAll
    void aCouncilOfItsOwn() {
        http = new Http(port);
        if (councils.findByCode(CODE).isPresent()) {
            council = councils.findByCode(CODE).get().id();
            return;
        }
        Council created = councils.create(CODE, "Insights Borough Council", "Cyngor Bwrdeistref Mewnwelediad", Nation.ENGLAND,
                CouncilSettings.defaults(false));
        council = created.id();
        users.create(new NewUserAccount(DP_TEAM, PASSWORD, "Dee Figures", council, EnumSet.of(Role.DP_TEAM), "en"));
        users.create(new NewUserAccount(PRACTITIONER, PASSWORD, "Pat Figures", council, EnumSet.of(Role.PRACTITIONER), "en"));
        users.create(new NewUserAccount("citizen@" + CODE, PASSWORD, "Cy Figures", council, EnumSet.of(Role.CITIZEN), "en"));

        // A: a direct payment and council-commissioned support; 27 days to money (first payment in February)
        long a = person("INS-A", "1960-01-01");
        long planA = plan(a, "2026-01-10", "DIRECT_PAYMENT", "COUNCIL_COMMISSIONED");
        directPayment(a, planA, "ACTIVE", "2026-01-05", "2026-02-01", "2026-01-20", "2026-02-01");
        // B: a direct payment only, 38 days to money (March), ended on 15 May
        long b = person("INS-B", "1970-05-05");
        long planB = plan(b, "2026-02-01", "DIRECT_PAYMENT");
        long dpB = directPayment(b, planB, "ENDED", "2026-02-01", "2026-03-01", "2026-02-20", "2026-03-11");
        jdbc.sql("""
                        INSERT INTO direct_payment_status_change (council_id, direct_payment_id, event, from_status, to_status,
                            effective_on, reason, changed_by)
                        VALUES (:c, :dp, 'ENDED', 'ACTIVE', 'ENDED', DATE '2026-05-15', 'Moved away', 'test')""")
                .param("c", council).param("dp", dpB).update();
        // C: a budget the council manages, no direct payment
        long c = person("INS-C", "1950-03-03");
        plan(c, "2026-03-01", "COUNCIL_MANAGED_BUDGET");
        // D: an individual service fund and a direct payment; 21 days to money (April)
        long d = person("INS-D", "1985-07-07");
        long planD = plan(d, "2026-04-01", "INDIVIDUAL_SERVICE_FUND", "DIRECT_PAYMENT");
        long dpD = directPayment(d, planD, "ACTIVE", "2026-03-20", "2026-04-10", "2026-04-01", "2026-04-10");
        // E: asked in May, not yet agreed
        long e = person("INS-E", "1990-09-09");
        long planE = plan(e, "2026-05-01", "DIRECT_PAYMENT");
        directPayment(e, planE, "AWAITING_AGREEMENT", "2026-05-02", "2026-06-01", null, null);
        // F: a child, so never in ASCOF's adults; 14 days to money (January)
        long f = person("INS-F", "2015-02-02");
        long planF = plan(f, "2026-01-01", "DIRECT_PAYMENT");
        directPayment(f, planF, "ACTIVE", "2026-01-01", "2026-01-15", "2026-01-10", "2026-01-15");
        // G: council-commissioned support only
        long g = person("INS-G", "1945-12-12");
        plan(g, "2026-01-01", "COUNCIL_COMMISSIONED");

        // one-offs approved after 0, 24 and 6 hours; one declined; one approved after the period
        oneOff(a, "APPROVED", "2026-03-02 10:00", "2026-03-02 10:00");
        oneOff(b, "APPROVED", "2026-03-03 09:00", "2026-03-04 09:00");
        oneOff(c, "APPROVED", "2026-04-01 10:00", "2026-04-01 16:00");
        oneOff(d, "DECLINED", "2026-04-02 10:00", "2026-04-09 10:00");
        oneOff(g, "APPROVED", "2026-07-01 10:00", "2026-07-01 11:00");

        long dpA = jdbc.sql("SELECT id FROM direct_payment WHERE plan_id = :p").param("p", planA).query(Long.class).single();
        review(dpA, "SCHEDULED", "2026-06-01");
        review(dpD, "CONCERN", "2026-06-15");
    }

    long person(String reference, String born) {
        return jdbc.sql("""
                        INSERT INTO citizen (council_id, reference, given_name, family_name, date_of_birth, postcode)
                        VALUES (:c, :ref, 'Figure', :ref, CAST(:born AS date), 'SY1 1AA') RETURNING id""")
                .param("c", council).param("ref", reference).param("born", born).query(Long.class).single();
    }

    /** A plan with one version: a line of 10 hours at £13.28 a week for each way of taking the budget given. */
    long plan(long citizen, String start, String... mechanisms) {
        long plan = jdbc.sql("INSERT INTO care_plan (council_id, citizen_id) VALUES (:c, :p) RETURNING id")
                .param("c", council).param("p", citizen).query(Long.class).single();
        long version = jdbc.sql("""
                        INSERT INTO care_plan_version (plan_id, council_id, version, start_date, how_needs_met, payment_frequency,
                            weekly_contribution_pence, weekly_budget_pence, annual_budget_pence, regular_payment_pence, created_by)
                        VALUES (:plan, :c, 1, CAST(:start AS date), 'DIRECT_PAYMENT_PART', 'FOUR_WEEKLY', 0, 13280, 690560, 53120, 'test')
                        RETURNING id""")
                .param("plan", plan).param("c", council).param("start", start).query(Long.class).single();
        for (int i = 0; i < mechanisms.length; i++) {
            jdbc.sql("""
                            INSERT INTO plan_budget_line (plan_version_id, position, description, kind, hours_per_week,
                                hourly_rate_pence, delivery_mechanism)
                            VALUES (:v, :pos, 'Support', 'HOURLY', 10, 1328, :m)""")
                    .param("v", version).param("pos", i + 1).param("m", mechanisms[i]).update();
        }
        return plan;
    }

    long directPayment(long citizen, long plan, String status, String requested, String start, String agreed, String firstPaid) {
        return jdbc.sql("""
                        INSERT INTO direct_payment (council_id, citizen_id, plan_id, status, has_capacity, account_type,
                            requested_on, start_date, agreed_at, agreed_by, agreement_method, first_payment_date, created_by)
                        VALUES (:c, :p, :plan, :status, true, 'BANK_ACCOUNT', CAST(:requested AS date), CAST(:start AS date),
                            CAST(:agreed AS date) + time '12:00', CASE WHEN CAST(:agreed AS date) IS NULL THEN NULL ELSE 'test' END,
                            CASE WHEN CAST(:agreed AS date) IS NULL THEN NULL ELSE 'ONLINE' END, CAST(:paid AS date), 'test')
                        RETURNING id""")
                .param("c", council).param("p", citizen).param("plan", plan).param("status", status)
                .param("requested", requested).param("start", start).param("agreed", agreed).param("paid", firstPaid)
                .query(Long.class).single();
    }

    void oneOff(long citizen, String status, String requested, String decided) {
        jdbc.sql("""
                        INSERT INTO one_off_payment (council_id, citizen_id, amount_pence, purpose, outcome, reason, account_type,
                            status, limit_pence, requested_by, requested_at, decided_by, decided_at)
                        VALUES (:c, :p, 20000, 'A week of extra help', 'Home from hospital', 'HOSPITAL_DISCHARGE', 'BANK_ACCOUNT',
                            :status, 50000, 'test', CAST(:requested AS timestamp) AT TIME ZONE 'Europe/London', 'test',
                            CAST(:decided AS timestamp) AT TIME ZONE 'Europe/London')""")
                .param("c", council).param("p", citizen).param("status", status).param("requested", requested)
                .param("decided", decided).update();
    }

    void review(long directPayment, String reason, String on) {
        jdbc.sql("""
                        INSERT INTO review (council_id, direct_payment_id, reason, reviewed_on, working, not_working, reviewed_by)
                        VALUES (:c, :dp, :reason, CAST(:on AS date), 'Going well', '', 'test')""")
                .param("c", council).param("dp", directPayment).param("reason", reason).param("on", on).update();
    }

    final java.util.Map<String, String> sessions = new java.util.HashMap<>();

    /** A page (or a page's CSV) as a browser gets it: signed in through the sign-in page, with the session cookie. */
    HttpResponse<String> page(String username, String path) {
        return http.get(path, "Cookie", sessions.computeIfAbsent(username, u -> http.signIn(u, PASSWORD)));
    }

    JsonNode figures(String username) {
        HttpResponse<String> response = http.getAs(username, PASSWORD, "/api/v1/insights?" + PERIOD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    @Test
    void uptakeCountsPeopleWithADirectPaymentAndWithAPlanAtEachMonthEnd() {
        JsonNode uptake = figures(DP_TEAM).get("uptake");
        assertThat(uptake.get("activeDirectPayments").asLong()).as("A, D and F on 30 June; B ended, E not agreed").isEqualTo(3);
        assertThat(uptake.get("peopleWithPlan").asLong()).isEqualTo(7);
        assertThat(uptake.get("sharePercent").decimalValue()).isEqualByComparingTo("42.9");
        assertThat(uptake.get("newDirectPayments").asLong()).isEqualTo(4);
        assertThat(uptake.get("endedDirectPayments").asLong()).isEqualTo(1);
        List<String> months = new ArrayList<>();
        uptake.get("months").forEach(m -> months.add(m.get("month").asString() + " " + m.get("activeDirectPayments").asLong()
                + "/" + m.get("peopleWithPlan").asLong() + " +" + m.get("newDirectPayments").asLong()
                + " -" + m.get("endedDirectPayments").asLong()));
        assertThat(months).containsExactly("2026-01 1/3 +1 -0", "2026-02 2/4 +1 -0", "2026-03 3/5 +1 -0",
                "2026-04 4/6 +1 -0", "2026-05 3/7 +0 -1", "2026-06 3/7 +0 -0");
    }

    @Test
    void timeToMoneyIsTheMedianAndNinetiethPercentileOfDaysToTheFirstPayment() {
        // 14, 21, 27 and 38 days: median 24, 90th percentile 27 + 0.7 × 11 = 34.7; 3 of 4 within 28 days
        JsonNode time = figures(DP_TEAM).get("timeToMoney");
        assertThat(time.get("count").asLong()).isEqualTo(4);
        assertThat(time.get("medianDays").decimalValue()).isEqualByComparingTo("24");
        assertThat(time.get("p90Days").decimalValue()).isEqualByComparingTo("34.7");
        assertThat(time.get("withinTargetPercent").decimalValue()).isEqualByComparingTo("75");
        assertThat(time.get("targetDays").asInt()).isEqualTo(28);
        JsonNode march = time.get("months").get(2);
        assertThat(march.get("month").asString()).isEqualTo("2026-03");
        assertThat(march.get("medianDays").decimalValue()).isEqualByComparingTo("38");
        assertThat(march.get("withinTargetPercent").decimalValue()).isEqualByComparingTo("0");
        assertThat(time.get("months").get(4).has("medianDays")).as("May had no first payments: no median, not zero")
                .isTrue();
        assertThat(time.get("months").get(4).get("medianDays").isNull()).isTrue();
    }

    @Test
    void oneOffsAreHoursFromRequestToApproval() {
        // 0, 6 and 24 hours: median 6, 90th percentile 6 + 0.8 × 18 = 20.4; the declined and July ones left out
        JsonNode oneOffs = figures(DP_TEAM).get("oneOffs");
        assertThat(oneOffs.get("count").asLong()).isEqualTo(3);
        assertThat(oneOffs.get("medianHoursToApproval").decimalValue()).isEqualByComparingTo("6");
        assertThat(oneOffs.get("p90HoursToApproval").decimalValue()).isEqualByComparingTo("20.4");
    }

    @Test
    void ascof3dCountsAdultsWhoseSupportIsOpenAtThePeriodEnd() {
        // A, C, D and G: B's payment ended, E's is not agreed, F is a child
        JsonNode ascof = figures(DP_TEAM).get("ascof3d");
        assertThat(ascof.get("asAt").asString()).isEqualTo("2026-06-30");
        assertThat(ascof.get("denominator").asLong()).isEqualTo(4);
        assertThat(ascof.get("numerator").asLong()).as("2a: A and D").isEqualTo(2);
        assertThat(ascof.get("percent").decimalValue()).isEqualByComparingTo("50");
        assertThat(ascof.get("part1a").get("numerator").asLong()).as("1a: A, C (council-managed) and D").isEqualTo(3);
        assertThat(ascof.get("part1a").get("percent").decimalValue()).isEqualByComparingTo("75");
        JsonNode all = figures(DP_TEAM);
        assertThat(all.has("unspentReturnedPence") && all.has("moneyReturned") && all.has("vacancies") && all.has("monitoring")
                && all.has("reviews")).as("every figure the issue names is in the JSON").isTrue();
        assertThat(all.get("savingsVsAgencyPence").asLong()).as("no PA paid through payroll here").isZero();
        assertThat(all.get("paPayRates").get("overall").get("suppressed").asBoolean()).isTrue();
    }

    @Test
    void aWelshCouncilHasNoAscofAndNoClientLevelData() {
        JsonNode wales = figures("dp-team@demo-wales");
        assertThat(wales.has("ascof3d")).isFalse();
        assertThat(wales.get("uptake").get("peopleWithPlan").asLong()).isNotNegative();
        assertThat(http.getAs("dp-team@demo-wales", PASSWORD, "/api/v1/insights/client-level-data?" + PERIOD).statusCode())
                .isEqualTo(404);
        String page = page("dp-team@demo-wales", "/insights?" + PERIOD + "&lang=cy").body();
        assertThat(page).contains("Nid yw&#39;n berthnasol i gynghorau yng Nghymru").doesNotContain("client-level-data-link");
    }

    @Test
    void theClientLevelDataExtractHasARowForEachEventWithTheSpecificationsColumns() {
        HttpResponse<String> response = http.getAs(DP_TEAM, PASSWORD, "/api/v1/insights/client-level-data?" + PERIOD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        List<String> lines = response.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("LA_Code,LA_Person_Unique_Identifier,Client_Type,Event_Type,Event_Reference,"
                + "Event_Start_Date,Event_End_Date,Service_Type,Service_Component,Delivery_Mechanism,Unit_Cost,"
                + "Cost_Frequency_Unit_Type,Review_Reason,Review_Outcomes_Achieved");
        List<String> rows = lines.subList(1, lines.size());
        assertThat(rows).hasSize(15).allMatch(r -> r.startsWith(CODE + ",INS-") && r.contains(",Service user,"));
        assertThat(rows.stream().filter(r -> r.contains(",Request,"))).hasSize(5);
        assertThat(rows.stream().filter(r -> r.contains(",Review,"))).hasSize(2);
        assertThat(rows).contains(
                CODE + ",INS-B,Service user,Service,DP-" + dp("INS-B") + ",2026-03-01,2026-05-15,Long term support: Community,"
                        + "Direct payment,Direct payment,132.80,Weekly,,",
                CODE + ",INS-A,Service user,Review,REVIEW-" + review("INS-A") + ",2026-06-01,2026-06-01,,,,,,Planned,");
        assertThat(rows.stream().filter(r -> r.startsWith(CODE + ",INS-C,"))).singleElement().asString()
                .contains(",Service,", ",CASSR managed personal budget,");
        assertThat(rows.stream().filter(r -> r.startsWith(CODE + ",INS-G,"))).singleElement().asString()
                .contains(",CASSR commissioned support,");
        assertThat(rows.stream().filter(r -> r.startsWith(CODE + ",INS-D,") && r.contains(",Review,"))).singleElement()
                .asString().contains(",Unplanned - Other Reason,");
    }

    long dp(String reference) {
        return jdbc.sql("SELECT d.id FROM direct_payment d JOIN citizen c ON c.id = d.citizen_id WHERE c.reference = :r AND c.council_id = :c")
                .param("r", reference).param("c", council).query(Long.class).single();
    }

    long review(String reference) {
        return jdbc.sql("""
                        SELECT r.id FROM review r JOIN direct_payment d ON d.id = r.direct_payment_id
                        JOIN citizen c ON c.id = d.citizen_id WHERE c.reference = :r AND c.council_id = :c""")
                .param("r", reference).param("c", council).query(Long.class).single();
    }

    @Test
    void anotherCouncilsStaffNeverSeeThisCouncilsPeople() {
        HttpResponse<String> response = http.getAs("dp-team@demo-england", PASSWORD, "/api/v1/insights/client-level-data?" + PERIOD);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("INS-").doesNotContain(CODE);
        assertThat(http.getAs("dp-team@demo-england", PASSWORD, "/api/v1/insights?" + PERIOD).body()).doesNotContain(CODE);
    }

    @Test
    void citizensPersonalAssistantsAndProvidersAreRefused_practitionersSeeFiguresButNotTheExtract() {
        for (String who : List.of("citizen@demo-england", "pa@demo-england", "provider@demo-england", "citizen@" + CODE)) {
            assertThat(http.getAs(who, PASSWORD, "/api/v1/insights?" + PERIOD).statusCode()).as(who).isEqualTo(403);
            assertThat(http.getAs(who, PASSWORD, "/api/v1/insights/client-level-data?" + PERIOD).statusCode()).as(who).isEqualTo(403);
        }
        for (String who : List.of("citizen@demo-england", "pa@demo-england", "provider@demo-england")) {
            assertThat(page(who, "/insights").statusCode()).as(who).isEqualTo(403);
            assertThat(page(who, "/insights/uptake.csv").statusCode()).as(who).isEqualTo(403);
        }
        assertThat(figures(PRACTITIONER).get("uptake").get("peopleWithPlan").asLong()).isEqualTo(7);
        assertThat(http.getAs(PRACTITIONER, PASSWORD, "/api/v1/insights/client-level-data?" + PERIOD).statusCode()).isEqualTo(403);
    }

    @Test
    void badPeriodsAreRefusedNamingTheField() {
        assertProblem("/api/v1/insights?from=2026-07-01&to=2026-06-01", "to", "The end date must be the same as or after the start date");
        assertProblem("/api/v1/insights?from=2020-01-01&to=2026-01-02", "to", "The period must be 5 years or shorter");
        assertProblem("/api/v1/insights?from=2026-13-01", "from", "From");
        assertProblem("/api/v1/insights/client-level-data?from=2026-07-01&to=2026-06-01", "to", "after the start date");
        String page = page(DP_TEAM, "/insights?from-day=1&from-month=7&from-year=2026&to-day=1&to-month=6&to-year=2026").body();
        assertThat(page).contains("govuk-error-summary", "href=\"#to\"", "The end date must be the same as or after the start date")
                .doesNotContain("<svg");
    }

    void assertProblem(String path, String field, String words) {
        HttpResponse<String> response = http.getAs(DP_TEAM, PASSWORD, path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode errors = json.readTree(response.body()).get("errors");
        assertThat(errors.get(0).get("field").asString()).isEqualTo(field);
        assertThat(errors.get(0).get("message").asString()).contains(words);
    }

    @Test
    void thePageHasASectionAFigureWithAChartATableACsvAndASentence() {
        String page = page(DP_TEAM, "/insights?" + PERIOD).body();
        assertThat(page).contains("From 1 January 2026 to 30 June 2026.");
        assertThat(page).contains("Half of people got their money within 24 days of asking, and 9 in 10 within 34.7 days (4 first payments).");
        assertThat(page).contains("75% got it within your council&#39;s target of 28 days.");
        assertThat(page).contains("On 30 June 2026, 3 of the 7 people with a plan had a direct payment (42.9%).");
        assertThat(page).contains("50% of adults getting long-term support in the community had a direct payment on 30 June 2026 (2 of 4).");
        assertThat(page).contains("Half of one-off payments were approved within 6 hours of the request, and 9 in 10 within 20.4 hours (3 approved).");
        assertThat(page).as("a chart a figure").contains("<title id=\"uptake-chart-title\">", "<title id=\"time-chart-title\">",
                "<title id=\"one-offs-chart-title\">", "<title id=\"ascof-chart-title\">");
        assertThat(page).contains("<title id=\"time-chart-title\">", "<desc id=\"time-chart-desc\">", "Show as a table",
                "dphub-table-scroll", "href=\"/insights/timeToMoney.csv?from=2026-01-01&amp;to=2026-06-30\"",
                "id=\"client-level-data-link\"");
        String welsh = page(DP_TEAM, "/insights?" + PERIOD + "&lang=cy").body();
        assertThat(welsh).contains("lang=\"cy\"", "Cafodd hanner y bobl eu harian o fewn 24 diwrnod i ofyn");

        HttpResponse<String> csv = page(DP_TEAM, "/insights/timeToMoney.csv?" + PERIOD);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(csv.body().lines().toList()).startsWith("Month,First payments,Median days,Days for 9 in 10 (90th percentile),"
                + "Within 28 days (%)", "January 2026,1,14,14,100", "February 2026,1,27,27,100", "March 2026,1,38,38,0");
        assertThat(page(DP_TEAM, "/insights/nothing.csv?" + PERIOD).statusCode()).isEqualTo(404);
        assertThat(page(DP_TEAM, "/home").body()).contains("href=\"/insights\"");
    }

    @Test
    void howSupportIsTakenCountsPeopleAndWeeklyMoneyForEachWayAndWhoHoldsTheDirectPayments() {
        JsonNode taken = figures(DP_TEAM).get("howTaken");
        assertThat(taken.get("asAt").asString()).isEqualTo("2026-06-30");
        List<String> ways = new ArrayList<>();
        taken.get("byMechanism").forEach(m -> ways.add(m.get("deliveryMechanism").asString() + " " + m.get("people").asLong()
                + " " + m.get("weeklyPence").asLong()));
        // every plan is in force on 30 June, each line 10 hours at £13.28 (£132.80 a week); B's plan stays though its payment ended
        assertThat(ways).containsExactly("DIRECT_PAYMENT 5 66400", "INDIVIDUAL_SERVICE_FUND 1 13280", "COUNCIL_MANAGED_BUDGET 1 13280",
                "COUNCIL_COMMISSIONED 2 26560");
        assertThat(taken.get("weeklyPence").asLong()).isEqualTo(119520);
        List<String> holders = new ArrayList<>();
        taken.get("byRecipient").forEach(k -> holders.add(k.get("recipientKind").asString() + " " + k.get("peopleWithPlan").asLong()
                + " " + k.get("directPayments").asLong() + " " + k.get("bankAccounts").asLong() + " " + k.get("prepaidCards").asLong()
                + " " + k.get("managedAccounts").asLong()));
        assertThat(holders).as("A, D and F's payments are in force; B's ended, E's is not agreed")
                .containsExactly("ADULT 7 3 3 0 0", "CARER 0 0 0 0 0", "CHILD 0 0 0 0 0");

        String page = page(DP_TEAM, "/insights?" + PERIOD).body();
        assertThat(page).contains("id=\"figure-howTaken\"", "id=\"figure-holders\"",
                "On 30 June 2026, the plans in force had £1,195.20 a week of support. 55.6% of it was taken as a direct payment.",
                "On 30 June 2026, 3 direct payments were in force: 3 for adults, 0 for carers and 0 for children.");
        HttpResponse<String> csv = page(DP_TEAM, "/insights/howTaken.csv?" + PERIOD);
        assertThat(csv.body().lines().toList()).containsExactly("How it is taken,People,Money a week (£),Share of the money (%)",
                "A direct payment,5,664.00,55.6", "An individual service fund,1,132.80,11.1", "A budget the council manages,1,132.80,11.1",
                "Support the council arranges,2,265.60,22.2", "All support,,1195.20,100");
        assertThat(page(DP_TEAM, "/insights?" + PERIOD + "&lang=cy").body()).contains("Sut y caiff cymorth ei gymryd",
                "Pwy sydd â thaliad uniongyrchol");
    }

    @Test
    void aPlanRecordsHowEachPartOfTheBudgetIsTaken_overTheApiAndOnThePage() {
        HttpResponse<String> citizen = http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens", """
                {"givenName": "Mair", "familyName": "Figures", "dateOfBirth": "1958-03-14", "postcode": "ch7 1xy"}""");
        assertThat(citizen.statusCode()).as(citizen.body()).isEqualTo(201);
        long citizenId = json.readTree(citizen.body()).get("id").asLong();
        String plan = """
                {"startDate": "2026-12-01", "outcomes": [{"text": "Stay in my own home"}],
                 "budgetLines": [
                   {"description": "PA support", "kind": "HOURLY", "hoursPerWeek": 5, "hourlyRatePence": 1328, "outcomes": [1]},
                   {"description": "Day centre", "kind": "WEEKLY", "weeklyAmountPence": 4000, "outcomes": [1], "deliveryMechanism": "%s"%s}
                 ]}""";
        // issue 18: an individual service fund names its provider, an organisation listed in the council's directory
        java.util.UUID provider = java.util.UUID.randomUUID();
        jdbc.sql("INSERT INTO directory_organization (id, council_id, name, kind) VALUES (:id, :c, 'Cartref Day Centre', 'CHARITY')")
                .param("id", provider).param("c", council).update();
        jdbc.sql("""
                        INSERT INTO directory_service (id, organization_id, council_id, name, description, status, delivery, cost_pence,
                            cost_unit, insurance_checked, safeguarding_checked)
                        VALUES (:id, :org, :c, 'Day centre', 'Days out and company', 'PUBLISHED', 'ONLINE', 4000, 'SESSION', true, true)""")
                .param("id", java.util.UUID.randomUUID()).param("org", provider).param("c", council).update();
        HttpResponse<String> bad = http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizenId + "/plans",
                plan.formatted("CASH_IN_HAND", ""));
        assertThat(bad.statusCode()).isEqualTo(422);
        assertThat(bad.body()).contains("budgetLines[1].deliveryMechanism", "Select a direct payment, an individual service fund");
        assertThat(jdbc.sql("SELECT count(*) FROM care_plan WHERE citizen_id = :c").param("c", citizenId).query(Long.class).single())
                .as("nothing saved").isZero();

        HttpResponse<String> created = http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizenId + "/plans",
                plan.formatted("INDIVIDUAL_SERVICE_FUND", ", \"isfProviderId\": \"" + provider + "\""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode lines = json.readTree(created.body()).get("budgetLines");
        assertThat(lines.get(0).get("deliveryMechanism").asString()).as("the default").isEqualTo("DIRECT_PAYMENT");
        assertThat(lines.get(1).get("deliveryMechanism").asString()).isEqualTo("INDIVIDUAL_SERVICE_FUND");
        long planId = json.readTree(created.body()).get("id").asLong();
        assertThat(json.readTree(http.getAs(PRACTITIONER, PASSWORD, "/api/v1/plans/" + planId).body())
                .get("budgetLines").get(1).get("deliveryMechanism").asString()).isEqualTo("INDIVIDUAL_SERVICE_FUND");
        assertThat(page(PRACTITIONER, "/plans/" + planId).body())
                .contains("How it is taken", "An individual service fund", "A direct payment", "Held by Cartref Day Centre");
        assertThat(page(PRACTITIONER, "/plans/" + planId + "/change").body())
                .containsPattern("id=\"budgetLines\\[1\\]\\.deliveryMechanism-2\"[^>]*value=\"INDIVIDUAL_SERVICE_FUND\"[^>]*checked=\"checked\"");
        assertThat(jdbc.sql("""
                        SELECT after_state ->> 'deliveryMechanisms' FROM audit_event
                        WHERE entity_type = 'care_plan_version' AND council_id = :c ORDER BY id DESC LIMIT 1""")
                .param("c", council).query(String.class).single())
                .as("the plan's audit records it").contains("DIRECT_PAYMENT", "INDIVIDUAL_SERVICE_FUND");
    }
}
