package org.dphub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.dphub.support.BulkDirectPayments;
import org.dphub.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A payment run killed with {@code kill -9} half way through its selection completes after a
 * restart, with every payment exactly once, and is then approved and posted exactly once.
 */
class PaymentRunCrashIT {

    static final int PEOPLE = 120_000;
    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aRunKilledHalfWayFinishesAfterARestartWithEveryPaymentExactlyOnce() throws Exception {
        Path dataDir = Files.createTempDirectory("dphub-crash-");
        LocalDate today = LocalDate.now();
        try {
            long runId;
            JdbcClient jdbc;
            try (RestartIT.RunningApp first = RestartIT.RunningApp.start(dataDir, "payment-run-crash-first")) {
                first.awaitHealthy(Duration.ofMinutes(3));
                jdbc = database(dataDir);
                long council = jdbc.sql("SELECT id FROM council WHERE code = 'demo-england'").query(Long.class).single();
                BulkDirectPayments.build(jdbc, council, PEOPLE, today);

                HttpResponse<String> started = first.http.postJsonAs("finance@demo-england", Http.DEMO_PASSWORD,
                        "/api/v1/payment-runs", "{\"paymentDate\": \"" + today + "\"}");
                assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
                runId = json.readTree(started.body()).get("id").asLong();
                // wait until part of the selection is committed, then pull the plug
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                while (progress(jdbc, runId) < 10) {
                    assertThat(System.nanoTime()).as("the run got going").isLessThan(deadline);
                    Thread.sleep(5);
                }
                first.killHard();
            }
            assertThat(jdbc.sql("SELECT status FROM payment_run WHERE id = :r").param("r", runId).query(String.class).single())
                    .as("killed while selecting").isEqualTo("RUNNING");
            long before = payments(jdbc, runId);
            long expected = jdbc.sql("""
                            SELECT count(*) FROM dp_account a JOIN direct_payment dp ON dp.id = a.direct_payment_id
                            WHERE dp.created_by = 'bench' AND a.status = 'OPEN'
                              AND (a.type = 'PREPAID_CARD' OR EXISTS (SELECT 1 FROM bank_details b WHERE b.account_id = a.id))""")
                    .query(Long.class).single();
            assertThat(before).as("some, not all, payments were selected before the crash").isPositive().isLessThan(expected);

            try (RestartIT.RunningApp second = RestartIT.RunningApp.start(dataDir, "payment-run-crash-second")) {
                second.awaitHealthy(Duration.ofMinutes(3));
                jdbc = database(dataDir);
                long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
                JsonNode run;
                do {
                    assertThat(System.nanoTime()).as("the run finished after the restart").isLessThan(deadline);
                    Thread.sleep(200);
                    run = json.readTree(second.http.getAs("finance@demo-england", Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + runId).body());
                } while ("RUNNING".equals(run.get("status").asString()));
                assertThat(run.get("status").asString()).isEqualTo("READY_FOR_APPROVAL");
                // the demo's own people due today are in the run as well: the bulk accounts are counted on their own
                long all = payments(jdbc, runId);
                assertThat(run.get("paymentsCount").asLong()).isEqualTo(all);
                assertThat(benchPayments(jdbc, runId)).as("every bulk account in the run").isEqualTo(expected);
                assertThat(jdbc.sql("""
                                SELECT count(DISTINCT p.account_id) FROM payment p JOIN dp_account a ON a.id = p.account_id
                                JOIN direct_payment dp ON dp.id = a.direct_payment_id
                                WHERE p.run_id = :r AND dp.created_by = 'bench'""").param("r", runId)
                        .query(Long.class).single()).as("each bulk account paid once").isEqualTo(expected);

                HttpResponse<String> approved = second.http.postJsonAs("finance2@demo-england", Http.DEMO_PASSWORD,
                        "/api/v1/payment-runs/" + runId + "/approval", "{}");
                assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
                assertThat(jdbc.sql("""
                                SELECT count(*) FROM ledger_transaction t JOIN payment p ON p.idempotency_key = t.idempotency_key
                                WHERE p.run_id = :r""").param("r", runId).query(Long.class).single()).isEqualTo(all);
                HttpResponse<String> again = second.http.postJsonAs("finance@demo-england", Http.DEMO_PASSWORD,
                        "/api/v1/payment-runs", "{\"paymentDate\": \"" + today + "\"}");
                assertThat(json.readTree(again.body()).get("id").asLong()).isEqualTo(runId);
                assertThat(payments(jdbc, runId)).isEqualTo(all);
                assertThat(benchPayments(jdbc, runId)).isEqualTo(expected);
            }
        } finally {
            RestartIT.postmaster(dataDir).ifPresent(ProcessHandle::destroyForcibly);
            RestartIT.deleteQuietly(dataDir.toFile());
        }
    }

    static long progress(JdbcClient jdbc, long runId) {
        return jdbc.sql("SELECT progress_percent FROM payment_run WHERE id = :r").param("r", runId).query(Long.class).single();
    }

    static long payments(JdbcClient jdbc, long runId) {
        return jdbc.sql("SELECT count(*) FROM payment WHERE run_id = :r").param("r", runId).query(Long.class).single();
    }

    static long benchPayments(JdbcClient jdbc, long runId) {
        return jdbc.sql("""
                        SELECT count(*) FROM payment p JOIN dp_account a ON a.id = p.account_id
                        JOIN direct_payment dp ON dp.id = a.direct_payment_id
                        WHERE p.run_id = :r AND dp.created_by = 'bench'""").param("r", runId).query(Long.class).single();
    }

    /** The app's embedded PostgreSQL, found from its postmaster.pid (the fourth line is the port). */
    static JdbcClient database(Path dataDir) throws Exception {
        List<String> pid = Files.readAllLines(dataDir.resolve("postmaster.pid"));
        String url = "jdbc:postgresql://localhost:" + pid.get(3).strip() + "/postgres";
        return JdbcClient.create(new DriverManagerDataSource(url, "postgres", ""));
    }
}
