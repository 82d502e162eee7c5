package org.dphub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dphub.identity.UserAccounts;
import org.dphub.people.Citizens;
import org.dphub.people.OnlineAccount;
import org.dphub.shared.SignedInUser;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The plans and direct payments contract over real HTTP, as a practitioner's system would use it. */
@IntegrationTest
@org.springframework.test.context.event.RecordApplicationEvents
class PlansApiIT {

    static final String PRACTITIONER = "practitioner@demo-england";
    static final String PASSWORD = Http.DEMO_PASSWORD;

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Citizens citizens;
    @Autowired
    UserAccounts accounts;
    @Autowired
    CarePlans carePlans;
    @Autowired
    DirectPayments directPayments;
    @Autowired
    org.springframework.test.context.event.ApplicationEvents events;

    Http http;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    JsonNode created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat(response.headers().firstValue("Location")).isPresent();
        return body(response);
    }

    long newCitizen(String username) {
        JsonNode citizen = created(http.postJsonAs(username, PASSWORD, "/api/v1/citizens", """
                {"givenName": "Alys", "familyName": "Pritchard", "dateOfBirth": "1958-03-14", "postcode": "ch7 1xy",
                 "preferredLanguage": "cy"}"""));
        return citizen.get("id").asLong();
    }

    JsonNode newPlan(long citizenId, String frequency) {
        return created(http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizenId + "/plans", """
                {"startDate": "2026-12-01",
                 "outcomes": [{"text": "Keep going to Shrewsbury Town matches with my brother"}, {"text": "Stay in my own home"}],
                 "budgetLines": [
                   {"description": "PA support", "kind": "HOURLY", "hoursPerWeek": 7.33, "hourlyRatePence": 1328, "outcomes": [1, 2]},
                   {"description": "Gym membership", "kind": "WEEKLY", "weeklyAmountPence": 650, "outcomes": [1]},
                   {"description": "Grab rails", "kind": "ONE_OFF", "amountPence": 12000}
                 ],
                 "paymentFrequency": "%s", "weeklyContributionPence": 1500}""".formatted(frequency)));
    }

    @Test
    void createsACitizenInTheCallersCouncil() {
        HttpResponse<String> response = http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens", """
                {"givenName": "Tom", "familyName": "Baker", "dateOfBirth": "1961-07-02", "postcode": "sy11aa", "preferredLanguage": "en"}""");
        JsonNode citizen = created(response);
        assertThat(citizen.get("postcode").asString()).isEqualTo("SY1 1AA");
        assertThat(citizen.get("reference").asString()).matches("DE-\\d{5}");
        long id = citizen.get("id").asLong();
        assertThat(jdbc.sql("SELECT k.code FROM citizen c JOIN council k ON k.id = c.council_id WHERE c.id = :id")
                .param("id", id).query(String.class).single()).isEqualTo("demo-england");
        JsonNode read = body(http.getAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + id));
        assertThat(read.get("givenName").asString()).isEqualTo("Tom");
        assertThat(read.get("familyName").asString()).isEqualTo("Baker");
        assertThat(http.getAs("practitioner@demo-wales", PASSWORD, "/api/v1/citizens/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void badCitizenInputIs422WithEveryFieldAndSavesNothing() {
        long before = jdbc.sql("SELECT count(*) FROM citizen").query(Long.class).single();
        HttpResponse<String> response = http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens", """
                {"givenName": "<script>alert(1)</script>", "familyName": "%s", "dateOfBirth": "2099-01-01",
                 "postcode": "ZZ9 9ZZ", "preferredLanguage": "fr"}""".formatted("x".repeat(5000)));
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        body(response).get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).contains("givenName", "familyName", "dateOfBirth", "postcode", "preferredLanguage");
        assertThat(response.body()).contains("Date of birth must be in the past").contains("We cannot find that postcode");
        assertThat(jdbc.sql("SELECT count(*) FROM citizen").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void onlyPractitionersCreateCitizens() {
        HttpResponse<String> response = http.postJsonAs("finance@demo-england", PASSWORD, "/api/v1/citizens", """
                {"givenName": "Tom", "familyName": "Baker", "dateOfBirth": "1961-07-02", "postcode": "SY1 1AA"}""");
        assertThat(response.statusCode()).isEqualTo(403);
    }

    @Test
    void planBudgetIsComputedExactly() {
        long citizen = newCitizen(PRACTITIONER);
        JsonNode plan = newPlan(citizen, "FOUR_WEEKLY");
        // 7.33 h × £13.28 = 9734.24p → 9734p; + 650p = 10384p a week
        assertThat(plan.get("weeklyBudgetPence").asLong()).isEqualTo(10_384);
        // 10384 × 52 + 12000 = 551968
        assertThat(plan.get("annualBudgetPence").asLong()).isEqualTo(551_968);
        // net (the demo councils pay net): 4 × 10384 − 4 × 1500 = 35536
        assertThat(plan.get("regularPaymentPence").asLong()).isEqualTo(35_536);
        assertThat(plan.get("version").asInt()).isEqualTo(1);

        JsonNode monthly = newPlan(citizen, "MONTHLY");
        // 10384 × 52 / 12 = 44997.33 → 44997; 1500 × 52 / 12 = 6500 → 44997 − 6500 = 38497
        assertThat(monthly.get("regularPaymentPence").asLong()).isEqualTo(38_497);
    }

    @Test
    void anHourlyLineWithoutARateUsesTheCouncilPaRate() {
        long citizen = newCitizen(PRACTITIONER);
        JsonNode plan = created(http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizen + "/plans", """
                {"startDate": "2026-12-01", "outcomes": [{"text": "Get out and about"}],
                 "budgetLines": [{"description": "PA", "kind": "HOURLY", "hoursPerWeek": 10}],
                 "paymentFrequency": "WEEKLY", "weeklyContributionPence": 0}"""));
        long rate = jdbc.sql("SELECT pa_hourly_rate_pence FROM council_settings s JOIN council c ON c.id = s.council_id WHERE c.code = 'demo-england'")
                .query(Long.class).single();
        assertThat(plan.get("budgetLines").get(0).get("hourlyRatePence").asLong()).isEqualTo(rate);
        assertThat(plan.get("weeklyBudgetPence").asLong()).isEqualTo(rate * 10);
    }

    @Test
    void badPlanInputIs422AndSavesNothing() {
        long citizen = newCitizen(PRACTITIONER);
        long before = jdbc.sql("SELECT count(*) FROM care_plan_version").query(Long.class).single();
        StringBuilder outcomes = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            outcomes.append(i == 0 ? "" : ",").append("{\"text\": \"outcome ").append(i).append("\"}");
        }
        for (String bad : List.of(
                "\"outcomes\": [{\"text\": \"ok\"}], \"budgetLines\": [{\"description\": \"PA\", \"kind\": \"HOURLY\", \"hoursPerWeek\": -1}]",
                "\"outcomes\": [{\"text\": \"ok\"}], \"budgetLines\": [{\"description\": \"PA\", \"kind\": \"HOURLY\", \"hoursPerWeek\": 200}]",
                "\"outcomes\": [{\"text\": \"ok\"}], \"budgetLines\": [{\"description\": \"PA\", \"kind\": \"HOURLY\", \"hoursPerWeek\": 5, \"hourlyRatePence\": \"£abc\"}]",
                "\"outcomes\": [{\"text\": \"ok\"}], \"budgetLines\": [{\"description\": \"PA\", \"kind\": \"WEEKLY\", \"weeklyAmountPence\": 100000001}]",
                "\"outcomes\": [{\"text\": \"ok\"}], \"budgetLines\": [{\"description\": \"<b>PA</b>\", \"kind\": \"WEEKLY\", \"weeklyAmountPence\": 100}]",
                "\"outcomes\": [" + outcomes + "], \"budgetLines\": [{\"description\": \"PA\", \"kind\": \"WEEKLY\", \"weeklyAmountPence\": 100}]",
                "\"outcomes\": [{\"text\": \"" + "y".repeat(5000) + "\"}], \"budgetLines\": [{\"description\": \"PA\", \"kind\": \"WEEKLY\", \"weeklyAmountPence\": 100}]")) {
            HttpResponse<String> response = http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizen + "/plans",
                    "{\"startDate\": \"2026-12-01\", \"paymentFrequency\": \"WEEKLY\", " + bad + "}");
            assertThat(response.statusCode()).as(bad.substring(0, Math.min(bad.length(), 120))).isEqualTo(422);
            assertThat(body(response).get("errors").size()).isPositive();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM care_plan_version").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aTemporaryChangeFallsBackByItself() {
        long citizen = newCitizen(PRACTITIONER);
        JsonNode plan = newPlan(citizen, "WEEKLY");
        long planId = plan.get("id").asLong();
        LocalDate today = LocalDate.now();
        JsonNode changed = created(http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/plans/" + planId + "/versions", """
                {"startDate": "%s", "endDate": "%s", "changeReason": "Carer in hospital for two weeks",
                 "outcomes": [{"text": "Stay safe at home while my carer is away"}],
                 "budgetLines": [{"description": "Extra PA hours", "kind": "HOURLY", "hoursPerWeek": 20, "hourlyRatePence": 1328}],
                 "paymentFrequency": "WEEKLY"}""".formatted(today.minusDays(1), today.plusDays(13))));
        assertThat(changed.get("version").asInt()).as("the temporary version is in force today").isEqualTo(2);
        assertThat(changed.get("weeklyBudgetPence").asLong()).isEqualTo(26_560);
        assertThat(changed.get("versions").size()).isEqualTo(2);
        assertThat(changed.get("versions").get(0).get("weeklyBudgetPence").asLong()).as("history stays readable").isEqualTo(10_384);
        assertThat(CarePlans.inForce(versions(planId), today.plusDays(14)).version())
                .as("the day after it ends, the plan falls back").isEqualTo(1);
    }

    List<PlanVersion> versions(long planId) {
        SignedInUser practitioner = accounts.findByUsername(PRACTITIONER).orElseThrow();
        return carePlans.find(practitioner, planId).orElseThrow().versions();
    }

    ObjectNode dpRequest(long planId) {
        ObjectNode request = json.createObjectNode();
        request.put("planId", planId);
        request.put("hasCapacity", true);
        request.put("excludedPerson", false);
        request.put("accountType", "PREPAID_CARD");
        request.put("requestedOn", LocalDate.now().minusDays(3).toString());
        request.put("startDate", LocalDate.now().plusDays(7).toString());
        return request;
    }

    @Test
    void theLawsRulesRefuseWithTheRuleNamedAndNothingSaved() {
        long citizen = newCitizen(PRACTITIONER);
        long planId = newPlan(citizen, "FOUR_WEEKLY").get("id").asLong();
        long spouse = created(http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizen + "/household-members",
                "{\"name\": \"Gwyn Pritchard\", \"relationship\": \"SPOUSE\", \"livesInSameHousehold\": true}")).get("id").asLong();
        long friend = created(http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizen + "/household-members",
                "{\"name\": \"Dee Lloyd\", \"relationship\": \"FRIEND\", \"livesInSameHousehold\": true}")).get("id").asLong();
        long nominated = created(http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizen + "/representatives",
                "{\"name\": \"Sam Pritchard\", \"kind\": \"NOMINATED_PERSON\", \"email\": \"sam@example.com\"}")).get("id").asLong();
        long authorised = created(http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizen + "/representatives",
                "{\"name\": \"Rhian Pritchard\", \"kind\": \"AUTHORISED_PERSON\"}")).get("id").asLong();
        long before = jdbc.sql("SELECT count(*) FROM direct_payment").query(Long.class).single();

        ObjectNode lacksCapacity = dpRequest(planId).put("hasCapacity", false);
        assertRefused(citizen, lacksCapacity, "AUTHORISED_PERSON_REQUIRED");
        assertRefused(citizen, lacksCapacity.put("representativeId", nominated), "AUTHORISED_PERSON_REQUIRED");
        assertRefused(citizen, dpRequest(planId).put("excludedPerson", true), "EXCLUDED_PERSON");
        ObjectNode paysSpouse = dpRequest(planId);
        paysSpouse.putArray("paysHouseholdMemberIds").add(spouse);
        assertRefused(citizen, paysSpouse, "FAMILY_MEMBER_IN_HOUSEHOLD");
        assertThat(jdbc.sql("SELECT count(*) FROM direct_payment").query(Long.class).single()).isEqualTo(before);

        ObjectNode paysFriend = dpRequest(planId);
        paysFriend.putArray("paysHouseholdMemberIds").add(friend);
        long paysFriendId = created(http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizen + "/direct-payments",
                paysFriend.toString())).get("id").asLong();

        ObjectNode withAuthorisedPerson = dpRequest(planId).put("hasCapacity", false).put("representativeId", authorised);
        JsonNode allowed = created(http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizen + "/direct-payments",
                withAuthorisedPerson.toString()));
        assertThat(allowed.get("status").asString()).isEqualTo("AWAITING_AGREEMENT");
        assertThat(allowed.get("representativeId").asLong()).isEqualTo(authorised);

        ObjectNode withDecision = dpRequest(planId);
        withDecision.putArray("paysHouseholdMemberIds").add(spouse);
        withDecision.putObject("necessityDecision").put("reason", "Mrs Pritchard will only accept personal care from her husband");
        JsonNode decided = created(http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizen + "/direct-payments",
                withDecision.toString()));
        assertThat(decided.get("necessityDecidedBy").asString()).isEqualTo(PRACTITIONER);
        assertThat(decided.get("necessityReason").asString()).contains("only accept personal care");
        assertThat(decided.get("necessityDecidedOn").asString()).isEqualTo(LocalDate.now().toString());
        // the household member it may pay comes back with it, alone and in the person's list (read with the row)
        assertThat(decided.get("paysHouseholdMemberIds").toString()).isEqualTo("[" + spouse + "]");
        JsonNode listed = body(http.getAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizen + "/direct-payments"));
        assertThat(listed.toString()).contains("\"id\":" + decided.get("id").asLong() + ",");
        listed.forEach(dp -> assertThat(dp.get("paysHouseholdMemberIds").toString()).isEqualTo(
                dp.get("id").asLong() == decided.get("id").asLong() ? "[" + spouse + "]"
                        : dp.get("id").asLong() == paysFriendId ? "[" + friend + "]" : "[]"));
    }

    void assertRefused(long citizen, ObjectNode request, String rule) {
        HttpResponse<String> response = http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizen + "/direct-payments",
                request.toString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = body(response);
        assertThat(problem.get("rule").asString()).isEqualTo(rule);
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(problem.get("whatWouldAllowIt").asString()).isNotBlank();
    }

    @Test
    void theCitizenAgreesOnlineThenItIsActiveWithItsFirstReviewDue() {
        long citizenId = newCitizen(PRACTITIONER);
        long planId = newPlan(citizenId, "FOUR_WEEKLY").get("id").asLong();
        JsonNode dp = created(http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizenId + "/direct-payments",
                dpRequest(planId).toString()));
        long id = dp.get("id").asLong();
        LocalDate start = LocalDate.parse(dp.get("startDate").asString());
        assertThat(dp.get("status").asString()).isEqualTo("AWAITING_AGREEMENT");
        assertThat(dp.get("firstPaymentDate").isNull()).as("nothing is paid before the agreement").isTrue();
        // regulation 7: first review within 6 months of the start
        assertThat(dp.get("nextReviewDue").asString()).isEqualTo(start.plusMonths(6).toString());
        assertThat(dp.get("daysSinceRequest").asLong()).isEqualTo(3);

        SignedInUser practitioner = accounts.findByUsername(PRACTITIONER).orElseThrow();
        OnlineAccount account = citizens.giveOnlineAccount(practitioner, citizenId, "alys" + id + "@example.com");
        // the temporary password the practitioner gave opens only the page to choose one's own (ASVS 2.3.1):
        // the API refuses it, says what to do, and agrees nothing
        HttpResponse<String> withTemporary = http.postJsonAs(account.username(), account.temporaryPassword(),
                "/api/v1/direct-payments/" + id + "/agreement", "{}");
        assertThat(withTemporary.statusCode()).as(withTemporary.body()).isEqualTo(403);
        assertThat(withTemporary.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(body(withTemporary).get("detail").asString()).contains("temporary password").contains("choose your own password");
        assertThat(http.getAs(account.username(), account.temporaryPassword(), "/api/v1/me").statusCode()).isEqualTo(403);
        assertThat(body(http.getAs(PRACTITIONER, PASSWORD, "/api/v1/direct-payments/" + id)).get("status").asString())
                .isEqualTo("AWAITING_AGREEMENT");

        String password = http.choosesOwnPassword(account.username(), account.temporaryPassword());
        HttpResponse<String> agreed = http.postJsonAs(account.username(), password,
                "/api/v1/direct-payments/" + id + "/agreement", "{}");
        assertThat(agreed.statusCode()).as(agreed.body()).isEqualTo(200);
        assertThat(body(agreed).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(body(agreed).get("agreedBy").asString()).isEqualTo(account.username());
        HttpResponse<String> again = http.postJsonAs(account.username(), password,
                "/api/v1/direct-payments/" + id + "/agreement", "{}");
        assertThat(again.statusCode()).as("agreeing twice changes nothing").isEqualTo(200);
        assertThat(http.getAs(account.username(), account.temporaryPassword(), "/api/v1/me").statusCode())
                .as("the temporary password is gone once replaced").isEqualTo(401);

        JsonNode read = body(http.getAs(account.username(), password, "/api/v1/direct-payments/" + id));
        assertThat(read.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(read.has("requestedOn")).isTrue();
    }

    @Test
    void agreeingPublishesDirectPaymentActivatedOnceWithTheRegularPayment() {
        long citizenId = newCitizen(PRACTITIONER);
        long planId = newPlan(citizenId, "FOUR_WEEKLY").get("id").asLong();
        long id = created(http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizenId + "/direct-payments",
                dpRequest(planId).toString())).get("id").asLong();
        SignedInUser practitioner = accounts.findByUsername(PRACTITIONER).orElseThrow();
        OnlineAccount account = citizens.giveOnlineAccount(practitioner, citizenId, "event" + id + "@example.com");
        SignedInUser citizen = accounts.findByUsername(account.username()).orElseThrow();

        directPayments.acceptOnline(citizen, id);
        directPayments.acceptOnline(citizen, id);

        List<DirectPaymentActivated> published = events.stream(DirectPaymentActivated.class)
                .filter(e -> e.directPaymentId() == id).toList();
        assertThat(published).as("published once, even when agreed twice").hasSize(1);
        assertThat(published.get(0).regularPaymentPence()).isEqualTo(35_536);
        assertThat(published.get(0).accountType()).isEqualTo(AccountType.PREPAID_CARD);
    }

    @Test
    void whenThePersonLacksCapacityTheirAuthorisedPersonAgreesNotThem() {
        long citizenId = newCitizen(PRACTITIONER);
        long planId = newPlan(citizenId, "FOUR_WEEKLY").get("id").asLong();
        long authorised = created(http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizenId + "/representatives",
                "{\"name\": \"Rhian Pritchard\", \"kind\": \"AUTHORISED_PERSON\"}")).get("id").asLong();
        long id = created(http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizenId + "/direct-payments",
                dpRequest(planId).put("hasCapacity", false).put("representativeId", authorised).toString())).get("id").asLong();
        SignedInUser practitioner = accounts.findByUsername(PRACTITIONER).orElseThrow();
        OnlineAccount citizen = citizens.giveOnlineAccount(practitioner, citizenId, "lacks" + id + "@example.com");
        String citizenPassword = http.choosesOwnPassword(citizen.username(), citizen.temporaryPassword());
        OnlineAccount representative = citizens.giveRepresentativeAccount(practitioner, citizenId, authorised, "rhian" + id + "@example.com");
        String representativePassword = http.choosesOwnPassword(representative.username(), representative.temporaryPassword());

        HttpResponse<String> byCitizen = http.postJsonAs(citizen.username(), citizenPassword,
                "/api/v1/direct-payments/" + id + "/agreement", "{}");
        assertThat(byCitizen.statusCode()).as("Care Act s32: the authorised person receives and agrees").isEqualTo(403);
        assertThat(body(http.getAs(citizen.username(), citizenPassword, "/api/v1/direct-payments/" + id))
                .get("status").asString()).isEqualTo("AWAITING_AGREEMENT");

        HttpResponse<String> byRepresentative = http.postJsonAs(representative.username(), representativePassword,
                "/api/v1/direct-payments/" + id + "/agreement", "{}");
        assertThat(byRepresentative.statusCode()).as(byRepresentative.body()).isEqualTo(200);
        assertThat(body(byRepresentative).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(body(byRepresentative).get("agreedBy").asString()).isEqualTo(representative.username());
    }

    @Test
    void aPractitionerRecordsASignedPaperAgreement() {
        long citizenId = newCitizen(PRACTITIONER);
        long planId = newPlan(citizenId, "WEEKLY").get("id").asLong();
        long id = created(http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizenId + "/direct-payments",
                dpRequest(planId).toString())).get("id").asLong();
        HttpResponse<String> noDate = http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/direct-payments/" + id + "/agreement", "{}");
        assertThat(noDate.statusCode()).isEqualTo(422);
        HttpResponse<String> paper = http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/direct-payments/" + id + "/agreement",
                "{\"signedOnPaper\": true, \"signedOn\": \"" + LocalDate.now().minusDays(1) + "\"}");
        assertThat(paper.statusCode()).isEqualTo(200);
        assertThat(body(paper).get("status").asString()).isEqualTo("ACTIVE");
        assertThat(body(paper).get("agreementMethod").asString()).isEqualTo("PAPER");
    }

    @Test
    void anotherCouncilOrAnotherCitizenNeverSeesADirectPayment() {
        long citizenId = newCitizen(PRACTITIONER);
        long planId = newPlan(citizenId, "WEEKLY").get("id").asLong();
        long id = created(http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizenId + "/direct-payments",
                dpRequest(planId).toString())).get("id").asLong();
        assertThat(http.getAs("practitioner@demo-wales", PASSWORD, "/api/v1/direct-payments/" + id).statusCode()).isEqualTo(404);
        assertThat(http.getAs("citizen@demo-england", PASSWORD, "/api/v1/direct-payments/" + id).statusCode()).isEqualTo(404);
        assertThat(http.postJsonAs("citizen@demo-england", PASSWORD, "/api/v1/direct-payments/" + id + "/agreement", "{}").statusCode())
                .as("another citizen cannot agree to it").isEqualTo(404);
        assertThat(http.getAs("practitioner@demo-wales", PASSWORD, "/api/v1/plans/" + planId).statusCode()).isEqualTo(404);
        assertThat(http.postJsonAs("practitioner@demo-wales", PASSWORD, "/api/v1/citizens/" + citizenId + "/plans", "{}").statusCode())
                .isEqualTo(404);
        assertThat(http.postJsonAs("practitioner@demo-wales", PASSWORD, "/api/v1/citizens/" + citizenId + "/household-members",
                "{\"name\": \"X\", \"relationship\": \"FRIEND\", \"livesInSameHousehold\": false}").statusCode()).isEqualTo(404);
        assertThat(http.postJsonAs("practitioner@demo-wales", PASSWORD, "/api/v1/citizens/" + citizenId + "/direct-payments",
                dpRequest(planId).toString()).statusCode()).isEqualTo(404);
    }

    @Test
    void reviewsSetTheNextDueDateAndRequestsInProgressShowDaysAgainstTarget() {
        long citizenId = newCitizen(PRACTITIONER);
        long planId = newPlan(citizenId, "WEEKLY").get("id").asLong();
        long id = created(http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/citizens/" + citizenId + "/direct-payments",
                dpRequest(planId).toString())).get("id").asLong();
        JsonNode inProgress = body(http.getAs("budget-holder@demo-england", PASSWORD, "/api/v1/direct-payments/in-progress"));
        JsonNode mine = null;
        for (JsonNode item : inProgress) {
            if (item.get("id").asLong() == id) {
                mine = item;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("daysSinceRequest").asLong()).isEqualTo(3);
        assertThat(mine.get("targetDaysToMoney").asInt()).isEqualTo(28);

        LocalDate reviewed = LocalDate.now().minusDays(1);
        JsonNode afterReview = created(http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/direct-payments/" + id + "/reviews",
                "{\"reason\": \"CONCERN\", \"reviewedOn\": \"" + reviewed + "\", \"working\": \"PA is great\", \"notWorking\": \"Weekends\"}"));
        assertThat(afterReview.get("nextReviewDue").asString()).as("regulation 7: then within 12 months")
                .isEqualTo(reviewed.plusMonths(12).toString());
        assertThat(http.postJsonAs(PRACTITIONER, PASSWORD, "/api/v1/direct-payments/" + id + "/reviews",
                "{\"reason\": \"WHENEVER\"}").statusCode()).isEqualTo(422);
    }
}
