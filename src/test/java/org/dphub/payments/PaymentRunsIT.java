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

/** Payment runs: every due period paid exactly once, four eyes, and a rerun that adds nothing. */
@IntegrationTest
class PaymentRunsIT {

    static final String PRACTITIONER = "practitioner@demo-wales";
    static final String FINANCE = "finance@demo-wales";
    static final String FINANCE2 = "finance2@demo-wales";

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

    /** A weekly direct payment of £50.00 a week from {@code start}: {direct payment, account}. */
    long[] weeklyDirectPayment(LocalDate start) {
        MoneyApi.Active active = new MoneyApi(http).activeWeekly(PRACTITIONER, "Nia", start, "PREPAID_CARD", 5000, "cy");
        return new long[] {active.directPaymentId(), active.accountId()};
    }

    JsonNode awaitReady(long runId) throws InterruptedException {
        return new MoneyApi(http).awaitRun(FINANCE, runId);
    }

    long payments(long accountId) {
        return jdbc.sql("SELECT count(*) FROM payment WHERE account_id = :a").param("a", accountId).query(Long.class).single();
    }

    @Test
    void aRunPaysEveryDuePeriodOnceNeedsASecondOfficerAndARerunAddsNothing() throws Exception {
        LocalDate today = LocalDate.now();
        LocalDate start = today.minusWeeks(4); // periods due on start + 0..4 weeks: 5 payments of £50
        long[] ids = weeklyDirectPayment(start);

        HttpResponse<String> started = http.postJsonAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/payment-runs",
                "{\"paymentDate\": \"" + today + "\"}");
        JsonNode run = ok(started, 202);
        long runId = run.get("id").asLong();
        JsonNode ready = awaitReady(runId);
        assertThat(ready.get("status").asString()).isEqualTo("READY_FOR_APPROVAL");
        assertThat(ready.get("progressPercent").asInt()).isEqualTo(100);
        assertThat(payments(ids[1])).isEqualTo(5);
        // what the bank pays: each payment less what the run took off it for providers (issue 15)
        long total = jdbc.sql("SELECT sum(amount_pence - netted_pence) FROM payment WHERE run_id = :r").param("r", runId)
                .query(Long.class).single();
        assertThat(ready.get("totalPence").asLong()).isEqualTo(total);
        assertThat(ready.get("paymentsCount").asInt()).isEqualTo(
                jdbc.sql("SELECT count(*) FROM payment WHERE run_id = :r AND amount_pence > netted_pence").param("r", runId)
                        .query(Integer.class).single());

        JsonNode again = ok(http.postJsonAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/payment-runs", "{\"paymentDate\": \"" + today + "\"}"), 200);
        assertThat(again.get("id").asLong()).as("the same date is the same run").isEqualTo(runId);
        assertThat(payments(ids[1])).isEqualTo(5);

