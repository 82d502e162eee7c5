package org.dphub.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Where a connection comes from with {@code DPHUB_REPLICA_URL} set: work inside
 * {@link ReplicaReads#run} gets the standby's pool (read-only), anything else the database's; a
 * standby that cannot be reached costs a report at most its 2 s wait, then the database answers.
 * (Both pools here point at the test database, told apart by their application name;
 * TwoInstancesIT does it with a real standby.)
 */
@IntegrationTest
class ReplicaRoutingIT {

    @Autowired
    DataSource dataSource;

    @Test
    void reportsTakeTheStandbysConnectionsAndEverythingElseTheDatabases() throws Exception {
        String url = dataSource.unwrap(EmbeddedDataSource.class).jdbcUrl();
        try (ReplicaRoutingDataSource routing = new ReplicaRoutingDataSource(pool(url, "primary"), replica(url))) {
            assertThat(applicationName(routing)).isEqualTo("primary");
            assertThat(ReplicaReads.run(() -> applicationName(routing))).isEqualTo("dphub-reports");
            assertThat(ReplicaReads.run(() -> readOnly(routing))).as("the standby's pool is read-only").isTrue();
            assertThat(applicationName(routing)).as("back to the database after the report").isEqualTo("primary");
        }
    }

    @Test
    void aStandbyOutOfReachIsPassedOverForTheDatabaseWithinItsWait() throws Exception {
        String url = dataSource.unwrap(EmbeddedDataSource.class).jdbcUrl();
        int nobody;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobody = socket.getLocalPort();
        }
        try (ReplicaRoutingDataSource routing = new ReplicaRoutingDataSource(pool(url, "primary"),
                replica(url.replaceFirst(":\\d+/", ":" + nobody + "/")))) {
            long start = System.nanoTime();
            assertThat(ReplicaReads.run(() -> applicationName(routing))).isEqualTo("primary");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    static HikariDataSource pool(String url, String name) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(2);
        pool.addDataSourceProperty("ApplicationName", name);
        pool.setInitializationFailTimeout(-1);
        return pool;
    }

    static HikariDataSource replica(String url) {
        return EmbeddedPostgresConfiguration.replicaPool(url, "postgres", "");
    }

    static String applicationName(DataSource source) {
        try (Connection connection = source.getConnection(); ResultSet rs = connection.createStatement()
                .executeQuery("SELECT current_setting('application_name')")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean readOnly(DataSource source) {
        try (Connection connection = source.getConnection()) {
            return connection.isReadOnly();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
