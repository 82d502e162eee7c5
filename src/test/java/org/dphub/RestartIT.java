package org.dphub;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.dphub.shared.database.EmbeddedDataSource;
import org.dphub.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Data survives restarts of the app with its embedded PostgreSQL, even after {@code kill -9}; a
 * SIGTERM stops the app cleanly within 10 seconds; and with DPHUB_DATABASE_URL the app uses that
 * PostgreSQL and starts no embedded one.
 */
class RestartIT {

    final JsonMapper json = JsonMapper.builder().build();

    /** The application in its own JVM, started as {@code java -cp ... org.dphub.Application}. */
    static final class RunningApp implements AutoCloseable {
        final Process process;
        final int port;
        final Http http;
        final Path log;

        private RunningApp(Process process, int port, Path log) {
            this.process = process;
            this.port = port;
            this.http = new Http(port);
            this.log = log;
        }

        static RunningApp start(Path dataDir, String logName) throws IOException {
            return start(logName, List.of("--dphub.database.embedded.data-dir=" + dataDir, "--dphub.demo-data=auto"));
        }

        /** The app with these arguments as well (the nightly payment run is always off: tests start runs themselves). */
        static RunningApp start(String logName, List<String> arguments) throws IOException {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Path log = Path.of("target", logName + ".log");
            Files.createDirectories(log.getParent());
            List<String> command = new java.util.ArrayList<>(List.of(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                    "org.dphub.Application", "--server.port=" + port, "--dphub.payment-runs.nightly=-"));
            command.addAll(arguments);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().remove("DPHUB_DATABASE_URL");
            builder.environment().remove("DPHUB_REPLICA_URL");
            return new RunningApp(builder.start(), port, log);
        }

        void awaitHealthy(Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new AssertionError("The app stopped while starting, exit code " + process.exitValue());
                }
                try {
                    if (http.get("/actuator/health").statusCode() == 200) {
                        return;
                    }
                } catch (RuntimeException notYet) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            throw new AssertionError("The app did not become healthy in " + timeout);
        }

        /** SIGTERM, as a service manager or Ctrl-C sends it; how long the JVM took to exit (at most a minute). */
        Duration terminate() throws InterruptedException {
            long start = System.nanoTime();
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            return Duration.ofNanos(System.nanoTime() - start);
        }

        void killHard() throws InterruptedException {
            process.destroyForcibly(); // SIGKILL: no shutdown hooks, PostgreSQL is left running
            process.waitFor();
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                process.destroy(); // SIGTERM: a clean shutdown, which stops PostgreSQL
                if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            }
        }
    }

    static Optional<ProcessHandle> postmaster(Path dataDir) throws IOException {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive);
    }

    @Test
    void dataSurvivesAKillMinusNineAndARestartAndSigtermStopsTheAppCleanlyWithinTenSeconds() throws Exception {
        Path dataDir = Files.createTempDirectory("dphub-restart-");
        try {
            String changed;
            long demoPeople;
            try (RunningApp first = RunningApp.start(dataDir, "restart-it-first")) {
                first.awaitHealthy(Duration.ofMinutes(3));
                demoPeople = json.readTree(first.http.getAs("dp-team@demo-england", Http.DEMO_PASSWORD, "/api/v1/citizens").body())
                        .get("total").asLong();
                assertThat(demoPeople).as("the demo council has its people").isGreaterThanOrEqualTo(50);
                HttpResponse<String> settings = first.http.getAs("admin@demo-england", Http.DEMO_PASSWORD, "/api/v1/council/settings");
                assertThat(settings.statusCode()).isEqualTo(200);
                changed = settings.body().replaceFirst("\"targetDaysToMoney\":\\d+", "\"targetDaysToMoney\":21");
                assertThat(first.http.putJsonAs("admin@demo-england", Http.DEMO_PASSWORD, "/api/v1/council/settings", changed)
                        .statusCode()).isEqualTo(200);
                first.killHard();
                assertThat(postmaster(dataDir)).as("kill -9 leaves the embedded PostgreSQL running").isPresent();
            }

            try (RunningApp second = RunningApp.start(dataDir, "restart-it-second")) {
                second.awaitHealthy(Duration.ofMinutes(3));
                HttpResponse<String> settings = second.http.getAs("admin@demo-england", Http.DEMO_PASSWORD, "/api/v1/council/settings");
                assertThat(json.readTree(settings.body()).get("targetDaysToMoney").asInt()).isEqualTo(21);
                HttpResponse<String> people = second.http.getAs("dp-team@demo-england", Http.DEMO_PASSWORD, "/api/v1/citizens");
                assertThat(json.readTree(people.body()).get("total").asLong()).as("demo data is not loaded twice").isEqualTo(demoPeople);

                // a clean stop: the pool closes before PostgreSQL stops, and the JVM exits promptly
                Duration stopping = second.terminate();
                assertThat(stopping).as("SIGTERM to exit").isLessThan(Duration.ofSeconds(10));
                assertThat(Files.readString(second.log)).as("no connection was still in use when PostgreSQL stopped")
                        .doesNotContain("Failed to validate connection").doesNotContain("Interrupted during connection acquisition")
                        .contains("Shutdown completed");
            }
            assertThat(postmaster(dataDir)).as("a clean stop also stops PostgreSQL").isEmpty();
        } finally {
            Optional<ProcessHandle> leftOver = postmaster(dataDir);
            leftOver.ifPresent(ProcessHandle::destroyForcibly);
            deleteQuietly(dataDir.toFile());
        }
    }

    @Test
    void withADatabaseUrlTheAppUsesThatPostgresqlAndStartsNoEmbeddedOne() throws Exception {
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().start()) {
            String url = external.getJdbcUrl("postgres", "postgres");
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class)
                    .run("--server.port=0", "--dphub.database.url=" + url, "--dphub.database.username=postgres",
                            "--dphub.database.password=", "--dphub.demo-data=auto")) {
                DataSource dataSource = app.getBean(DataSource.class);
                assertThat(dataSource).isNotInstanceOf(EmbeddedDataSource.class);
                JdbcClient jdbc = JdbcClient.create(external.getPostgresDatabase());
                assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success").query(Long.class).single())
                        .as("migrations ran on the external database").isPositive();
                assertThat(jdbc.sql("SELECT count(*) FROM council").query(Long.class).single())
                        .as("demo data is only automatic on the embedded database").isZero();
            }
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class)
                    .run("--server.port=0", "--dphub.database.url=" + url, "--dphub.database.username=postgres",
                            "--dphub.database.password=", "--dphub.demo-data=true")) {
                JdbcClient jdbc = JdbcClient.create(external.getPostgresDatabase());
                assertThat(jdbc.sql("SELECT code FROM council ORDER BY code").query(String.class).list())
                        .containsExactly("demo-england", "demo-wales");
            }
        }
    }

    static void deleteQuietly(File file) {
        File[] children = file.listFiles();
        if (children != null) {
            for (File child : children) {
                deleteQuietly(child);
            }
        }
        file.delete();
    }
}
