package org.dphub.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.dphub.councils.Council;
import org.dphub.councils.CouncilSettings;
import org.dphub.councils.Councils;
import org.dphub.councils.Nation;
import org.dphub.identity.NewUserAccount;
import org.dphub.identity.UserAccounts;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.support.BulkDirectPayments;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bin/bench transaction-import}: a provider's CSV of DPHUB_BENCH_SCALE (default 1,000,000)
 * lines across 10,000 accounts imported through the service a finance officer uses, then the same
 * file again (all duplicates), against PostgreSQL {@code COPY} of the same file into a plain table
 * in the same run. Every line also reaches the ledger in the same transaction (the first line of
 * each account is the council's payment, which is matched; the rest are posted). Writes
 * target/bench/transaction-import.json. Not a test: bin/bench runs it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dphub.database.embedded.data-dir=",
        "dphub.demo-data=false",
        "dphub.payment-runs.nightly=-"})
class TransactionImportBenchmark {

    static final int ACCOUNTS = 10_000;

    @Autowired
    Councils councils;
    @Autowired
    UserAccounts users;
    @Autowired
    TransactionImports imports;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    static double seconds(long fromNanos) {
        return Math.round((System.nanoTime() - fromNanos) / 1e7) / 100.0;
    }

    @Test
    void transactionImport() throws Exception {
        int scale = Integer.parseInt(System.getenv().getOrDefault("DPHUB_BENCH_SCALE", "1000000"));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", "transaction-import");
        result.put("scale", scale);
        result.put("accounts", ACCOUNTS);

        Council council = councils.create("bench", "Bench County Council", "Cyngor Sir Mainc", Nation.ENGLAND,
                CouncilSettings.defaults(false));
        users.create(new NewUserAccount("finance@bench", "bench-password-2026", "Finance", council.id(), EnumSet.of(Role.FINANCE), "en"));
        SignedInUser finance = users.findByUsername("finance@bench").orElseThrow();
        BulkDirectPayments.build(jdbc, council.id(), ACCOUNTS, LocalDate.now());
        long first = jdbc.sql("SELECT min(id) FROM dp_account WHERE council_id = :c").param("c", council.id()).query(Long.class).single();

        // the council's own payment into each account that has had one: the first line of each account
        // in the file is that payment as the provider shows it, so the import matches 10,000 lines too
        Map<Long, long[]> councilPayments = new java.util.HashMap<>();
        jdbc.sql("""
                        SELECT l.account_id, l.amount_pence, t.posted_on - DATE '2000-01-01' FROM ledger_transaction t
                        JOIN ledger_leg l ON l.transaction_id = t.id AND l.book = 'ACCOUNT'
                        WHERE t.council_id = :c AND t.kind = 'FUNDING'""").param("c", council.id())
                .query((rs, row) -> councilPayments.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)})).list();

        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        Path file = out.resolve("transactions.csv");
        LocalDate start = LocalDate.of(2026, 1, 1);
        try (BufferedWriter writer = Files.newBufferedWriter(file)) {
            writer.write("account,date,description,amount,transaction_id\n");
            for (int i = 0; i < scale; i++) {
                long account = first + i % ACCOUNTS;
                long[] payment = i < ACCOUNTS ? councilPayments.get(account) : null;
                if (payment != null) {
                    writer.write("DPHUB " + account + "," + LocalDate.of(2000, 1, 1).plusDays(payment[1]).plusDays(1)
                            + ",Direct payment from Bench County Council," + payment[0] / 100 + "." + String.format("%02d", payment[0] % 100)
                            + ",TX" + i + "\n");
                    continue;
                }
                writer.write((i % 2 == 0 ? "DPHUB " : "") + account + "," + start.plusDays((i / ACCOUNTS) % 330) + ",\"Card payment, shop "
                        + (i % 997) + "\"," + (i % 5 == 0 ? "" : "-") + (1 + i % 200) + "." + String.format("%02d", i % 100) + ",TX" + i + "\n");
            }
        }
        result.put("fileBytes", Files.size(file));

        long t = System.nanoTime();
        TransactionImports.Result first1;
        try (InputStream in = Files.newInputStream(file)) {
            first1 = imports.importProviderFile(finance, StatementFormat.CSV, null, file.getFileName().toString(), in);
        }
        result.put("seconds", seconds(t));
        result.put("imported", first1.imported());
        result.put("ledgerPosted", jdbc.sql("SELECT count(*) FROM ledger_transaction WHERE council_id = :c AND idempotency_key LIKE 'statement:%'")
                .param("c", council.id()).query(Long.class).single());
        result.put("ledgerMatched", jdbc.sql("SELECT count(*) FROM ledger_statement_match WHERE council_id = :c")
                .param("c", council.id()).query(Long.class).single());
        assertThat((long) result.get("ledgerPosted") + (long) result.get("ledgerMatched")).as("every line posted or matched")
                .isEqualTo(scale);
        result.put("duplicates", first1.duplicates());
        assertThat(first1.imported()).isEqualTo(scale);

        t = System.nanoTime();
        try (Connection connection = dataSource.getConnection(); Reader reader = Files.newBufferedReader(file)) {
            connection.createStatement().execute("CREATE TABLE bench_plain (account TEXT, date TEXT, description TEXT, amount TEXT, transaction_id TEXT)");
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY bench_plain FROM STDIN (FORMAT csv, HEADER true)", reader);
        }
        result.put("baselineSeconds", seconds(t));

        // for context: the same rows by COPY into a table equivalent to the real one (its unique
        // indexes for duplicates and its account key), which is what the import has to write
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("CREATE TABLE bench_equivalent (LIKE account_transaction INCLUDING ALL)");
            connection.createStatement().execute("ALTER TABLE bench_equivalent ADD FOREIGN KEY (account_id) REFERENCES dp_account (id)");
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            java.io.ByteArrayOutputStream rowsOut = new java.io.ByteArrayOutputStream();
            copy.copyOut("COPY (SELECT council_id, account_id, import_id, booked_on, description, amount_pence, transaction_id "
                    + "FROM account_transaction) TO STDOUT", rowsOut);
            t = System.nanoTime();
            copy.copyIn("COPY bench_equivalent (council_id, account_id, import_id, booked_on, description, amount_pence, transaction_id) "
                    + "FROM STDIN", new java.io.ByteArrayInputStream(rowsOut.toByteArray()));
            result.put("equivalentCopySeconds", seconds(t));
        }

        long rows = jdbc.sql("SELECT count(*) FROM account_transaction").query(Long.class).single();
        long ledgerRows = jdbc.sql("SELECT count(*) FROM ledger_transaction").query(Long.class).single();
        t = System.nanoTime();
        TransactionImports.Result again;
        try (InputStream in = Files.newInputStream(file)) {
            again = imports.importProviderFile(finance, StatementFormat.CSV, null, file.getFileName().toString(), in);
        }
        result.put("reimportSeconds", seconds(t));
        result.put("reimportDuplicates", again.duplicates());
        result.put("reimportNewRows", jdbc.sql("SELECT count(*) FROM account_transaction").query(Long.class).single() - rows);
        result.put("reimportNewLedgerRows", jdbc.sql("SELECT count(*) FROM ledger_transaction").query(Long.class).single() - ledgerRows);
        result.put("baselineMultiple", Math.round((double) result.get("seconds") / Math.max(0.01, (double) result.get("baselineSeconds"))
                * 100) / 100.0);
        result.put("equivalentMultiple", Math.round((double) result.get("seconds")
                / Math.max(0.01, (double) result.get("equivalentCopySeconds")) * 100) / 100.0);
        result.put("targets", Map.of("seconds", 60, "baselineMultiple", 3, "reimportSeconds", 60, "reimportNewRows", 0,
                "reimportNewLedgerRows", 0));
        result.put("machine", Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version());
        Files.writeString(out.resolve("transaction-import.json"), JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                .writeValueAsString(result));
        System.out.println("BENCH transaction-import " + result);
        Files.deleteIfExists(file);
    }
}
