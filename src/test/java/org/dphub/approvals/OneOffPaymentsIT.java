package org.dphub.approvals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Connect and Enable: a practitioner approves up to the limit on the spot, a budget holder above it. */
@IntegrationTest
class OneOffPaymentsIT {

    static final String PRACTITIONER = "practitioner@demo-england";
    static final String BUDGET_HOLDER = "budget-holder@demo-england";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http http;
    final JsonMapper json = JsonMapper.builder().build();

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    JsonNode ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }

    long newCitizen() {
        return ok(http.postJsonAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/citizens", """
                {"givenName": "Joan", "familyName": "Hughes", "dateOfBirth": "1941-02-11", "postcode": "SY3 8AA"}"""), 201)
                .get("id").asLong();
    }

    HttpResponse<String> request(long citizen, Object amountPence) {
        return http.postJsonAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/one-off-payments", """
                {"citizenId": %d, "amountPence": %s, "purpose": "A week of extra PA hours at home",
                 "outcome": "Get home from hospital safely", "reason": "HOSPITAL_DISCHARGE"}""".formatted(citizen, amountPence));
    }

    @Test
    void exactlyTheLimitIsApprovedOnTheSpotIntoANewAccount() {
        long citizen = newCitizen();
        JsonNode payment = ok(request(citizen, 50_000), 201);
        assertThat(payment.get("status").asString()).isEqualTo("APPROVED");
        assertThat(payment.get("approvedBy").asString()).isEqualTo(PRACTITIONER);
        assertThat(payment.get("accountId").isNull()).as("an account is opened without a direct payment").isFalse();
        JsonNode accounts = ok(http.getAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/accounts?citizenId=" + citizen), 200);
        assertThat(accounts.size()).isEqualTo(1);
        assertThat(accounts.get(0).get("id").asLong()).isEqualTo(payment.get("accountId").asLong());
    }

    @Test
    void onePennyAboveWaitsForABudgetHolderWhoDecidesOnce() {
        long citizen = newCitizen();
        JsonNode payment = ok(request(citizen, 50_001), 201);
        long id = payment.get("id").asLong();
        assertThat(payment.get("status").asString()).isEqualTo("AWAITING_APPROVAL");
        assertThat(payment.get("accountId").isNull()).isTrue();

        assertThat(http.postJsonAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/one-off-payments/" + id + "/decision",
                "{\"decision\": \"APPROVE\"}").statusCode()).as("not a practitioner's decision").isEqualTo(403);
        assertThat(http.postJsonAs("budget-holder@demo-wales", Http.DEMO_PASSWORD, "/api/v1/one-off-payments/" + id + "/decision",
                "{\"decision\": \"APPROVE\"}").statusCode()).as("another council").isEqualTo(404);
        assertThat(http.postJsonAs(BUDGET_HOLDER, Http.DEMO_PASSWORD, "/api/v1/one-off-payments/" + id + "/decision",
                "{\"decision\": \"DECLINE\"}").statusCode()).as("declining needs a reason").isEqualTo(422);

        JsonNode approved = ok(http.postJsonAs(BUDGET_HOLDER, Http.DEMO_PASSWORD, "/api/v1/one-off-payments/" + id + "/decision",
                "{\"decision\": \"APPROVE\", \"reason\": \"Avoids a care home admission\"}"), 200);
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.get("approvedBy").asString()).isEqualTo(BUDGET_HOLDER);
        assertThat(approved.get("accountId").isNull()).isFalse();
        assertThat(http.postJsonAs(BUDGET_HOLDER, Http.DEMO_PASSWORD, "/api/v1/one-off-payments/" + id + "/decision",
                "{\"decision\": \"APPROVE\"}").statusCode()).as("approving twice").isEqualTo(409);
        assertThat(http.postJsonAs(BUDGET_HOLDER, Http.DEMO_PASSWORD, "/api/v1/one-off-payments/" + id + "/decision",
                "{\"decision\": \"DECLINE\", \"reason\": \"changed my mind\"}").statusCode()).isEqualTo(409);
    }

    @Test
    void aDeclinedPaymentCannotBeApprovedAfterwards() {
        long id = ok(request(newCitizen(), 90_000), 201).get("id").asLong();
        ok(http.postJsonAs(BUDGET_HOLDER, Http.DEMO_PASSWORD, "/api/v1/one-off-payments/" + id + "/decision",
                "{\"decision\": \"DECLINE\", \"reason\": \"A council-arranged service meets this need\"}"), 200);
        assertThat(http.postJsonAs(BUDGET_HOLDER, Http.DEMO_PASSWORD, "/api/v1/one-off-payments/" + id + "/decision",
                "{\"decision\": \"APPROVE\"}").statusCode()).isEqualTo(409);
    }

    @Test
    void badAmountsAndOtherCouncilsChangeNothing() {
        long citizen = newCitizen();
        long before = jdbc.sql("SELECT count(*) FROM one_off_payment").query(Long.class).single();
        for (String amount : new String[] {"0", "-5", "1.5", "100000001", "1000001", "\"£abc\""}) {
            assertThat(request(citizen, amount).statusCode()).as(amount).isEqualTo(422);
        }
        // above the council's maximum (£10,000.00 by default) the answer names it; at it, a budget holder decides
        assertThat(request(citizen, 1_000_001).body()).contains("Enter an amount of £10,000.00 or less");
        assertThat(request(999_999_999L, 100).statusCode()).as("unknown citizen").isEqualTo(404);
        long walesCitizen = jdbc.sql("SELECT c.id FROM citizen c JOIN council k ON k.id = c.council_id WHERE k.code = 'demo-wales' LIMIT 1")
                .query(Long.class).single();
        assertThat(request(walesCitizen, 100).statusCode()).as("another council's citizen").isEqualTo(404);
        assertThat(jdbc.sql("SELECT count(*) FROM one_off_payment").query(Long.class).single()).isEqualTo(before);
    }

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;
    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    String pageAnswer(long citizen, String amount, String lang) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/citizens/" + citizen + "/one-off-payments/new").param("lang", lang)
                        .param("amount", amount).param("purpose", "A week of extra PA hours").param("outcome", "Get home safely")
                        .param("reason", "HOSPITAL_DISCHARGE").param("accountType", "PREPAID_CARD")
                        .with(new org.dphub.support.As(users).user(PRACTITIONER))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void theFormSaysOneThingForMinusFiveAndZeroAndNamesTheCouncilsMaximum() throws Exception {
        long citizen = newCitizen();
        long before = jdbc.sql("SELECT count(*) FROM one_off_payment").query(Long.class).single();
        // issue 14: "-5" was answered "Enter an amount of £0 or more", then "0" "Enter an amount more than £0"
        for (String amount : new String[] {"-5", "0", "-£0.01"}) {
            assertThat(pageAnswer(citizen, amount, "en")).as(amount).contains("Enter an amount more than £0")
                    .doesNotContain("£0 or more");
        }
        assertThat(pageAnswer(citizen, "10000.01", "en")).contains("Enter an amount of £10,000.00 or less")
                .contains("The most anyone can ask for in one payment is £10,000.00");
        assertThat(pageAnswer(citizen, "1e9", "en")).contains("Enter an amount in pounds and pence");
        assertThat(pageAnswer(citizen, "-5", "cy")).contains("Rhowch swm mwy na £0");
        assertThat(jdbc.sql("SELECT count(*) FROM one_off_payment").query(Long.class).single()).as("nothing saved").isEqualTo(before);
        // exactly the maximum is allowed (a budget holder decides it)
        assertThat(pageAnswer(citizen, "10000.00", "en")).doesNotContain("There is a problem");
        assertThat(jdbc.sql("SELECT status FROM one_off_payment WHERE citizen_id = :c").param("c", citizen).query(String.class).single())
                .isEqualTo("AWAITING_APPROVAL");
    }

    @Test
    void theNextPaymentRunPaysAnApprovedOneOff() throws Exception {
        long citizen = newCitizen();
        JsonNode payment = ok(request(citizen, 45_000), 201);
        long account = payment.get("accountId").asLong();
        LocalDate date = LocalDate.now().plusDays(2);
        long run = ok(http.postJsonAs("finance@demo-england", Http.DEMO_PASSWORD, "/api/v1/payment-runs",
                "{\"paymentDate\": \"" + date + "\"}"), 202).get("id").asLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!"READY_FOR_APPROVAL".equals(ok(http.getAs("finance@demo-england", Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + run), 200)
                .get("status").asString())) {
            assertThat(System.nanoTime()).as("run finished in time").isLessThan(deadline);
            Thread.sleep(250);
        }
        ok(http.postJsonAs("finance2@demo-england", Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + run + "/approval", "{}"), 200);
        JsonNode balance = ok(http.getAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/accounts/" + account), 200);
        // a run for two days ahead pays a one-off on the day it is approved, not on the run's date (issue 14):
        // Connect and Enable money is there at once, not on its way
        assertThat(balance.get("balancePence").asLong()).isEqualTo(45_000);
        assertThat(balance.get("onItsWayPence").asLong()).isZero();
        JsonNode ledger = ok(http.getAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/accounts/" + account + "/ledger"), 200);
        assertThat(ledger.get(0).get("description").asString()).contains("One-off payment");
        JsonNode paid = ok(http.getAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/one-off-payments/" + payment.get("id").asLong()), 200);
        assertThat(paid.get("minutesToApproval").asLong()).as("approved on the spot").isZero();
        assertThat(paid.get("paidOn").asString()).as("the day the money arrives is recorded").isEqualTo(LocalDate.now().toString());
        assertThat(paid.get("daysToPayment").asLong()).isZero();
        assertThat(payment.get("paidOn").isNull()).as("not paid before the run").isTrue();
    }
}
