package org.dphub.shared.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * {@code bin/backup [file]} and {@code bin/restore <file> [database-url] [--replace]}: finds the
 * database as the application does — {@code DPHUB_DATABASE_URL} (with {@code DPHUB_DATABASE_USERNAME}
 * and {@code DPHUB_DATABASE_PASSWORD}), or else the embedded PostgreSQL in {@code DPHUB_EMBEDDED_DATA_DIR}
 * ({@code ./data/pg}) — and calls {@link Backups}. The embedded database is backed up while dphub
 * runs (its port is in the data folder's {@code postmaster.pid}), or started for the backup and
 * stopped after; it is restored into only while dphub is stopped.
 */
public final class BackupCommand {

    private BackupCommand() {
    }

    public static void main(String[] args) {
        // the embedded PostgreSQL's start and stop are not news at the command line
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
        }
        try {
            System.exit(run(List.of(args)));
        } catch (Backups.Refused refused) {
            System.err.println(refused.getMessage());
            System.exit(1);
        }
    }

    static int run(List<String> args) {
        if (args.isEmpty() || !List.of("backup", "restore").contains(args.get(0))) {
            System.err.println("usage: bin/backup [file] | bin/restore <file> [database-url] [--replace]");
            return 2;
        }
        Path root = Path.of(System.getProperty("dphub.root", ".")).toAbsolutePath().normalize();
        boolean replace = args.contains("--replace");
        List<String> rest = args.subList(1, args.size()).stream().filter(a -> !"--replace".equals(a)).toList();
        Backups backups = new Backups();
        if ("backup".equals(args.get(0))) {
            Path file = rest.isEmpty()
                    ? root.resolve("backups").resolve("dphub-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".dump")
                    : Path.of(rest.get(0)).toAbsolutePath();
            Backups.Contents contents = withDatabase(root, null, false, database -> backups.backup(database, file));
            System.out.println("Backed up " + contents.tables().size() + " tables (" + contents.bytes() + " bytes) to " + file);
            return 0;
        }
        if (rest.isEmpty()) {
            System.err.println("usage: bin/restore <file> [database-url] [--replace]");
            return 2;
        }
        Path file = Path.of(rest.get(0)).toAbsolutePath();
        String url = rest.size() > 1 ? rest.get(1) : null;
        Backups.Restored restored = withDatabase(root, url, true, database -> backups.restore(file, database, replace));
        System.out.println("Restored " + restored.contents().tables().size() + " tables from " + file);
        System.out.println(erasuresToCarryOutAgain(restored, replace));
        return 0;
    }

    /**
     * What the restore brought back that someone asked to be erased: the erasures the replaced
     * database had and the backup has not, each with the page the DP team erases it from again;
     * or, for a restore into an empty database, how to find them.
     */
    static String erasuresToCarryOutAgain(Backups.Restored restored, boolean replaced) {
        List<Backups.Erasure> again = restored.erasuresNotInBackup();
        if (!replaced) {
            return "Erasures of personal data made after this backup was taken are not in it. If the database it takes "
                    + "the place of can still be read, list them on its audit trail (Erasures of personal data, from the backup's date) "
                    + "and have the DP team carry out again each that this backup brought back, once dphub runs on it.";
        }
        if (again.isEmpty()) {
            return "The restore undid no erasure of personal data: nothing to carry out again.";
        }
        StringBuilder text = new StringBuilder(again.size() == 1
                ? "1 erasure of personal data was made after this backup was taken, so the restore brought back what it removed."
                : again.size() + " erasures of personal data were made after this backup was taken, so the restore brought back what they removed.");
        text.append("\nThe DP team must carry each out again. Once dphub starts, it lists each for its council's DP team"
                + " (\"Erasures to carry out again\" on their home page) until it is; here is each, with its page:");
        for (Backups.Erasure e : again) {
            text.append("\n  ").append(e.whose()).append(' ').append(e.id())
                    .append(e.council() == null ? "" : " of " + e.council())
                    .append(", erased ").append(e.carriedOutAt()).append(" by ").append(e.carriedOutBy())
                    .append(": ").append(e.page())
                    .append(e.council() == null ? " (a PA who registered with no council: dphub carries it out again itself as it starts)" : "");
        }
        return text.toString();
    }

    /** Runs {@code work} against the given URL, {@code DPHUB_DATABASE_URL}, or the embedded database. */
    private static <T> T withDatabase(Path root, String url, boolean restoring, java.util.function.Function<Backups.Database, T> work) {
        String given = url != null ? url : System.getenv("DPHUB_DATABASE_URL");
        if (given != null && !given.isBlank()) {
            String jdbc = given.startsWith("jdbc:") ? given : "jdbc:" + given;
            return work.apply(new Backups.Database(jdbc, System.getenv("DPHUB_DATABASE_USERNAME"), System.getenv("DPHUB_DATABASE_PASSWORD")));
        }
        String dataDirSetting = System.getenv().getOrDefault("DPHUB_EMBEDDED_DATA_DIR", "./data/pg");
        Path dataDir = root.resolve(dataDirSetting).normalize();
        if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
            throw new Backups.Refused("There is no embedded database in " + dataDir + " (and DPHUB_DATABASE_URL is not set). "
                    + "Start dphub once to make it, or give a database URL.");
        }
        Optional<Integer> running = runningPort(dataDir);
        if (running.isPresent()) {
            if (restoring) {
                throw new Backups.Refused("The embedded database in " + dataDir + " is running (dphub, or a PostgreSQL it left). "
                        + "Stop dphub before restoring into it. Nothing was changed.");
            }
            return work.apply(embedded(running.get()));
        }
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60)).start()) {
            return work.apply(embedded(postgres.getPort()));
        } catch (IOException e) {
            throw new Backups.Refused("Could not start the embedded database in " + dataDir + ": " + e.getMessage());
        }
    }

    /** zonky's cluster: user postgres, trusted on the local machine, database postgres. */
    private static Backups.Database embedded(int port) {
        return new Backups.Database("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", null);
    }

    /** The port of a PostgreSQL running on this data folder: line 4 of postmaster.pid, if its process is alive. */
    static Optional<Integer> runningPort(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        try {
            if (!Files.exists(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 4 || ProcessHandle.of(Long.parseLong(lines.get(0).strip())).filter(ProcessHandle::isAlive).isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(Integer.parseInt(lines.get(3).strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
