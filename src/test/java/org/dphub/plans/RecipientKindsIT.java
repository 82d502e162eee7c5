package org.dphub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.dphub.councils.Council;
import org.dphub.councils.CouncilSettings;
import org.dphub.councils.Councils;
import org.dphub.councils.Nation;
import org.dphub.identity.NewUserAccount;
import org.dphub.identity.UserAccounts;
import org.dphub.people.Citizens;
import org.dphub.people.OnlineAccount;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.dphub.support.MoneyApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 18 over the real HTTP API: a carer's own direct payment (Care Act 2014 s31 via the carer's
 * support plan), a child's held by a person with parental responsibility (Children Act 1989 s17A), a
 * young person of 16 or 17 holding their own, the move to an adult's payment at 18 with no gap in the
 * money, and the Client Level Data and ASCOF 3D figures. Insights figures use a council of its own.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecipientKindsIT {

    static final String CODE = "kinds-it";
    static final String PRACTITIONER = "practitioner@" + CODE;
    static final String DP_TEAM = "dp-team@" + CODE;
    static final String PASSWORD = Http.DEMO_PASSWORD;
    static final String DEMO_PRACTITIONER = "practitioner@demo-england";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Councils councils;
    @Autowired
    UserAccounts users;
    @Autowired
    Citizens citizens;

    Http http;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    void aCouncilOfItsOwn() {
        http = new Http(port);
        if (councils.findByCode(CODE).isEmpty()) {
            Council created = councils.create(CODE, "Kinds Borough Council", "Cyngor Bwrdeistref Mathau", Nation.ENGLAND,
                    CouncilSettings.defaults(false));
            users.create(new NewUserAccount(PRACTITIONER, PASSWORD, "Pat Kinds", created.id(), EnumSet.of(Role.PRACTITIONER), "en"));
            users.create(new NewUserAccount(DP_TEAM, PASSWORD, "Dee Kinds", created.id(), EnumSet.of(Role.DP_TEAM), "en"));
        }
    }

    JsonNode ok(HttpResponse<String> response, int status) {
        return MoneyApi.ok(response, status);
    }

    long person(String practitioner, String name, LocalDate born) {
        return ok(http.postJsonAs(practitioner, PASSWORD, "/api/v1/citizens", """
                {"givenName": "%s", "familyName": "Kinds", "dateOfBirth": "%s", "postcode": "SY1 1AA", "preferredLanguage": "en"}"""
                .formatted(name, born)), 201).get("id").asLong();
    }

    HttpResponse<String> plan(String practitioner, long citizen, LocalDate start, String extra) {
        return http.postJsonAs(practitioner, PASSWORD, "/api/v1/citizens/" + citizen + "/plans", """
                {"startDate": "%s", "outcomes": [{"text": "Have a break from caring"}], "paymentFrequency": "WEEKLY",
                 "budgetLines": [{"description": "Short breaks", "kind": "WEEKLY", "weeklyAmountPence": 5000}]%s}"""
                .formatted(start, extra));
    }

    HttpResponse<String> directPayment(String practitioner, long citizen, long plan, LocalDate start, String extra) {
        LocalDate asked = start.isBefore(LocalDate.now()) ? start : LocalDate.now();
        return http.postJsonAs(practitioner, PASSWORD, "/api/v1/citizens/" + citizen + "/direct-payments", """
                {"planId": %d, "accountType": "PREPAID_CARD", "requestedOn": "%s", "startDate": "%s"%s}"""
                .formatted(plan, asked, start, extra));
    }

    void assertField(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(json.readTree(response.body()).get("errors").valueStream().map(e -> e.get("field").asString()).toList())
                .contains(field);
    }

    void assertRule(HttpResponse<String> response, String rule) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("rule").asString()).isEqualTo(rule);
        assertThat(problem.get("detail").asString()).contains("section");
        assertThat(problem.get("whatWouldAllowIt").asString()).isNotBlank();
    }

    long count(String sql, long id) {
        return jdbc.sql(sql).param("id", id).query(Long.class).single();
    }

    OnlineAccount account(String practitioner, long citizen, String email) {
        SignedInUser staff = users.findByUsername(practitioner).orElseThrow();
        return citizens.giveOnlineAccount(staff, citizen, email);
    }

    @Test
    void aCarersOwnDirectPaymentAndThePersonTheyCareForEachSeeOnlyTheirOwn() {
        LocalDate start = LocalDate.now().minusDays(14);
        long caredFor = person(PRACTITIONER, "Gwen", LocalDate.of(1941, 4, 4));
        long caredForPlan = ok(plan(PRACTITIONER, caredFor, start, ""), 201).get("id").asLong();
        long caredForDp = ok(directPayment(PRACTITIONER, caredFor, caredForPlan, start, ""), 201).get("id").asLong();
        long carer = person(PRACTITIONER, "Siân", LocalDate.of(1968, 8, 8));

        JsonNode carerPlan = ok(plan(PRACTITIONER, carer, start,
                ", \"recipientKind\": \"CARER\", \"caredForCitizenId\": " + caredFor), 201);
        assertThat(carerPlan.get("recipientKind").asString()).isEqualTo("CARER");
        assertThat(carerPlan.get("planKind").asString()).isEqualTo("CARER_SUPPORT_PLAN");
        assertThat(carerPlan.get("caredForCitizenId").asLong()).as("staff see the link").isEqualTo(caredFor);
        JsonNode carerDp = ok(directPayment(PRACTITIONER, carer, carerPlan.get("id").asLong(), start, ""), 201);
        assertThat(carerDp.get("recipientKind").asString()).as("the payment takes its plan's kind").isEqualTo("CARER");
        assertThat(carerDp.get("citizenId").asLong()).as("the carer holds it").isEqualTo(carer);
        long carerDpId = carerDp.get("id").asLong();
        long carerPlanId = carerPlan.get("id").asLong();

        OnlineAccount carerAccount = account(PRACTITIONER, carer, "sian" + carer + "@example.com");

        String carerAccountPassword = http.choosesOwnPassword(carerAccount.username(), carerAccount.temporaryPassword());
        OnlineAccount caredForAccount = account(PRACTITIONER, caredFor, "gwen" + caredFor + "@example.com");
        String caredForAccountPassword = http.choosesOwnPassword(caredForAccount.username(), caredForAccount.temporaryPassword());

        // each sees their own
        JsonNode own = ok(http.getAs(carerAccount.username(), carerAccountPassword, "/api/v1/plans/" + carerPlanId), 200);
        assertThat(own.get("planKind").asString()).isEqualTo("CARER_SUPPORT_PLAN");
        assertThat(own.get("caredForCitizenId").isNull()).as("the carer is not shown the other person's record").isTrue();
        ok(http.getAs(carerAccount.username(), carerAccountPassword, "/api/v1/direct-payments/" + carerDpId), 200);
        ok(http.getAs(caredForAccount.username(), caredForAccountPassword, "/api/v1/direct-payments/" + caredForDp), 200);
        // and never the other's plan or money
        for (String path : List.of("/api/v1/plans/" + caredForPlan, "/api/v1/direct-payments/" + caredForDp,
                "/api/v1/citizens/" + caredFor + "/plans", "/api/v1/citizens/" + caredFor + "/direct-payments",
                "/api/v1/citizens/" + caredFor)) {
            assertThat(http.getAs(carerAccount.username(), carerAccountPassword, path).statusCode())
                    .as("carer reading " + path).isEqualTo(404);
        }
        for (String path : List.of("/api/v1/plans/" + carerPlanId, "/api/v1/direct-payments/" + carerDpId,
                "/api/v1/citizens/" + carer + "/plans", "/api/v1/citizens/" + carer + "/direct-payments")) {
            assertThat(http.getAs(caredForAccount.username(), caredForAccountPassword, path).statusCode())
                    .as("cared-for person reading " + path).isEqualTo(404);
        }
        // another council's staff see nothing; a citizen cannot write plans
        assertThat(http.getAs(DEMO_PRACTITIONER, PASSWORD, "/api/v1/plans/" + carerPlanId).statusCode()).isEqualTo(404);
        assertThat(http.getAs(DEMO_PRACTITIONER, PASSWORD, "/api/v1/direct-payments/" + carerDpId).statusCode()).isEqualTo(404);
        assertThat(http.postJsonAs(carerAccount.username(), carerAccountPassword, "/api/v1/citizens/" + carer + "/plans",
                "{\"recipientKind\": \"CARER\", \"caredForCitizenId\": " + caredFor + "}").statusCode()).isEqualTo(403);
    }

    @Test
    void aCarersPlanMustNameSomeoneElseOfTheSameCouncil_andInEnglandTheCarerIsAnAdult() {
        LocalDate start = LocalDate.now();
        long carer = person(PRACTITIONER, "Bethan", LocalDate.of(1975, 1, 1));
        long elsewhere = person(DEMO_PRACTITIONER, "Elsewhere", LocalDate.of(1940, 1, 1));
        assertField(plan(PRACTITIONER, carer, start, ", \"recipientKind\": \"CARER\""), "caredForCitizenId");
        assertField(plan(PRACTITIONER, carer, start, ", \"recipientKind\": \"CARER\", \"caredForCitizenId\": " + carer),
                "caredForCitizenId");
        assertField(plan(PRACTITIONER, carer, start, ", \"recipientKind\": \"CARER\", \"caredForCitizenId\": " + elsewhere),
                "caredForCitizenId");
        assertField(plan(PRACTITIONER, carer, start, ", \"recipientKind\": \"PARENT\""), "recipientKind");
        assertField(plan(PRACTITIONER, carer, start, ", \"recipientKind\": \"CHILD\""), "recipientKind");
        assertThat(count("SELECT count(*) FROM care_plan WHERE citizen_id = :id", carer)).as("nothing saved").isZero();

        // a young carer of 17 in England: the plan can be written, the carer's own payment is refused (s31)
        long young = person(PRACTITIONER, "Osian", LocalDate.now().minusYears(17));
        long caredFor = person(PRACTITIONER, "Dad", LocalDate.of(1960, 1, 1));
        long youngPlan = ok(plan(PRACTITIONER, young, start, ", \"recipientKind\": \"CARER\", \"caredForCitizenId\": " + caredFor),
                201).get("id").asLong();
        assertRule(directPayment(PRACTITIONER, young, youngPlan, start, ""), "CARER_ADULT");
        assertField(directPayment(PRACTITIONER, young, youngPlan, start, ", \"recipientKind\": \"ADULT\""), "recipientKind");
        assertThat(count("SELECT count(*) FROM direct_payment WHERE citizen_id = :id", young)).isZero();
    }

    @Test
    void aChildsPaymentWithNoOneWithParentalResponsibilityIsRefusedAndNothingSaved() {
        LocalDate start = LocalDate.now();
        long child = person(PRACTITIONER, "Alex", LocalDate.now().minusYears(10));
        JsonNode childPlan = ok(plan(PRACTITIONER, child, start, ", \"recipientKind\": \"CHILD\", \"ehcPlan\": true"), 201);
        assertThat(childPlan.get("planKind").asString()).isEqualTo("CHILD_PLAN");
        assertThat(childPlan.get("ehcPlan").asBoolean()).isTrue();
        long planId = childPlan.get("id").asLong();

        assertRule(directPayment(PRACTITIONER, child, planId, start, ""), "CHILD_PARENTAL_RESPONSIBILITY");
        long nominated = ok(http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + child + "/representatives",
                "{\"name\": \"Uncle Dai\", \"kind\": \"NOMINATED_PERSON\"}"), 201).get("id").asLong();
        assertRule(directPayment(PRACTITIONER, child, planId, start, ", \"representativeId\": " + nominated),
                "CHILD_PARENTAL_RESPONSIBILITY");
        assertThat(count("SELECT count(*) FROM direct_payment WHERE citizen_id = :id", child)).as("nothing saved").isZero();

        long parent = ok(http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + child + "/representatives",
                "{\"name\": \"Mari Kinds\", \"kind\": \"PARENTAL_RESPONSIBILITY\"}"), 201).get("id").asLong();
        JsonNode dp = ok(directPayment(PRACTITIONER, child, planId, start, ", \"representativeId\": " + parent), 201);
        assertThat(dp.get("recipientKind").asString()).isEqualTo("CHILD");
        assertThat(dp.get("representativeId").asLong()).isEqualTo(parent);

        // the parent agrees for the child; the child's own account may not
        SignedInUser staff = users.findByUsername(PRACTITIONER).orElseThrow();
        OnlineAccount childAccount = citizens.giveOnlineAccount(staff, child, "alex" + child + "@example.com");
        String childAccountPassword = http.choosesOwnPassword(childAccount.username(), childAccount.temporaryPassword());
        OnlineAccount parentAccount = citizens.giveRepresentativeAccount(staff, child, parent, "mari" + child + "@example.com");
        String parentAccountPassword = http.choosesOwnPassword(parentAccount.username(), parentAccount.temporaryPassword());
        long id = dp.get("id").asLong();
        assertThat(http.postJsonAs(childAccount.username(), childAccountPassword,
                "/api/v1/direct-payments/" + id + "/agreement", "{}").statusCode()).isEqualTo(403);
        JsonNode agreed = ok(http.postJsonAs(parentAccount.username(), parentAccountPassword,
                "/api/v1/direct-payments/" + id + "/agreement", "{}"), 200);
        assertThat(agreed.get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void aYoungPersonOf16Or17MayHoldTheirOwnWhenTheyCanAgreeToIt() {
        LocalDate start = LocalDate.now();
        long young = person(PRACTITIONER, "Cai", LocalDate.now().minusYears(16).minusDays(3));
        long planId = ok(plan(PRACTITIONER, young, start, ", \"recipientKind\": \"CHILD\""), 201).get("id").asLong();
        assertRule(directPayment(PRACTITIONER, young, planId, start, ", \"hasCapacity\": false"), "CHILD_PARENTAL_RESPONSIBILITY");
        JsonNode own = ok(directPayment(PRACTITIONER, young, planId, start, ", \"hasCapacity\": true"), 201);
        assertThat(own.get("recipientKind").asString()).isEqualTo("CHILD");
        assertThat(own.get("representativeId").isNull()).isTrue();

        // 15: too young to hold it themself
        long fifteen = person(PRACTITIONER, "Nia", LocalDate.now().minusYears(15));
        long plan15 = ok(plan(PRACTITIONER, fifteen, start, ", \"recipientKind\": \"CHILD\""), 201).get("id").asLong();
        assertRule(directPayment(PRACTITIONER, fifteen, plan15, start, ""), "CHILD_PARENTAL_RESPONSIBILITY");
    }

    /** Due dates the run paid into an account, in order. */
    List<LocalDate> paid(long account) {
        return jdbc.sql("SELECT due_date FROM payment WHERE account_id = :a ORDER BY due_date").param("a", account)
                .query(LocalDate.class).list();
    }

    @Test
    void atEighteenTheAdultsPaymentCarriesOnWithNoGapAndNothingPaidTwice() throws Exception {
        LocalDate today = LocalDate.now();
        LocalDate birthday = today.plusDays(10);
        LocalDate childStart = today.minusDays(20); // weekly, due on days -20, -13, -6, +1, +8, then +15
        long child = person(DEMO_PRACTITIONER, "Rhys", birthday.minusYears(18));
        long planId = ok(plan(DEMO_PRACTITIONER, child, childStart, ", \"recipientKind\": \"CHILD\""), 201).get("id").asLong();
        long parent = ok(http.postJsonAs(DEMO_PRACTITIONER, PASSWORD, "/api/v1/citizens/" + child + "/representatives",
                "{\"name\": \"Ceri Kinds\", \"kind\": \"PARENTAL_RESPONSIBILITY\"}"), 201).get("id").asLong();
        long childDp = ok(directPayment(DEMO_PRACTITIONER, child, planId, childStart, ", \"representativeId\": " + parent), 201)
                .get("id").asLong();
        MoneyApi money = new MoneyApi(http);
        long childAccount = money.agreeOnPaper(DEMO_PRACTITIONER, childDp, childStart.minusDays(2));

        // listed for the DP team within the 90 days' notice
        JsonNode moving = ok(http.getAs("dp-team@demo-england", PASSWORD, "/api/v1/direct-payments/moving-to-adult-support"), 200);
        JsonNode row = moving.valueStream().filter(m -> m.get("directPaymentId").asLong() == childDp).findFirst().orElseThrow();
        assertThat(row.get("eighteenthBirthday").asString()).isEqualTo(birthday.toString());
        LocalDate adultStart = today.plusDays(15);
        assertThat(row.get("adultStart").asString()).isEqualTo(adultStart.toString());
        assertThat(ok(http.getAs("dp-team@demo-wales", PASSWORD, "/api/v1/direct-payments/moving-to-adult-support"), 200)
                .valueStream().noneMatch(m -> m.get("directPaymentId").asLong() == childDp)).as("other councils never see it").isTrue();

        // refusals first: a citizen, another council's practitioner, an adult's payment
        assertThat(http.postJsonAs("citizen@demo-england", PASSWORD, "/api/v1/direct-payments/" + childDp + "/adult-continuation", "{}")
                .statusCode()).isEqualTo(403);
        assertThat(http.postJsonAs("practitioner@demo-wales", PASSWORD, "/api/v1/direct-payments/" + childDp + "/adult-continuation",
                "{}").statusCode()).isEqualTo(404);
        assertField(http.postJsonAs(DEMO_PRACTITIONER, PASSWORD, "/api/v1/direct-payments/" + childDp + "/adult-continuation",
                "{\"accountType\": \"SHOEBOX\"}"), "accountType");

        JsonNode continued = ok(http.postJsonAs(DEMO_PRACTITIONER, PASSWORD,
                "/api/v1/direct-payments/" + childDp + "/adult-continuation", "{}"), 201);
        long adultDp = continued.get("adultDirectPaymentId").asLong();
        assertThat(continued.get("childStatus").asString()).isEqualTo("ENDED");
        assertThat(continued.get("adultStart").asString()).isEqualTo(adultStart.toString());
        JsonNode again = ok(http.postJsonAs(DEMO_PRACTITIONER, PASSWORD,
                "/api/v1/direct-payments/" + childDp + "/adult-continuation", "{}"), 200);
        assertThat(again.get("adultDirectPaymentId").asLong()).as("doing it twice makes nothing new").isEqualTo(adultDp);
        JsonNode adult = ok(http.getAs(DEMO_PRACTITIONER, PASSWORD, "/api/v1/direct-payments/" + adultDp), 200);
        assertThat(adult.get("recipientKind").asString()).isEqualTo("ADULT");
        assertThat(adult.get("continuesDirectPaymentId").asLong()).isEqualTo(childDp);
        JsonNode adultPlan = ok(http.getAs(DEMO_PRACTITIONER, PASSWORD, "/api/v1/plans/" + adult.get("planId").asLong()), 200);
        assertThat(adultPlan.get("planKind").asString()).isEqualTo("CARE_AND_SUPPORT_PLAN");
        assertThat(adultPlan.get("weeklyBudgetPence").asLong()).isEqualTo(5000);

        long adultAccount = money.agreeOnPaper(DEMO_PRACTITIONER, adultDp, today);
        money.runFor("finance@demo-england", today.plusDays(30));
        List<LocalDate> childPaid = paid(childAccount);
        List<LocalDate> adultPaid = paid(adultAccount);
        assertThat(childPaid).as("the child's payments, all due before the adult's start")
                .containsExactly(childStart, childStart.plusWeeks(1), childStart.plusWeeks(2), childStart.plusWeeks(3),
                        childStart.plusWeeks(4));
        assertThat(adultPaid).as("the adult's from the next due date")
                .containsExactly(adultStart, adultStart.plusWeeks(1), adultStart.plusWeeks(2));
        List<LocalDate> all = new java.util.ArrayList<>(childPaid);
        all.addAll(adultPaid);
        for (int i = 1; i < all.size(); i++) {
            assertThat(all.get(i)).as("one payment a week: nothing missed, nothing twice").isEqualTo(all.get(i - 1).plusWeeks(1));
        }
        assertThat(ok(http.getAs("dp-team@demo-england", PASSWORD, "/api/v1/direct-payments/moving-to-adult-support"), 200)
                .valueStream().noneMatch(m -> m.get("directPaymentId").asLong() == childDp)).as("done: off the list").isTrue();
    }

    @Test
    void anAdultsPaymentCannotBeContinuedAsAnAdults() {
        LocalDate start = LocalDate.now();
        long adult = person(PRACTITIONER, "Huw", LocalDate.of(1980, 1, 1));
        long planId = ok(plan(PRACTITIONER, adult, start, ""), 201).get("id").asLong();
        long dp = ok(directPayment(PRACTITIONER, adult, planId, start, ""), 201).get("id").asLong();
        assertThat(http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/direct-payments/" + dp + "/adult-continuation", "{}")
                .statusCode()).isEqualTo(409);
        assertThat(count("SELECT count(*) FROM care_plan WHERE citizen_id = :id", adult)).isEqualTo(1);
    }

    @Test
    void theClientLevelDataCallsTheCarerAnUnpaidCarer_andAscof3dCountsOnlyServiceUsers() {
        LocalDate start = LocalDate.now().minusDays(20);
        long caredFor = person(PRACTITIONER, "Ifor", LocalDate.of(1939, 9, 9));
        long caredForPlan = ok(plan(PRACTITIONER, caredFor, start, ""), 201).get("id").asLong();
        long caredForDp = ok(directPayment(PRACTITIONER, caredFor, caredForPlan, start, ""), 201).get("id").asLong();
        long carer = person(PRACTITIONER, "Elin", LocalDate.of(1970, 7, 7));
        long carerPlan = ok(plan(PRACTITIONER, carer, start, ", \"recipientKind\": \"CARER\", \"caredForCitizenId\": " + caredFor),
                201).get("id").asLong();
        long carerDp = ok(directPayment(PRACTITIONER, carer, carerPlan, start, ""), 201).get("id").asLong();
        long child = person(PRACTITIONER, "Tomos", LocalDate.now().minusYears(12));
        long childPlan = ok(plan(PRACTITIONER, child, start, ", \"recipientKind\": \"CHILD\""), 201).get("id").asLong();
        long parent = ok(http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + child + "/representatives",
                "{\"name\": \"Parent\", \"kind\": \"PARENTAL_RESPONSIBILITY\"}"), 201).get("id").asLong();
        long childDp = ok(directPayment(PRACTITIONER, child, childPlan, start, ", \"representativeId\": " + parent), 201)
                .get("id").asLong();
        MoneyApi money = new MoneyApi(http);
        for (long dp : new long[] {caredForDp, carerDp, childDp}) {
            money.agreeOnPaper(PRACTITIONER, dp, LocalDate.now());
        }
        String period = "from=" + LocalDate.now().minusDays(60) + "&to=" + LocalDate.now();
        HttpResponse<String> extract = http.getAs(DP_TEAM, PASSWORD, "/api/v1/insights/client-level-data?" + period);
        assertThat(extract.statusCode()).as(extract.body()).isEqualTo(200);
        String carerRef = ok(http.getAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + carer), 200).get("reference").asString();
        String caredForRef = ok(http.getAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + caredFor), 200).get("reference").asString();
        String childRef = ok(http.getAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + child), 200).get("reference").asString();
        List<String> rows = extract.body().lines().toList();
        assertThat(rows.stream().filter(r -> r.contains("," + carerRef + ","))).hasSize(2)
                .allMatch(r -> r.contains("," + carerRef + ",Unpaid carer,"));
        assertThat(rows.stream().filter(r -> r.contains("," + carerRef + ",Unpaid carer,Service,DP-" + carerDp + ","))).hasSize(1);
        assertThat(rows.stream().filter(r -> r.contains("," + caredForRef + ","))).hasSize(2)
                .allMatch(r -> r.contains("," + caredForRef + ",Service user,"));
        assertThat(rows.stream().filter(r -> r.contains("," + childRef + ","))).as("children's services are not in CLD").isEmpty();

        JsonNode ascof = ok(http.getAs(DP_TEAM, PASSWORD, "/api/v1/insights?" + period), 200).get("ascof3d");
        long people = count("SELECT count(DISTINCT p.citizen_id) FROM care_plan p JOIN direct_payment d ON d.plan_id = p.id "
                + "WHERE p.council_id = :id AND p.recipient_kind = 'ADULT' AND d.status = 'ACTIVE'",
                councils.findByCode(CODE).orElseThrow().id());
        assertThat(ascof.get("denominator").asLong()).as("service users only: not the carer, not the child").isEqualTo(people);
        assertThat(ascof.get("numerator").asLong()).isEqualTo(people);
    }

    @Test
    void theDemoHasACarersOwnPaymentAndAChildsHeldByAParent_eachSaidInWords() {
        String parentPage = http.get("/my-plan", "Cookie", http.signIn("parent@demo-england", PASSWORD)).body();
        assertThat(parentPage).contains("Direct payment for Alex, held by you.");
        String carerPage = http.get("/my-plan", "Cookie", http.signIn("carer@demo-england", PASSWORD)).body();
        assertThat(carerPage).contains("Your carer&#39;s direct payment: money for your own needs as a carer.");
        String welsh = http.get("/my-plan?lang=cy", "Cookie", http.signIn("carer@demo-wales", PASSWORD)).body();
        assertThat(welsh).contains("Taliad uniongyrchol i chi fel gofalwr");
        JsonNode moving = ok(http.getAs("dp-team@demo-england", PASSWORD, "/api/v1/direct-payments/moving-to-adult-support"), 200);
        assertThat(moving.valueStream().map(m -> m.get("name").asString()).toList()).contains("Alex Morgan");
        JsonNode carers = ok(http.getAs("carer@demo-england", PASSWORD, "/api/v1/me"), 200);
        assertThat(carers.toString()).doesNotContain("Alex");
    }
}
