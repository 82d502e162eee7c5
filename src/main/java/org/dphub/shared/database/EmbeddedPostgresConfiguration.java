package org.dphub.shared.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The application's one DataSource: the PostgreSQL at {@code DPHUB_DATABASE_URL}, or, when that
 * is not set, an embedded PostgreSQL 17 whose files live in {@code ./data/pg} and survive restarts.
 * With {@code DPHUB_REPLICA_URL} as well, work in {@link ReplicaReads} reads from that hot standby.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    DataSource dataSource(DatabaseProperties properties) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("dphub");
        dataSource.setMaximumPoolSize(properties.poolSize());
        if (!properties.useEmbedded()) {
            dataSource.setJdbcUrl(properties.url());
            dataSource.setUsername(properties.username());
            dataSource.setPassword(properties.password());
            log.info("Using PostgreSQL at {}", properties.url());
            if (properties.useReplica()) {
                boolean ownUser = properties.replica().username() != null && !properties.replica().username().isBlank();
                HikariDataSource replica = replicaPool(properties.replica().url(),
                        ownUser ? properties.replica().username() : properties.username(),
                        ownUser ? properties.replica().password() : properties.password());
                log.info("Reports read from the standby at {}", properties.replica().url());
                return new ReplicaRoutingDataSource(dataSource, replica);
            }
            return dataSource;
        }
        if (properties.useReplica()) {
            throw new IllegalStateException("DPHUB_REPLICA_URL is a standby of DPHUB_DATABASE_URL: set DPHUB_DATABASE_URL too"
                    + " (the embedded database has no standby), or leave DPHUB_REPLICA_URL empty");
        }
        EmbeddedPostgres postgres = startEmbedded(properties.embedded());
        return new EmbeddedDataSource(dataSource, postgres);
    }

    /** The standby's pool: read-only, named dphub-reports in pg_stat_activity. */
    static HikariDataSource replicaPool(String url, String username, String password) {
        HikariDataSource replica = new HikariDataSource();
        replica.setPoolName("dphub-replica");
        replica.setMaximumPoolSize(5);
        replica.setReadOnly(true);
        replica.addDataSourceProperty("ApplicationName", "dphub-reports");
        replica.setJdbcUrl(url);
        replica.setUsername(username);
        replica.setPassword(password);
        // a standby down at start must not stop the app: the pool connects when first asked,
        // and a report waits at most 2 s for it before reading the database instead
        replica.setInitializationFailTimeout(-1);
        replica.setConnectionTimeout(2_000);
        return replica;
    }

    private static void stopQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close(); // does nothing if the DataSource stopped it already
        } catch (IOException e) {
            log.warn("Could not stop the embedded PostgreSQL: {}", e.getMessage());
        }
    }

    private static EmbeddedPostgres startEmbedded(DatabaseProperties.Embedded settings) {
        try {
            Path dataDir = settings.dataDir() == null || settings.dataDir().isBlank()
                    ? Files.createTempDirectory("dphub-pg-")
                    : Path.of(settings.dataDir()).toAbsolutePath().normalize();
            Files.createDirectories(dataDir);
            StalePostmaster.stopIfRunning(dataDir);
            boolean fresh = !Files.exists(dataDir.resolve("PG_VERSION"));
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "100")
                    // room for the insights figures' sorts and hashes at a large council's scale, and a
                    // cache for the tables they read (docs/PERFORMANCE.md, "bin/bench insights")
                    .setServerConfig("work_mem", "32MB")
                    .setServerConfig("shared_buffers", "256MB")
                    // not zonky's own JVM shutdown hook: it stopped PostgreSQL while Spring was still
                    // closing beans that use the pool (see EmbeddedDataSource)
                    .setRegisterShutdownHook(false);
            if (settings.port() > 0) {
                builder.setPort(settings.port());
            }
            EmbeddedPostgres postgres = builder.start();
            // Spring closes the DataSource (pool first, then PostgreSQL) when the application stops;
            // should an application context never be closed, PostgreSQL still stops once they all are
            try {
                SpringApplication.getShutdownHandlers().add(() -> stopQuietly(postgres));
            } catch (IllegalStateException shuttingDown) {
                stopQuietly(postgres); // stopped while PostgreSQL was starting: leave nothing running
                throw shuttingDown;
            }
            log.info("Embedded PostgreSQL {} on port {} with data in {}",
                    fresh ? "created" : "started", postgres.getPort(), dataDir);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }
}