        assertThat(http.postJsonAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + runId + "/approval", "{}").statusCode())
                .as("four eyes: not the officer who started it").isEqualTo(403);
        assertThat(http.postJsonAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + runId + "/approval", "{}").statusCode())
                .isEqualTo(403);
        assertThat(ok(http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/accounts/" + ids[1]), 200).get("balancePence").asLong())
                .as("nothing reaches the account before approval").isZero();

        JsonNode approved = ok(http.postJsonAs(FINANCE2, Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + runId + "/approval", "{}"), 200);
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
        assertThat(http.postJsonAs(FINANCE2, Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + runId + "/approval", "{}").statusCode())
                .as("approving twice").isEqualTo(409);

        JsonNode account = ok(http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/accounts/" + ids[1]), 200);
        assertThat(account.get("balancePence").asLong()).isEqualTo(5 * 5_000);
        assertThat(account.get("nextPaymentDate").asString()).isEqualTo(start.plusWeeks(5).toString());
        assertThat(ok(http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/accounts/" + ids[1] + "/ledger"), 200).size()).isEqualTo(5);
        assertThat(ok(http.getAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/direct-payments/" + ids[0]), 200)
                .get("firstPaymentDate").asString()).as("the time-to-money clock stops").isEqualTo(today.toString());

        // a week later: only the one new period
        JsonNode next = ok(http.postJsonAs(FINANCE2, Http.DEMO_PASSWORD, "/api/v1/payment-runs",
                "{\"paymentDate\": \"" + today.plusWeeks(1) + "\"}"), 202);
        awaitReady(next.get("id").asLong());
        assertThat(payments(ids[1])).isEqualTo(6);
        ok(http.postJsonAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + next.get("id").asLong() + "/approval", "{}"), 200);
        // the new period is due in a week: paid on its due date, so it is on its way, not in the balance (issue 14)
        JsonNode later = ok(http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/accounts/" + ids[1]), 200);
        assertThat(later.get("balancePence").asLong()).isEqualTo(5 * 5_000);
        assertThat(later.get("onItsWayPence").asLong()).isEqualTo(5_000);
        assertThat(later.get("onItsWay").get(0).get("date").asString()).isEqualTo(start.plusWeeks(5).toString());
    }

    @Test
    void aRunLeftRunningByACrashIsFinishedByTheBackgroundJob() throws Exception {
        long council = jdbc.sql("SELECT id FROM council WHERE code = 'demo-wales'").query(Long.class).single();
        LocalDate date = LocalDate.now().minusDays(200);
        long runId = jdbc.sql("""
                        INSERT INTO payment_run (council_id, payment_date, status, started_by, progress_percent)
                        VALUES (:c, :d, 'RUNNING', 'finance@demo-wales', 35) RETURNING id""")
                .param("c", council).param("d", date).query(Long.class).single();
        JsonNode finished = awaitReady(runId);
        assertThat(finished.get("status").asString()).isEqualTo("READY_FOR_APPROVAL");
    }

    @Autowired
    PaymentRuns runs;

    @Test
    void theNightlyRunStartsOneRunPerCouncilOnceAndAnyFinanceOfficerApprovesIt() throws Exception {
        List<Long> councils = jdbc.sql("SELECT id FROM council WHERE code IN ('demo-wales', 'demo-england') ORDER BY id")
                .query(Long.class).list();
        LocalDate date = LocalDate.now().minusDays(300);
        List<PaymentRun> started = runs.startNightly(councils, date);
        assertThat(started).hasSize(2).allMatch(r -> r.startedBy().equals(PaymentRuns.NIGHTLY));
        assertThat(runs.startNightly(councils, date)).as("a second instance, or a second night, starts nothing").isEmpty();
        long wales = started.stream().filter(r -> jdbc.sql("SELECT code FROM council WHERE id = :c").param("c", r.councilId()).query(String.class).single()
                        .equals("demo-wales")).findFirst().orElseThrow().id();
        assertThat(awaitReady(wales).get("status").asString()).isEqualTo("READY_FOR_APPROVAL");
        JsonNode approved = ok(http.postJsonAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + wales + "/approval", "{}"), 200);
        assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
    }

    @Test
    void twoApprovalsAtOnceApproveOnceAndPostOnce() throws Exception {
        long[] ids = weeklyDirectPayment(LocalDate.now().minusWeeks(1));
        // two days ago: the week-old payment is due, none is on its way, and no other run in the council is within a
        // day of it (this class: today, a week ahead; BankFilesIT: 3 and 4 days ahead), past midnight too (MoneyApi.runFor)
        long runId = ok(http.postJsonAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/payment-runs",
                "{\"paymentDate\": \"" + LocalDate.now().minusDays(2) + "\"}"), 202).get("id").asLong();
        awaitReady(runId);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> results = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            results.add(pool.submit(() -> {
                go.await();
                return http.postJsonAs(FINANCE2, Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + runId + "/approval", "{}").statusCode();
            }));
        }
        go.countDown();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<Integer> result : results) {
            statuses.add(result.get());
        }
        pool.shutdown();
        assertThat(statuses).containsOnlyOnce(200).filteredOn(s -> s != 200).allMatch(s -> s == 409);
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM ledger_transaction t JOIN payment p ON p.idempotency_key = t.idempotency_key
                        WHERE p.account_id = :a""").param("a", ids[1]).query(Long.class).single()).isEqualTo(payments(ids[1]));
        assertThat(ok(http.getAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/accounts/" + ids[1]), 200).get("balancePence").asLong())
                .isEqualTo(payments(ids[1]) * 5_000);
    }

    @Test
    void badRunRequestsChangeNothing() {
        long before = jdbc.sql("SELECT count(*) FROM payment_run").query(Long.class).single();
        assertThat(http.postJsonAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/payment-runs",
                "{\"paymentDate\": \"" + LocalDate.now().plusYears(5) + "\"}").statusCode()).isEqualTo(422);
        assertThat(http.postJsonAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/payment-runs", "{\"paymentDate\": \"soon\"}").statusCode())
                .isEqualTo(422);
        assertThat(http.postJsonAs(PRACTITIONER, Http.DEMO_PASSWORD, "/api/v1/payment-runs",
                "{\"paymentDate\": \"" + LocalDate.now() + "\"}").statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("SELECT count(*) FROM payment_run").query(Long.class).single()).isEqualTo(before);

        long walesRun = ok(http.postJsonAs(FINANCE, Http.DEMO_PASSWORD, "/api/v1/payment-runs",
                "{\"paymentDate\": \"" + LocalDate.now().minusDays(100) + "\"}"), 202).get("id").asLong();
        assertThat(http.getAs("finance@demo-england", Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + walesRun).statusCode())
                .as("another council's run").isEqualTo(404);
        assertThat(http.postJsonAs("finance2@demo-england", Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + walesRun + "/approval", "{}")
                .statusCode()).isEqualTo(404);
    }
}
