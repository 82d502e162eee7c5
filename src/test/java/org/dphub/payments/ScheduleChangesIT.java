package org.dphub.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.dphub.support.Http;
import org.dphub.support.MoneyApi;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A plan change pays the new amount from its date; a suspension stops payments (finance sees
 * the account as an exception); a resumption restarts them; an end pays nothing after it.
 */
@IntegrationTest
class ScheduleChangesIT {

    static final String PRACTITIONER = "practitioner@demo-england";
    static final String FINANCE = "finance@demo-england";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    JsonNode ok(HttpResponse<String> response, int status) {
        return MoneyApi.ok(response, status);
    }

    long run(LocalDate date) throws InterruptedException {
        JsonNode run = new MoneyApi(http).runFor(FINANCE, date);
        assertThat(run.get("status").asString()).isEqualTo("READY_FOR_APPROVAL");
        return run.get("id").asLong();
    }

    List<Long> paid(long account) {
        return jdbc.sql("SELECT amount_pence FROM payment WHERE account_id = :a ORDER BY due_date").param("a", account)
                .query(Long.class).list();
    }

    @Test
    void planChangesSuspensionsResumptionsAndEndsMoveThePayments() throws Exception {
        LocalDate today = LocalDate.now();
        LocalDate start = today.minusWeeks(2);
        MoneyApi.Active active = new MoneyApi(http).activeWeekly(PRACTITIONER, "Ffion", start, "PREPAID_CARD", 5000, "en");
        long plan = active.planId();
        long dp = active.directPaymentId();
        long account = active.accountId();

        // from next week the plan pays £80.00 a week
        ok(http.postJsonAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/plans/" + plan + "/versions", """
                {"startDate": "%s", "outcomes": [{"text": "Swim every week"}, {"text": "Go to the coast"}], "paymentFrequency": "WEEKLY",
                 "changeReason": "More hours after the review",
                 "budgetLines": [{"description": "PA", "kind": "WEEKLY", "weeklyAmountPence": 8000}]}""".formatted(today.plusWeeks(1))), 201);
        JsonNode summary = ok(http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/accounts/" + account), 200);
        assertThat(summary.get("nextPaymentDate").asString()).isEqualTo(start.toString());
        run(today.plusWeeks(2).plusDays(1));
        assertThat(paid(account)).as("three weeks at £50, then two at £80").containsExactly(5000L, 5000L, 5000L, 8000L, 8000L);

        // suspended from three weeks ahead: nothing paid for those weeks, and finance sees why
        ok(http.postJsonAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/direct-payments/" + dp + "/status-changes", """
                {"event": "SUSPENDED", "effectiveOn": "%s", "reason": "In hospital for a few weeks"}""".formatted(today.plusWeeks(3))), 200);
        assertThat(http.postJsonAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/direct-payments/" + dp + "/status-changes", """
                {"event": "SUSPENDED", "effectiveOn": "%s", "reason": "Again"}""".formatted(today)).statusCode())
                .as("suspending twice").isEqualTo(409);
        // a run is one a council a date, so this date is two days or more from any other test's that counts from today
        // (a suite crossing midnight moves one test's today and not another's): RecipientKindsIT runs "today + 30
        // days" for the demo council (tests that run weeks ahead count from the suite's first day: SuiteDays)
        long suspendedRun = run(today.plusWeeks(4).plusDays(4));
        assertThat(paid(account)).hasSize(5);
        assertThat(ok(http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + suspendedRun + "/exceptions"), 200)
                .valueStream().filter(e -> e.get("accountId").asLong() == account).map(e -> e.get("reason").asString()).toList())
                .containsExactly("ACCOUNT_SUSPENDED");

        // resumed from five weeks ahead: the weeks while suspended stay unpaid
        ok(http.postJsonAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/direct-payments/" + dp + "/status-changes", """
                {"event": "RESUMED", "effectiveOn": "%s", "reason": "Home again"}""".formatted(today.plusWeeks(5))), 200);
        run(today.plusWeeks(5).plusDays(1));
        assertThat(paid(account)).as("weeks 3 and 4 were suspended").containsExactly(5000L, 5000L, 5000L, 8000L, 8000L, 8000L);

        // ended the day after the week-6 payment: that one is paid, nothing after
        ok(http.postJsonAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/direct-payments/" + dp + "/status-changes", """
                {"event": "ENDED", "effectiveOn": "%s", "reason": "Moved to another area"}""".formatted(today.plusWeeks(6).plusDays(1))), 200);
        run(today.plusWeeks(8).plusDays(1));
        assertThat(paid(account)).hasSize(7);
        assertThat(ok(http.getAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/direct-payments/" + dp), 200).get("status").asString())
                .isEqualTo("ENDED");
        JsonNode closed = ok(http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/accounts/" + account), 200);
        assertThat(closed.get("status").asString()).isEqualTo("CLOSED");

        // bad changes change nothing
        assertThat(http.postJsonAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/direct-payments/" + dp + "/status-changes",
                "{\"event\": \"RESUMED\", \"reason\": \"x\"}").statusCode()).as("an ended one stays ended").isEqualTo(409);
        assertThat(http.postJsonAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/direct-payments/" + dp + "/status-changes",
                "{\"event\": \"PAUSED\", \"reason\": \"x\"}").statusCode()).isEqualTo(422);
        assertThat(http.postJsonAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/direct-payments/" + dp + "/status-changes",
                "{\"event\": \"SUSPENDED\"}").statusCode()).as("a reason is needed").isEqualTo(422);
        assertThat(http.postJsonAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/direct-payments/" + dp + "/status-changes",
                "{\"event\": \"SUSPENDED\", \"reason\": \"x\"}").statusCode()).isEqualTo(403);
        assertThat(http.postJsonAs("practitioner@demo-wales", Http.DEMO_PASSWORD, "/api/v1/direct-payments/" + dp + "/status-changes",
                "{\"event\": \"SUSPENDED\", \"reason\": \"x\"}").statusCode()).isEqualTo(404);
    }

    @Test
    void aPlanChangeMadeBeforeTheAgreementCountsOnceItIsActive() throws Exception {
        LocalDate today = LocalDate.now();
        LocalDate start = today.minusWeeks(1);
        MoneyApi money = new MoneyApi(http);
        MoneyApi.Active requested = money.requestWeekly(PRACTITIONER, "Idris", start, "PREPAID_CARD", 5000, "en");
        long plan = requested.planId();
        ok(http.postJsonAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/plans/" + plan + "/versions", """
                {"startDate": "%s", "outcomes": [{"text": "Walk the dog"}], "paymentFrequency": "WEEKLY",
                 "changeReason": "More hours",
                 "budgetLines": [{"description": "PA", "kind": "WEEKLY", "weeklyAmountPence": 8000}]}""".formatted(today.plusWeeks(1))), 201);
        long account = money.agreeOnPaper(PRACTITIONER, requested.directPaymentId(), start.minusDays(3));
        run(today.plusDays(8));
        assertThat(paid(account)).containsExactly(5000L, 5000L, 8000L);
    }
}
