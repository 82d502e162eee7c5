package org.dphub;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.dphub.shared.database.Standby;
import org.dphub.support.BulkDirectPayments;
import org.dphub.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a council runs (issue 17, bin/cluster): two app instances, each its own JVM, on one
 * PostgreSQL, with a hot standby fed by streaming replication that reports read from. Proves that a
 * session made on one instance is valid on the other; that a payment run started on both at the same
 * moment exists once; that its selection runs on one instance at a time (db-scheduler picks the job in
 * the database); and that after {@code kill -9} of the instance doing it, the other finishes it, each
 * person paid exactly once. The insights figures read from the standby, which has every payment.
 */
class TwoInstancesIT {

    static final int PEOPLE = 60_000;
    /** Both instances notice a dead one quickly: heartbeats every 2 s, dead after 4 missed (8 s). */
    static final List<String> SCHEDULER = List.of("--db-scheduler.heartbeat-interval=2s", "--db-scheduler.polling-interval=2s");

    final JsonMapper json = JsonMapper.builder().build();

    @Test
    void twoInstancesShareSessionsRunOnePaymentRunOnceAndTheOtherFinishesItAfterAKillMinusNine() throws Exception {
        Path primaryDir = Files.createTempDirectory("dphub-two-primary-");
        Path standbyDir = Files.createTempDirectory("dphub-two-standby-");
        Files.delete(standbyDir);
        EmbeddedPostgres primary = null;
        EmbeddedPostgres standby = null;
        try {
            primary = EmbeddedPostgres.builder().setDataDirectory(primaryDir).setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "120").setPGStartupWait(Duration.ofSeconds(60)).start();
            JdbcClient database = JdbcClient.create(primary.getPostgresDatabase());
            try (Connection connection = primary.getPostgresDatabase().getConnection()) {
                Standby.create(connection, primaryDir, standbyDir, "host=localhost port=" + primary.getPort() + " user=postgres",
                        "dphub_standby");
            }
            standby = EmbeddedPostgres.builder().setDataDirectory(standbyDir).setCleanDataDirectory(false)
                    .setPort(freePort()).setPGStartupWait(Duration.ofSeconds(60)).start();
            DataSource standbyData = standby.getPostgresDatabase();
            JdbcClient replica = JdbcClient.create(standbyData);
            assertThat(replica.sql("SELECT pg_is_in_recovery()").query(Boolean.class).single()).as("a standby").isTrue();

            List<String> common = new java.util.ArrayList<>(List.of(
                    "--dphub.database.url=jdbc:postgresql://localhost:" + primary.getPort() + "/postgres",
                    "--dphub.database.username=postgres", "--dphub.database.password=",
                    "--dphub.database.replica.url=jdbc:postgresql://localhost:" + standby.getPort() + "/postgres"));
            common.addAll(SCHEDULER);
            List<String> first = new java.util.ArrayList<>(common);
            first.addAll(List.of("--dphub.demo-data=true", "--dphub.instance-name=app1"));
            List<String> second = new java.util.ArrayList<>(common);
            second.addAll(List.of("--dphub.demo-data=false", "--dphub.instance-name=app2"));

            try (RestartIT.RunningApp app1 = RestartIT.RunningApp.start("two-instances-app1", first)) {
                app1.awaitHealthy(Duration.ofMinutes(3)); // migrations and demo data, once, before the second starts
                try (RestartIT.RunningApp app2 = RestartIT.RunningApp.start("two-instances-app2", second)) {
                    app2.awaitHealthy(Duration.ofMinutes(3));
                    Map<String, RestartIT.RunningApp> apps = Map.of("app1", app1, "app2", app2);

                    // a session made on one instance is valid on the other, and signing out on one ends it on both
                    String session = app1.http.signIn("citizen@demo-england", Http.DEMO_PASSWORD);
                    HttpResponse<String> home = app2.http.get("/home", "Cookie", session, "Accept", "text/html");
                    assertThat(home.statusCode()).as("app2 knows app1's session").isEqualTo(200);
                    assertThat(home.body()).contains("Sign out");
                    String token = Http.csrfToken(home.body());
                    HttpResponse<String> signedOut = app2.http.postForm("/sign-out", "_csrf=" + token, "Cookie", session);
                    assertThat(signedOut.statusCode()).isEqualTo(302);
                    assertThat(app1.http.get("/home", "Cookie", session, "Accept", "text/html").headers().firstValue("Location"))
                            .as("signed out on app2, so on app1 too").hasValueSatisfying(to -> assertThat(to).endsWith("/sign-in"));

                    long council = database.sql("SELECT id FROM council WHERE code = 'demo-england'").query(Long.class).single();
                    LocalDate today = LocalDate.now();
                    BulkDirectPayments.build(database, council, PEOPLE, today);

                    // the same run started on both instances at the same moment
                    ExecutorService both = Executors.newFixedThreadPool(2);
                    CountDownLatch go = new CountDownLatch(1);
                    List<Future<HttpResponse<String>>> starts = List.of(app1, app2).stream().map(app -> both.submit(() -> {
                        go.await();
                        return app.http.postJsonAs("finance@demo-england", Http.DEMO_PASSWORD, "/api/v1/payment-runs",
                                "{\"paymentDate\": \"" + today + "\"}");
                    })).toList();
                    go.countDown();
                    long runId = -1;
                    for (Future<HttpResponse<String>> start : starts) {
                        HttpResponse<String> started = start.get();
                        assertThat(started.statusCode()).as(started.body()).isIn(200, 202);
                        long id = json.readTree(started.body()).get("id").asLong();
                        assertThat(runId == -1 || runId == id).as("both answers name the same run").isTrue();
                        runId = id;
                    }
                    both.shutdown();
                    assertThat(database.sql("SELECT count(*) FROM payment_run WHERE council_id = :c AND payment_date = :d")
                            .param("c", council).param("d", today).query(Long.class).single()).as("one run").isEqualTo(1);

                    // wait until one instance is part way through, then pull its plug
                    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                    String picker;
                    while (true) {
                        assertThat(System.nanoTime()).as("the run got going").isLessThan(deadline);
                        picker = database.sql("SELECT picked_by FROM scheduled_tasks WHERE task_name = 'payment-runs' AND picked")
                                .query(String.class).optional().orElse(null);
                        if (picker != null && PaymentRunCrashIT.progress(database, runId) >= 5) {
                            break;
                        }
                        Thread.sleep(5);
                    }
                    String selecting = "Payment run " + runId + ": selecting the payments on this instance";
                    RestartIT.RunningApp doing = apps.get(picker);
                    RestartIT.RunningApp other = apps.get(picker.equals("app1") ? "app2" : "app1");
                    assertThat(doing).as("picked by %s", picker).isNotNull();
                    doing.killHard();
                    assertThat(database.sql("SELECT status FROM payment_run WHERE id = :r").param("r", runId).query(String.class).single())
                            .as("killed part way through").isEqualTo("RUNNING");
                    assertThat(Files.readString(doing.log)).contains(selecting);
                    assertThat(Files.readString(other.log)).as("the job ran on one instance at a time").doesNotContain(selecting);
                    long before = PaymentRunCrashIT.payments(database, runId);
                    long expected = database.sql("""
                                    SELECT count(*) FROM dp_account a JOIN direct_payment dp ON dp.id = a.direct_payment_id
                                    WHERE dp.created_by = 'bench' AND a.status = 'OPEN'
                                      AND (a.type = 'PREPAID_CARD' OR EXISTS (SELECT 1 FROM bank_details b WHERE b.account_id = a.id))""")
                            .query(Long.class).single();
                    assertThat(before).as("some, not all, payments selected before the kill").isLessThan(expected);

                    // the other instance takes the job over once the dead one's heartbeats stop, and finishes the run
                    deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
                    JsonNode run;
                    do {
                        assertThat(System.nanoTime()).as("the other instance finished the run").isLessThan(deadline);
                        Thread.sleep(500);
                        run = json.readTree(other.http.getAs("finance@demo-england", Http.DEMO_PASSWORD,
                                "/api/v1/payment-runs/" + runId).body());
                    } while ("RUNNING".equals(run.get("status").asString()));
                    assertThat(run.get("status").asString()).isEqualTo("READY_FOR_APPROVAL");
                    assertThat(Files.readString(other.log)).contains(selecting);
                    long all = PaymentRunCrashIT.payments(database, runId);
                    assertThat(run.get("paymentsCount").asLong()).isEqualTo(all);
                    assertThat(PaymentRunCrashIT.benchPayments(database, runId)).as("every bulk account in the run").isEqualTo(expected);
                    assertThat(database.sql("""
                                    SELECT count(DISTINCT p.account_id) FROM payment p JOIN dp_account a ON a.id = p.account_id
                                    JOIN direct_payment dp ON dp.id = a.direct_payment_id
                                    WHERE p.run_id = :r AND dp.created_by = 'bench'""").param("r", runId)
                            .query(Long.class).single()).as("each bulk account paid once").isEqualTo(expected);

                    // the standby has every payment, and the council's figures are read from it
                    long lag = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    while (PaymentRunCrashIT.payments(replica, runId) != all) {
                        assertThat(System.nanoTime()).as("the standby caught up").isLessThan(lag);
                        Thread.sleep(100);
                    }
                    HttpResponse<String> insights = other.http.getAs("dp-team@demo-england", Http.DEMO_PASSWORD,
                            "/api/v1/insights?from=" + today.minusYears(1) + "&to=" + today);
                    assertThat(insights.statusCode()).as(insights.body()).isEqualTo(200);
                    assertThat(json.readTree(insights.body()).get("uptake")).isNotNull();
                    assertThat(replica.sql("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'dphub-reports'")
                            .query(Long.class).single()).as("the figures were read on the standby").isPositive();
                    assertThat(database.sql("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'dphub-reports'")
                            .query(Long.class).single()).as("and not on the database").isZero();
                }
            }
        } finally {
            if (standby != null) {
                standby.close();
            }
            if (primary != null) {
                primary.close();
            }
            RestartIT.deleteQuietly(primaryDir.toFile());
            RestartIT.deleteQuietly(standbyDir.toFile());
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
