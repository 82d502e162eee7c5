package org.dphub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.dphub.shared.database.PostgresTools;

/**
 * A throwaway PostgreSQL server from a folder of PostgreSQL's own programs (initdb, pg_ctl,
 * postgres): a new cluster in a temporary folder, user postgres trusted, listening on a free
 * port of localhost only. For tests that need a server of the version the machine's pg_dump
 * can read. PostgreSQL refuses to run as root (zonky's build is patched to allow it, Debian's is
 * not), so as root the server runs as the {@code postgres} user Debian's package makes.
 */
public final class StandalonePostgres implements AutoCloseable {

    private final PostgresTools tools;
    private final Path dataDir;
    private final int port;

    private StandalonePostgres(PostgresTools tools, Path dataDir, int port) {
        this.tools = tools;
        this.dataDir = dataDir;
        this.port = port;
    }

    public static StandalonePostgres start(PostgresTools tools) {
        try {
            Path dataDir = Files.createTempDirectory("dphub-standalone-pg-");
            if (AS_ROOT) {
                run(List.of("chown", "postgres:postgres", dataDir.toString()));
            }
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            asServer(List.of(tools.program("initdb").toString(), "-D", dataDir.toString(), "-U", "postgres", "-A", "trust",
                    "-E", "UTF8", "--locale=C.UTF-8"));
            asServer(List.of(tools.program("pg_ctl").toString(), "-D", dataDir.toString(), "-w", "-t", "60", "-l",
                    dataDir.resolve("server.log").toString(), "-o",
                    "-p " + port + " -c listen_addresses=localhost -k " + dataDir + " -c fsync=off", "start"));
            return new StandalonePostgres(tools, dataDir, port);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int major() {
        return tools.major();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    @Override
    public void close() {
        try {
            asServer(List.of(tools.program("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w", "stop"));
        } finally {
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary folder: the system clears it in the end
            }
        }
    }

    private static final boolean AS_ROOT = "root".equals(System.getProperty("user.name"));

    /** initdb and pg_ctl as the postgres user when we are root. */
    private static void asServer(List<String> command) {
        if (!AS_ROOT) {
            run(command);
            return;
        }
        List<String> asPostgres = new java.util.ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        asPostgres.addAll(command);
        run(asPostgres);
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
