package org.dphub.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.dphub.support.StandalonePostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * bin/backup and bin/restore (issue 17) with PostgreSQL's own pg_dump and pg_restore: the test
 * database (demo data, payment history, statements) is backed up, restored into a fresh database
 * on the same server, and every ledger transaction, every ledger leg and each account's balance
 * is the same in both. A file that is not a dphub backup, and a database that is not empty, are
 * refused and nothing changes. Replacing a database with an older backup names the erasures of
 * personal data that the backup undid.
 *
 * <p>pg_dump reads only servers of its own major version or older. The test database is the
 * embedded PostgreSQL 17; where the machine has no pg_dump 17 (Debian 12 ships 15), the test
 * copies the test database, row for row, into a server of the newest PostgreSQL the machine has
 * (made with the same migrations), and backs that up — the path a council with its own
 * PostgreSQL (DPHUB_DATABASE_URL) takes.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackupRestoreIT {

    @Autowired
    DataSource dataSource;
    @LocalServerPort
    int port;

    final Backups backups = new Backups();
    Backups.Database testDatabase;
    /** The server backed up and restored into; null when that is the test database's own server. */
    StandalonePostgres standalone;
    Backups.Database source;
    PostgresTools tools;
    Path folder;
    Path backup;

    @BeforeAll
    void backUpTheTestDatabase() throws Exception {
        EmbeddedDataSource embedded = dataSource.unwrap(EmbeddedDataSource.class);
        testDatabase = new Backups.Database(embedded.jdbcUrl(), "postgres", null);
        folder = Files.createTempDirectory("dphub-backups-");
        int testMajor = Backups.serverMajor(testDatabase);
        if (PostgresTools.forServer(testMajor).isPresent()) {
            source = testDatabase;
        } else {
            PostgresTools server = PostgresTools.found().stream()
                    .filter(t -> t.has("initdb") && t.has("pg_ctl") && t.has("postgres")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No pg_dump for PostgreSQL " + testMajor
                            + " and no PostgreSQL server to copy the test database into: install postgresql (Debian)"));
            standalone = StandalonePostgres.start(server);
            createDatabase(standalone.jdbcUrl("postgres"), "dphub_copy");
            source = new Backups.Database(standalone.jdbcUrl("dphub_copy"), "postgres", null);
            Flyway.configure().dataSource(source.jdbcUrl(), "postgres", null).locations("classpath:db/migration").load().migrate();
            copyEveryTable(testDatabase, source);
        }
        tools = Backups.toolsFor(Backups.serverMajor(source));
        backup = folder.resolve("dphub.dump");
        Backups.Contents contents = backups.backup(source, backup);
        assertThat(contents.tables()).contains("ledger_leg", "ledger_transaction", "dp_account", "flyway_schema_history", "audit_event");
        assertThat(contents.bytes()).isPositive();
        assertThat(Files.getPosixFilePermissions(backup)).as("it holds personal data: its owner's alone")
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @AfterAll
    void stop() throws Exception {
        if (standalone != null) {
            standalone.close();
        }
        try (var files = Files.walk(folder)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Test
    void aRestoredBackupHoldsEveryLedgerEntryAndBalance() throws Exception {
        Backups.Database fresh = freshDatabase("restored");
        backups.restore(backup, fresh, false);

        JdbcClient restored = client(fresh);
        JdbcClient original = client(testDatabase);
        String transactions = "SELECT * FROM ledger_transaction ORDER BY id";
        String legs = "SELECT * FROM ledger_leg ORDER BY transaction_id, leg";
        String balances = """
                SELECT a.id, a.council_id, a.citizen_id, coalesce(sum(l.amount_pence), 0) AS balance_pence
                FROM dp_account a LEFT JOIN ledger_leg l ON l.account_id = a.id AND l.book = 'ACCOUNT'
                GROUP BY a.id ORDER BY a.id""";
        List<Map<String, Object>> originalLegs = original.sql(legs).query().listOfRows();
        assertThat(originalLegs).as("the demo's ledger has entries to compare").hasSizeGreaterThan(100);
        assertThat(restored.sql(transactions).query().listOfRows()).isEqualTo(original.sql(transactions).query().listOfRows());
        assertThat(restored.sql(legs).query().listOfRows()).isEqualTo(originalLegs);
        List<Map<String, Object>> originalBalances = original.sql(balances).query().listOfRows();
        assertThat(originalBalances).anySatisfy(row -> assertThat(((Number) row.get("balance_pence")).longValue()).isPositive());
        assertThat(restored.sql(balances).query().listOfRows()).isEqualTo(originalBalances);
        // and the rest came too: people, accounts, schema history, the audit trail (which the
        // application's own background work may have added to since the backup)
        JdbcClient backedUp = client(source);
        for (String table : List.of("citizen", "app_user", "dp_account", "flyway_schema_history")) {
            assertThat(count(restored, table)).as(table).isEqualTo(count(backedUp, table)).isPositive();
        }
        assertThat(count(restored, "audit_event")).isPositive().isLessThanOrEqualTo(count(original, "audit_event"));
        // the ledger is still append-only after a restore: its triggers came with it
        assertThatThrownBy(() -> restored.sql("DELETE FROM ledger_leg").update()).hasMessageContaining("append-only");
    }

    /**
     * UK GDPR: a backup taken before someone's data was erased brings it back when restored. Replacing
     * the database in use with it names each erasure it undid, and the page to carry it out again;
     * someone who joined after the backup was taken, and was erased, is not named (nothing came back).
     */
    @Test
    void replacingADatabaseWithAnOlderBackupNamesTheErasuresItUndid() throws Exception {
        Http http = new Http(port);
        long eirlys = newPerson(http, "Eirlys");
        Backups.Database beforeTheErasure = copyOfTheTestDatabase("before_erasure");
        // a backup of a dphub from before the table of undone erasures: the restore makes it
        client(beforeTheErasure).sql("DROP TABLE personal_data_erasure_undone").update();
        Path older = folder.resolve("before-erasure.dump");
        backups.backup(beforeTheErasure, older);

        long gwenno = newPerson(http, "Gwenno"); // joined after the backup
        for (long citizenId : List.of(eirlys, gwenno)) {
            HttpResponse<String> erased = http.postJsonAs("dp-team@demo-england", Http.DEMO_PASSWORD, "/api/v1/citizens/" + citizenId + "/erasure", "");
            assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        }
        Backups.Database inUse = copyOfTheTestDatabase("in_use");
        assertThat(name(inUse, eirlys)).isEqualTo("Erased person");

        Backups.Restored restored = backups.restore(older, inUse, true);

        assertThat(name(inUse, eirlys)).as("the restore brought her name back").isEqualTo("Eirlys Restored");
        assertThat(restored.erasuresNotInBackup()).singleElement().satisfies(e -> {
            assertThat(e.whose()).isEqualTo("person");
            assertThat(e.id()).isEqualTo(Long.toString(eirlys));
            assertThat(e.council()).isEqualTo("demo-england");
            assertThat(e.carriedOutBy()).isEqualTo("dp-team@demo-england");
            assertThat(e.page()).isEqualTo("/citizens/" + eirlys + "/personal-data");
        });
        String erasedAt = client(testDatabase).sql("SELECT carried_out_at::text FROM personal_data_redaction WHERE citizen_id = ?")
                .param(eirlys).query(String.class).single();
        assertThat(client(inUse).sql("SELECT concat_ws(' ', whose, subject_id, (SELECT code FROM council c WHERE c.id = council_id),"
                        + " erased_at::text, erased_by, backup) FROM personal_data_erasure_undone").query(String.class).list())
                .as("written into the restored database for the DP team, her alone")
                .containsExactly(String.join(" ", "person", Long.toString(eirlys), "demo-england", erasedAt, "dp-team@demo-england",
                        "before-erasure.dump"));
        assertThat(BackupCommand.erasuresToCarryOutAgain(restored, true))
                .startsWith("1 erasure of personal data was made after this backup was taken")
                .contains("\nThe DP team must carry each out again")
                .contains("\n  person " + eirlys + " of demo-england, erased ")
                .contains(" by dp-team@demo-england: /citizens/" + eirlys + "/personal-data")
                .doesNotContain("/citizens/" + gwenno + "/");
        assertThat(BackupCommand.erasuresToCarryOutAgain(restored, false)).contains("audit trail (Erasures of personal data");
    }

    private long newPerson(Http http, String givenName) {
        HttpResponse<String> person = http.postJsonAs("practitioner@demo-england", Http.DEMO_PASSWORD, "/api/v1/citizens",
                "{\"givenName\": \"" + givenName + "\", \"familyName\": \"Restored\", \"dateOfBirth\": \"1950-02-01\", "
                        + "\"postcode\": \"SY3 8XX\", \"preferredLanguage\": \"en\"}");
        assertThat(person.statusCode()).as(person.body()).isEqualTo(201);
        return Long.parseLong(person.body().replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
    }

    private static String name(Backups.Database database, long citizenId) {
        return client(database).sql("SELECT given_name || ' ' || family_name FROM citizen WHERE id = ?").param(citizenId).query(String.class).single();
    }

    /** A new database on the backed-up server, made by the migrations, holding the test database as it is now. */
    private Backups.Database copyOfTheTestDatabase(String purpose) throws Exception {
        Backups.Database copy = freshDatabase(purpose);
        Flyway.configure().dataSource(copy.jdbcUrl(), "postgres", null).locations("classpath:db/migration").load().migrate();
        copyEveryTable(testDatabase, copy);
        return copy;
    }

    @Test
    void aFileThatIsNotADphubBackupIsRefusedAndNothingChanges() throws Exception {
        Backups.Database fresh = freshDatabase("refusing");

        Path text = folder.resolve("notes.dump");
        Files.writeString(text, "These are not the accounts you are looking for\n");
        assertThatThrownBy(() -> backups.restore(text, fresh, false)).isInstanceOf(Backups.Refused.class)
                .hasMessageContaining("is not a dphub backup").hasMessageContaining("Nothing was changed");

        Path truncated = folder.resolve("truncated.dump");
        try (InputStream in = Files.newInputStream(backup); OutputStream out = Files.newOutputStream(truncated)) {
            out.write(in.readNBytes(64));
        }
        assertThatThrownBy(() -> backups.restore(truncated, fresh, false)).isInstanceOf(Backups.Refused.class)
                .hasMessageContaining("is not a dphub backup");

        // a real PostgreSQL backup, of some other database
        Backups.Database other = freshDatabase("other");
        client(other).sql("CREATE TABLE invoice (id int PRIMARY KEY, total_pence bigint)").update();
        client(other).sql("INSERT INTO invoice VALUES (1, 500)").update();
        Path otherBackup = folder.resolve("other.dump");
        assertThatThrownBy(() -> backups.backup(other, otherBackup)).isInstanceOf(Backups.Refused.class)
                .hasMessageContaining("is not a dphub database");
        assertThat(otherBackup).doesNotExist();
        Process dump = new ProcessBuilder(tools.program("pg_dump").toString(), "--format=custom", "--file=" + otherBackup,
                "--dbname=" + Backups.libpqUri(other)).redirectErrorStream(true).start();
        assertThat(dump.waitFor()).isZero();
        assertThatThrownBy(() -> backups.restore(otherBackup, fresh, false)).isInstanceOf(Backups.Refused.class)
                .hasMessageContaining("not of dphub").hasMessageContaining("flyway_schema_history");

        assertThat(Backups.userTables(fresh)).as("nothing was restored").isEmpty();
    }

    @Test
    void aDatabaseThatIsNotEmptyIsRestoredIntoOnlyWhenReplacing() {
        Backups.Database used = freshDatabase("used");
        client(used).sql("CREATE TABLE something_else (id int)").update();
        client(used).sql("INSERT INTO something_else VALUES (42)").update();

        assertThatThrownBy(() -> backups.restore(backup, used, false)).isInstanceOf(Backups.Refused.class)
                .hasMessageContaining("is not empty").hasMessageContaining("something_else").hasMessageContaining("--replace");
        assertThat(Backups.userTables(used)).containsExactly("public.something_else");

        Backups.Restored replaced = backups.restore(backup, used, true);
        assertThat(replaced.erasuresNotInBackup()).as("it recorded no erasure").isEmpty();
        assertThat(BackupCommand.erasuresToCarryOutAgain(replaced, true)).isEqualTo("The restore undid no erasure of personal data: nothing to carry out again.");
        assertThat(Backups.userTables(used)).contains("public.ledger_leg").doesNotContain("public.something_else");
        assertThat(count(client(used), "ledger_leg")).isEqualTo(count(client(testDatabase), "ledger_leg"));
    }

    private Backups.Database freshDatabase(String purpose) {
        String name = purpose + "_" + System.nanoTime();
        String server = source.jdbcUrl().substring(0, source.jdbcUrl().lastIndexOf('/') + 1);
        createDatabase(server + "postgres", name);
        return new Backups.Database(server + name, "postgres", null);
    }

    private static void createDatabase(String maintenanceUrl, String name) {
        client(new Backups.Database(maintenanceUrl, "postgres", null)).sql("CREATE DATABASE " + name).update();
    }

    private static JdbcClient client(Backups.Database database) {
        try {
            return JdbcClient.create(new SingleConnectionDataSource(Backups.connect(database), true));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    /** Every table of the test database, row for row, into the copy (made by the same migrations). */
    private void copyEveryTable(Backups.Database from, Backups.Database to) throws Exception {
        try (Connection in = Backups.connect(from); Connection out = Backups.connect(to)) {
            List<String> tables = new ArrayList<>();
            try (Statement statement = in.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")) {
                while (rows.next()) {
                    tables.add("public.\"" + rows.getString(1) + "\"");
                }
            }
            out.setAutoCommit(false);
            try (Statement statement = out.createStatement()) {
                // as a replica does: no triggers (the ledger's append-only ones) and no foreign-key checks while loading
                statement.execute("SET session_replication_role = replica");
                statement.execute("TRUNCATE " + String.join(", ", tables));
            }
            for (String table : tables) {
                Path rows = Files.createTempFile(folder, "table-", ".copy");
                try (OutputStream file = Files.newOutputStream(rows)) {
                    in.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY " + table + " TO STDOUT", file);
                }
                try (InputStream file = Files.newInputStream(rows)) {
                    out.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY " + table + " FROM STDIN", file);
                }
                Files.delete(rows);
            }
            out.commit();
        }
    }
}
