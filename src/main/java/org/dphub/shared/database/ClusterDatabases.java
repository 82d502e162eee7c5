package org.dphub.shared.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;

/**
 * bin/cluster's databases: PostgreSQL from the embedded binaries as a standalone server, in
 * {@code <dir>/primary}, and its hot standby in {@code <dir>/standby} ({@link Standby}, made once,
 * then streaming). Both keep running when this command ends (the servers are their own processes);
 * bin/cluster stops them with a fast shutdown. Started again, each starts from its own folder, the
 * standby catching up from where it was.
 *
 * <p>{@code java ... ClusterDatabases <dir> <primaryPort> <standbyPort>}
 */
public final class ClusterDatabases {

    private ClusterDatabases() {
    }

    public static void main(String[] args) throws Exception {
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        if (args.length != 3) {
            System.err.println("usage: ClusterDatabases <dir> <primaryPort> <standbyPort>");
            System.exit(2);
        }
        Path dir = Path.of(args[0]).toAbsolutePath().normalize();
        int primaryPort = Integer.parseInt(args[1]);
        int standbyPort = Integer.parseInt(args[2]);
        Path primaryDir = dir.resolve("primary");
        Path standbyDir = dir.resolve("standby");
        Files.createDirectories(primaryDir);
        EmbeddedPostgres primary = start(primaryDir, primaryPort);
        System.out.println("PostgreSQL on port " + primaryPort + " with data in " + primaryDir);
        if (!Files.exists(standbyDir.resolve("PG_VERSION"))) {
            try (Connection connection = primary.getPostgresDatabase().getConnection()) {
                Standby.create(connection, primaryDir, standbyDir, "host=localhost port=" + primaryPort + " user=postgres"
                        + " application_name=dphub-standby", "dphub_standby");
            }
            System.out.println("Standby made from a base backup of port " + primaryPort);
        }
        start(standbyDir, standbyPort);
        System.out.println("Standby on port " + standbyPort + " with data in " + standbyDir + ", streaming from port " + primaryPort);
        System.exit(0); // zonky's threads would keep the JVM; the servers run on
    }

    private static EmbeddedPostgres start(Path dataDir, int port) throws IOException {
        StalePostmaster.stopIfRunning(dataDir);
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(120))
                .setServerConfig("max_connections", "200")
                .setServerConfig("work_mem", "32MB")
                .setServerConfig("shared_buffers", "256MB")
                .setServerConfig("listen_addresses", "localhost")
                .setRegisterShutdownHook(false)
                .start();
    }
}
