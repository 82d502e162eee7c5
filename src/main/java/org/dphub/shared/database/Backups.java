package org.dphub.shared.database;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Backs up a dphub database with pg_dump (custom format) and restores one with pg_restore, using
 * PostgreSQL's own programs ({@link PostgresTools}). {@code bin/backup} and {@code bin/restore}
 * call this through {@link BackupCommand}.
 *
 * <p>Refusals change nothing: a file that is not a dphub backup (not a pg_dump archive, or one
 * whose table of contents lacks dphub's {@code flyway_schema_history} and {@code ledger_leg});
 * a database that is not empty, unless {@code replace} is asked for; tools older than the server.
 */
public final class Backups {

    /** What every dphub backup holds: Flyway's record of the schema, and the ledger. */
    static final List<String> MARKER_TABLES = List.of("flyway_schema_history", "ledger_leg");

    /** The table holding each kind of subject an erasure is about, and the type of its ids. */
    private static final Map<String, String> SUBJECT_ROWS = Map.of("person", "citizen WHERE id = ?::bigint",
            "PA", "pa_profile WHERE id = ?::bigint", "representative", "representative WHERE id = ?::bigint",
            "provider", "directory_organization WHERE id = ?::uuid");

    /** pg_dump's custom format starts with these five bytes. */
    private static final byte[] ARCHIVE_MAGIC = "PGDMP".getBytes(StandardCharsets.US_ASCII);
    private static final Pattern TOC_TABLE = Pattern.compile("^\\d+; \\d+ \\d+ TABLE (?!DATA )(\\S+) (\\S+) ");
    private static final Pattern SYSTEM_SCHEMA = Pattern.compile("pg_.*|information_schema");

    /** A database to back up or restore into: a JDBC URL ({@code jdbc:postgresql://host:port/name}) and who to be. */
    public record Database(String jdbcUrl, String username, String password) {
        @Override
        public String toString() {
            return jdbcUrl + (username == null || username.isBlank() ? "" : " as " + username);
        }
    }

    /** A refusal, in words for the person at the command line; nothing was changed. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /** What a backup holds: the names of its tables, and its size in bytes. */
    public record Contents(List<String> tables, long bytes) {
    }

    /** Writes a backup of {@code source} to {@code file} (replacing it only once the backup is whole and checked). */
    public Contents backup(Database source, Path file) {
        int serverMajor = serverMajor(source);
        PostgresTools tools = toolsFor(serverMajor);
        Path folder = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(folder);
            Path partial = Files.createTempFile(folder, ".dphub-backup-", ".partial");
            try {
                run(tools, source, List.of(tools.program("pg_dump").toString(), "--format=custom", "--compress=6",
                        "--file=" + partial, "--dbname=" + libpqUri(source)));
                Contents contents = contents(tools, partial);
                if (!contents.tables().containsAll(MARKER_TABLES)) {
                    throw new Refused(source + " is not a dphub database: it has no " + String.join(" or ", MARKER_TABLES)
                            + " table. Nothing was written.");
                }
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return new Contents(contents.tables(), Files.size(file));
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Could not write the backup " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Restores {@code file} into {@code target}. The file must be a dphub backup, and the database
     * empty — unless {@code replace}, when everything in it is dropped first (after the file has
     * been checked). The restore is one transaction: if it fails, nothing of the backup is left
     * half-restored. When a database is replaced, the erasures of personal data it had and the
     * backup has not (made after the backup was taken) are returned, and written into the restored
     * database, where each council's DP team sees theirs: the restore brought back what they
     * removed, and each must be carried out again.
     */
    public Restored restore(Path file, Database target, boolean replace) {
        PostgresTools tools = toolsFor(serverMajor(target));
        Contents contents = checkIsADphubBackup(tools, file);
        List<String> present = userTables(target);
        if (!present.isEmpty() && !replace) {
            throw new Refused(target + " is not empty (it has " + present.size() + " tables, such as "
                    + String.join(", ", present.subList(0, Math.min(3, present.size())))
                    + "). Restore into an empty database, or add --replace to drop everything in it first. Nothing was changed.");
        }
        List<Erasure> erasedBefore = List.of();
        if (!present.isEmpty()) {
            try {
                erasedBefore = erasures(target);
            } catch (Refused unread) {
                throw new Refused(unread.getMessage() + " Nothing was changed.");
            }
            dropEverything(target);
        }
        run(tools, target, List.of(tools.program("pg_restore").toString(), "--single-transaction", "--exit-on-error",
                "--no-owner", "--no-privileges", "--dbname=" + libpqUri(target), file.toAbsolutePath().toString()));
        if (erasedBefore.isEmpty()) {
            return new Restored(contents, List.of());
        }
        List<Erasure> undone;
        try {
            java.util.Set<String> inBackup = erasures(target).stream().map(Erasure::key).collect(java.util.stream.Collectors.toSet());
            List<Erasure> notInBackup = erasedBefore.stream().filter(e -> !inBackup.contains(e.key())).toList();
            // someone who joined after the backup was taken is not in it, so nothing of theirs came back
            undone = notInBackup.isEmpty() ? List.of() : whoseDataIsIn(target, notInBackup);
        } catch (SQLException | Refused e) {
            throw new Refused("The backup was restored into " + target + ", but which erasures it undid could not be read ("
                    + e.getMessage() + "). Have the DP team check each of these pages and erase again what came back: "
                    + String.join(", ", erasedBefore.stream().map(Erasure::page).toList()));
        }
        if (!undone.isEmpty()) {
            try {
                recordForTheDpTeams(target, undone, file.getFileName().toString());
            } catch (SQLException | IOException e) {
                throw new Refused("The backup was restored into " + target + ", but the erasures it undid could not be written"
                        + " into it for the DP teams to see (" + e.getMessage() + "). Have the DP team erase again, from each of"
                        + " these pages: " + String.join(", ", undone.stream().map(Erasure::page).toList()));
            }
        }
        return new Restored(contents, undone);
    }

    /** The rights module's migration that makes the table of erasures a restore undid; run as it is (see the file). */
    static final String UNDONE_ERASURES_MIGRATION = "/db/migration/V202612180100__rights_erasure_undone_by_restore.sql";

    /**
     * Writes the erasures a restore undid into the restored database, in one transaction, where
     * dphub shows each to its council's DP team until they carry it out again (the rights module's
     * {@code personal_data_erasure_undone}). The table is made first by the migration that makes it,
     * as the backup may be of a dphub older than it (the migration says IF NOT EXISTS).
     */
    private static void recordForTheDpTeams(Database database, List<Erasure> undone, String backup) throws SQLException, IOException {
        String migration;
        try (InputStream in = Backups.class.getResourceAsStream(UNDONE_ERASURES_MIGRATION)) {
            if (in == null) {
                throw new IOException(UNDONE_ERASURES_MIGRATION + " is not on the class path");
            }
            migration = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection connection = connect(database)) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(migration);
            }
            try (var insert = connection.prepareStatement("""
                    INSERT INTO personal_data_erasure_undone (council_id, whose, subject_id, erased_at, erased_by, backup)
                    VALUES (?, ?, ?, ?::timestamptz, ?, ?) ON CONFLICT DO NOTHING""")) {
                for (Erasure e : undone) {
                    insert.setObject(1, e.councilId(), java.sql.Types.BIGINT);
                    insert.setString(2, e.whose());
                    insert.setString(3, e.id());
                    insert.setString(4, e.erasedAt());
                    insert.setString(5, e.carriedOutBy());
                    insert.setString(6, backup);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        }
    }

    /**
     * A restore: the tables restored, and the erasures of personal data that the replaced database
     * had and the backup has not, of people whose data the backup holds (none when the database
     * was empty).
     */
    public record Restored(Contents contents, List<Erasure> erasuresNotInBackup) {
    }

    /**
     * An erasure of personal data recorded in a database (the rights module's
     * {@code personal_data_redaction}, step {@code ERASURE}): whose data ({@code person}, {@code PA},
     * {@code representative} for someone who acted for a person, or {@code provider}) and its id,
     * the council's id and code (null for a PA who left the register themself), when (as stored,
     * and in UK time to read) and by whom, and the staff page it is carried out from.
     */
    public record Erasure(String whose, String id, Long councilId, String council, String erasedAt, String carriedOutAt,
                          String carriedOutBy, String page) {

        String key() {
            return whose + " " + id;
        }
    }

    /** The erasures recorded in the database, oldest first; none when it has no record of them (an older dphub). */
    static List<Erasure> erasures(Database database) {
        // to_jsonb: a backup of an older dphub may lack the later columns (a PA's, a representative's, a provider's)
        String sql = """
                SELECT CASE WHEN j->>'citizen_id' IS NOT NULL THEN 'person' WHEN j->>'pa_profile_id' IS NOT NULL THEN 'PA'
                            WHEN j->>'representative_id' IS NOT NULL THEN 'representative' ELSE 'provider' END,
                       coalesce(j->>'citizen_id', j->>'pa_profile_id', j->>'representative_id', j->>'organization_id'),
                       (j->>'council_id')::bigint, (SELECT code FROM council WHERE id = (j->>'council_id')::bigint),
                       j->>'carried_out_at', to_char((j->>'carried_out_at')::timestamptz AT TIME ZONE 'Europe/London', 'YYYY-MM-DD HH24:MI'),
                       j->>'carried_out_by',
                       CASE WHEN j->>'citizen_id' IS NOT NULL THEN '/citizens/' || (j->>'citizen_id')
                            WHEN j->>'pa_profile_id' IS NOT NULL THEN '/pa-profiles/' || (j->>'pa_profile_id')
                            WHEN j->>'representative_id' IS NOT NULL
                              THEN '/citizens/' || (SELECT citizen_id FROM representative WHERE id = (j->>'representative_id')::bigint)
                            ELSE '/providers/' || (j->>'organization_id') END || '/personal-data'
                FROM (SELECT to_jsonb(r) AS j FROM personal_data_redaction r WHERE r.step = 'ERASURE') s
                ORDER BY (j->>'carried_out_at')::timestamptz, 2""";
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            try (ResultSet table = statement.executeQuery("SELECT to_regclass('public.personal_data_redaction') IS NOT NULL")) {
                table.next();
                if (!table.getBoolean(1)) {
                    return List.of();
                }
            }
            List<Erasure> erasures = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery(sql)) {
                while (rows.next()) {
                    erasures.add(new Erasure(rows.getString(1), rows.getString(2), rows.getObject(3, Long.class), rows.getString(4),
                            rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8)));
                }
            }
            return erasures;
        } catch (SQLException e) {
            throw new Refused("Could not read the erasures recorded in " + database + ": " + e.getMessage() + ".");
        }
    }

    /** Those of the erasures whose subject the database holds. */
    private static List<Erasure> whoseDataIsIn(Database database, List<Erasure> erasures) throws SQLException {
        List<Erasure> found = new ArrayList<>();
        try (Connection connection = connect(database)) {
            for (Erasure e : erasures) {
                try (var statement = connection.prepareStatement("SELECT EXISTS (SELECT 1 FROM " + SUBJECT_ROWS.get(e.whose()) + ")")) {
                    statement.setString(1, e.id());
                    try (ResultSet row = statement.executeQuery()) {
                        row.next();
                        if (row.getBoolean(1)) {
                            found.add(e);
                        }
                    }
                }
            }
            return found;
        }
    }

    /** The tables in the file, if it is a dphub backup; otherwise a {@link Refused} saying why. */
    public Contents checkIsADphubBackup(PostgresTools tools, Path file) {
        if (!Files.isRegularFile(file)) {
            throw new Refused(file + " does not exist or is not a file. Nothing was changed.");
        }
        byte[] start = new byte[ARCHIVE_MAGIC.length];
        try (InputStream in = Files.newInputStream(file)) {
            if (in.readNBytes(start, 0, start.length) < start.length || !Arrays.equals(start, ARCHIVE_MAGIC)) {
                throw new Refused(file + " is not a dphub backup: it is not a PostgreSQL custom-format archive "
                        + "(bin/backup makes those). Nothing was changed.");
            }
        } catch (IOException e) {
            throw new Refused("Could not read " + file + ": " + e.getMessage() + ". Nothing was changed.");
        }
        Contents contents;
        try {
            contents = contents(tools, file);
        } catch (Refused unreadable) {
            throw new Refused(file + " is not a dphub backup: pg_restore cannot read it (" + unreadable.getMessage()
                    + "). Nothing was changed.");
        }
        if (!contents.tables().containsAll(MARKER_TABLES)) {
            throw new Refused(file + " is a PostgreSQL backup, but not of dphub: it has no "
                    + String.join(" or ", MARKER_TABLES.stream().filter(t -> !contents.tables().contains(t)).toList())
                    + " table. Nothing was changed.");
        }
        return contents;
    }

    /** The tables an archive holds, from its table of contents ({@code pg_restore --list}). */
    static Contents contents(PostgresTools tools, Path archive) {
        String listing = run(tools, null, List.of(tools.program("pg_restore").toString(), "--list", archive.toAbsolutePath().toString()));
        List<String> tables = new ArrayList<>();
        for (String line : listing.split("\n")) {
            // "215; 1259 16401 TABLE public ledger_leg postgres": id; oids; kind, schema, name, owner
            // (its rows are a second entry, "TABLE DATA public ledger_leg postgres")
            java.util.regex.Matcher table = TOC_TABLE.matcher(line.strip());
            if (table.find()) {
                tables.add(table.group(2));
            }
        }
        try {
            return new Contents(List.copyOf(tables), Files.size(archive));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The server's major version ({@code 170002} → 17). */
    static int serverMajor(Database database) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             ResultSet version = statement.executeQuery("SHOW server_version_num")) {
            version.next();
            return Integer.parseInt(version.getString(1)) / 10_000;
        } catch (SQLException e) {
            throw new Refused("Could not connect to " + database + ": " + e.getMessage());
        }
    }

    static PostgresTools toolsFor(int serverMajor) {
        return PostgresTools.forServer(serverMajor).orElseThrow(() -> new Refused(
                "pg_dump and pg_restore of PostgreSQL " + serverMajor + " or newer are needed (the database is PostgreSQL "
                        + serverMajor + "), but " + describe(PostgresTools.found()) + ". Install PostgreSQL " + serverMajor
                        + "'s client programs (the Debian or Ubuntu package postgresql-client-" + serverMajor
                        + ", from the distribution or the PostgreSQL apt repository), or set DPHUB_PG_BIN to the folder"
                        + " that holds them. Nothing was written."));
    }

    private static String describe(List<PostgresTools> found) {
        return found.isEmpty() ? "none were found" : "only " + String.join(", ", found.stream()
                .map(t -> "PostgreSQL " + t.major() + " in " + t.bin()).distinct().toList()) + " were found";
    }

    /** The user's tables, views and sequences in the database, outside PostgreSQL's own schemas. */
    static List<String> userTables(Database database) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("""
                     SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND n.nspname NOT LIKE 'pg\\_%'
                       AND n.nspname <> 'information_schema'
                     ORDER BY c.relkind <> 'r', 1""")) {
            List<String> names = new ArrayList<>();
            while (rows.next()) {
                names.add(rows.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw new Refused("Could not read " + database + ": " + e.getMessage());
        }
    }

    /** For --replace: every schema but PostgreSQL's own is dropped, and an empty public schema made, in one transaction. */
    private static void dropEverything(Database database) {
        try (Connection connection = connect(database)) {
            connection.setAutoCommit(false);
            List<String> schemas = new ArrayList<>();
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT nspname FROM pg_namespace")) {
                while (rows.next()) {
                    if (!SYSTEM_SCHEMA.matcher(rows.getString(1)).matches()) {
                        schemas.add(rows.getString(1));
                    }
                }
            }
            try (Statement statement = connection.createStatement()) {
                for (String schema : schemas) {
                    statement.execute("DROP SCHEMA \"" + schema.replace("\"", "\"\"") + "\" CASCADE");
                }
                statement.execute("CREATE SCHEMA public");
            }
            connection.commit();
        } catch (SQLException e) {
            throw new Refused("Could not empty " + database + " for --replace: " + e.getMessage() + ". Nothing was changed.");
        }
    }

    static Connection connect(Database database) throws SQLException {
        Properties properties = new Properties();
        if (database.username() != null && !database.username().isBlank()) {
            properties.setProperty("user", database.username());
        }
        if (database.password() != null && !database.password().isEmpty()) {
            properties.setProperty("password", database.password());
        }
        return DriverManager.getConnection(database.jdbcUrl(), properties);
    }

    /**
     * The database as libpq wants it, {@code postgresql://user@host:port/name}, without the
     * password (which goes in PGPASSWORD, so it is on no command line) or the URL's JDBC settings:
     * give the username and password as such, not in the URL.
     */
    static String libpqUri(Database database) {
        String url = database.jdbcUrl();
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new Refused("A PostgreSQL JDBC URL is needed (jdbc:postgresql://host:port/database), not " + url);
        }
        URI uri = URI.create(url.substring("jdbc:".length()));
        String user = database.username();
        String host = uri.getHost() == null ? "localhost" : uri.getHost();
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        String userPart = user == null || user.isBlank() ? "" : java.net.URLEncoder.encode(user, StandardCharsets.UTF_8) + "@";
        return "postgresql://" + userPart + host + port + uri.getRawPath();
    }

    /** Runs a program and returns what it printed; a failure is a {@link Refused} with its own words. */
    private static String run(PostgresTools tools, Database database, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.remove("PGPASSWORD");
        if (database != null) {
            if (database.password() != null && !database.password().isEmpty()) {
                environment.put("PGPASSWORD", database.password());
            }
        }
        try {
            Path errors = Files.createTempFile("dphub-pg-", ".err");
            try {
                Process process = builder.redirectError(errors.toFile()).start();
                String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                int exit = process.waitFor();
                if (exit != 0) {
                    String said = Files.readString(errors).strip();
                    throw new Refused(tools.bin().relativize(Path.of(command.get(0))) + " stopped (exit " + exit + "): "
                            + (said.isEmpty() ? "no message" : said));
                }
                return output;
            } finally {
                Files.deleteIfExists(errors);
            }
        } catch (IOException e) {
            throw new Refused("Could not run " + command.get(0) + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refused("Interrupted while running " + command.get(0));
        }
    }
}
