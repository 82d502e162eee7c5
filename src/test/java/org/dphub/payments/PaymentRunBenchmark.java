package org.dphub.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.dphub.councils.Council;
import org.dphub.councils.CouncilSettings;
import org.dphub.councils.Councils;
import org.dphub.councils.Nation;
import org.dphub.identity.NewUserAccount;
import org.dphub.identity.UserAccounts;
import org.dphub.payments.internal.PaymentRunRepository;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bin/bench payment-run}: a national platform's payment run. Builds DPHUB_BENCH_SCALE
 * (default 250,000) active direct payments with their accounts, schedules and bank details in
 * SQL, then times the real thing — a finance officer starts the run, the background job selects
 * the payments, a second officer approves it (ledger posting and first payments) — the bank
 * file, and the same date run again. In the same run it times PostgreSQL {@code COPY} of the
 * same number of ledger rows into equivalent tables, and writes target/bench/payment-run.json.
 * Not a test (its name matches neither *Test nor *IT): bin/bench runs it on its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dphub.database.embedded.data-dir=",
        "dphub.demo-data=false",
        "dphub.payment-runs.nightly=-"})
class PaymentRunBenchmark {

    @Autowired
    Councils councils;
    @Autowired
    UserAccounts users;
    @Autowired
    PaymentRuns runs;
    @Autowired
    PaymentRunRepository runRows;
    @Autowired
    BankFiles bankFiles;
    @Autowired
    BankAccounts bankAccounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionTemplate transaction;

    static double seconds(long fromNanos) {
        return Math.round((System.nanoTime() - fromNanos) / 1e7) / 100.0;
    }

    long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void paymentRun() throws Exception {
        int scale = Integer.parseInt(System.getenv().getOrDefault("DPHUB_BENCH_SCALE", "250000"));
        LocalDate date = LocalDate.now();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", "payment-run");
        result.put("scale", scale);

        // --- the data: one council, scale people each with an active direct payment due today
        long t = System.nanoTime();
        Council council = councils.create("bench", "Bench County Council", "Cyngor Sir Mainc", Nation.ENGLAND,
                CouncilSettings.defaults(false));
        users.create(new NewUserAccount("finance@bench", "bench-password-2026", "Finance One", council.id(),
                EnumSet.of(Role.FINANCE), "en"));
        users.create(new NewUserAccount("finance2@bench", "bench-password-2026", "Finance Two", council.id(),
                EnumSet.of(Role.FINANCE), "en"));
        SignedInUser finance = users.findByUsername("finance@bench").orElseThrow();
        SignedInUser finance2 = users.findByUsername("finance2@bench").orElseThrow();
        bankAccounts.recordAtSetUp(council.id(), "COUNCIL_ACCOUNT", null, new BankDetails("Bench County Council", "601613", "38291046", null));
        bankAccounts.recordAtSetUp(council.id(), "CARD_PROVIDER", null, new BankDetails("Prepaid Card Services Ltd", "401276", "71839204", null));
        org.dphub.support.BulkDirectPayments.build(jdbc, council.id(), scale, date);
        providerCharges(council.id(), date, scale);
        result.put("buildSeconds", seconds(t));

        // --- the run: started, selected by the background job, approved by a second officer
        long ledgerRowsBefore = count("ledger_transaction") + count("ledger_leg");
        long start = System.nanoTime();
        PaymentRuns.Started started = runs.start(finance, date);
        long runId = started.run().id();
        PaymentRun run;
        do {
            Thread.sleep(50);
            run = runs.find(finance, runId).orElseThrow();
        } while (run.status() == PaymentRunStatus.RUNNING);
        double selectionSeconds = seconds(start);
        assertThat(run.status()).as(String.valueOf(run.failure())).isEqualTo(PaymentRunStatus.READY_FOR_APPROVAL);
        long approveStart = System.nanoTime();
        run = runs.approve(finance2, runId);
        double approvalSeconds = seconds(approveStart);
        double runSeconds = seconds(start);
        long ledgerRows = count("ledger_transaction") + count("ledger_leg") - ledgerRowsBefore;
        result.put("seconds", runSeconds);
        result.put("selectionSeconds", selectionSeconds);
        result.put("approvalSeconds", approvalSeconds);
        result.put("paymentsCount", run.paymentsCount());
        result.put("totalPence", run.total().pence());
        result.put("exceptionsCount", run.exceptionsCount());
        result.put("firstPayments", jdbc.sql("SELECT count(*) FROM direct_payment WHERE first_payment_date = :d")
                .param("d", date).query(Long.class).single());
        result.put("ledgerRows", ledgerRows);
        result.put("providerCharges", jdbc.sql("SELECT count(*) FROM provider_charge WHERE council_id = :c")
                .param("c", council.id()).query(Long.class).single());
        result.put("providerPayouts", runRows.providerPayouts(runId).size());
        result.put("providerPayoutsPence", runRows.providerPayouts(runId).stream().mapToLong(p -> p.amount().pence()).sum());
        result.put("providerExceptions", runRows.providerExceptions(runId).size());

        // --- the baseline: COPY of the same number of ledger rows into equivalent tables
        long firstAccount = jdbc.sql("SELECT min(id) FROM dp_account WHERE council_id = :c").param("c", council.id())
                .query(Long.class).single();
        double[] baseline = copyBaseline(run.paymentsCount(), council.id(), firstAccount);
        result.put("baselineSeconds", baseline[0]);
        result.put("baselineRows", run.paymentsCount() * 3L);
        result.put("bareCopySeconds", baseline[1]);

        // --- the bank file, written to disk, then checked against the ISO 20022 schema (not timed)
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        Path file = out.resolve("payment-run.pain.001.xml");
        long fileStart = System.nanoTime();
        BankFiles.Ready ready = bankFiles.ready(finance, runId);
        try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            bankFiles.writePain001(ready, stream);
        }
        result.put("bankFileSeconds", seconds(fileStart));
        result.put("bankFileBytes", Files.size(file));
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(Path.of(System.getProperty("dphub.shared.dir", "../shared"), "reference", "iso20022", "pain.001.001.03.xsd").toFile())
                .newValidator().validate(new StreamSource(file.toFile()));
        result.put("bankFileValid", true);

        // --- the same date again: the same run, and a full selection pass (what a restart does) adds nothing
        long rowsBefore = count("payment") + count("ledger_transaction") + count("ledger_leg");
        long rerunStart = System.nanoTime();
        PaymentRuns.Started again = runs.start(finance2, date);
        assertThat(again.created()).isFalse();
        assertThat(again.run().id()).isEqualTo(runId);
        long[] range = runRows.accountIdRange(council.id());
        long payoutsBefore = count("provider_payout");
        int reselected = transaction.execute(status -> {
            int rows = runRows.selectDuePayments(runId, council.id(), date, range[0], range[1])
                    + runRows.selectOneOffs(runId, council.id(), date);
            runRows.selectProviderPayouts(runId, council.id(), date);
            return rows;
        }) + (int) (count("provider_payout") - payoutsBefore);
        result.put("rerunSeconds", seconds(rerunStart));
        result.put("rerunNewRows", reselected + count("payment") + count("ledger_transaction") + count("ledger_leg") - rowsBefore);

        result.put("targets", Map.of("seconds", 60, "baselineMultiple", 3, "bankFileSeconds", 15, "rerunSeconds", 5,
                "rerunNewRows", 0));
        double multiple = runSeconds / Math.max(0.01, (double) result.get("baselineSeconds"));
        result.put("baselineMultiple", Math.round(multiple * 100) / 100.0);
        result.put("machine", Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version());
        Files.writeString(out.resolve("payment-run.json"), JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                .writeValueAsString(result));
        System.out.println("BENCH payment-run " + result);
        assertThat(run.paymentsCount()).isGreaterThan(0);
    }

    /**
     * Issue 15: one account in ten (scale / 10, spread over the open ones) also pays a provider this period (a charge agreed on the
     * run date, already spending on the ledger as ProviderPayments.charge leaves it), spread over
     * 1,000 providers; one provider in fifty has not given its bank details (exceptions: the run
     * still takes those charges off the people's payments, and the council holds the money). The
     * run nets every charge off its account's payment (netProviderCharges), so the benchmark
     * measures that too.
     */
    void providerCharges(long councilId, LocalDate date, int scale) {
        String org = "CAST('00000000-0000-4000-8000-' || lpad(to_hex(%s), 12, '0') AS uuid)";
        jdbc.sql("""
                        INSERT INTO bank_details (council_id, purpose, organization_id, account_name, sort_code, account_number, recorded_by)
                        SELECT :c, 'PROVIDER', %s, 'Provider ' || g, '404784', lpad(CAST(70000000 + g AS text), 8, '0'), 'set-up'
                        FROM generate_series(1, 1000) g WHERE g %% 50 <> 0""".formatted(org.formatted("g")))
                .param("c", councilId).update();
        jdbc.sql("""
                        INSERT INTO provider_charge (council_id, idempotency_key, account_id, organization_id, organization_name,
                            amount_pence, charged_on, description, remittance_reference, created_by)
                        SELECT :c, 'bench:' || a.id, a.id, %s, 'Provider ' || (1 + (a.n / 9) %% 1000), 1500 + a.id %% 500, :d,
                               'Weekly class', 'INV-' || a.id, 'set-up'
                        FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM dp_account
                              WHERE council_id = :c AND status = 'OPEN') a
                        WHERE a.n %% 9 = 0 ORDER BY a.n LIMIT :tenth"""
                        .formatted(org.formatted("1 + (a.n / 9) % 1000")))
                .param("c", councilId).param("d", date).param("tenth", scale / 10).update();
        jdbc.sql("""
                        WITH tx AS (
                            INSERT INTO ledger_transaction (council_id, idempotency_key, kind, posted_on, description, created_by)
                            SELECT c.council_id, 'provider-charge:' || c.idempotency_key, 'SPENDING', c.charged_on,
                                   'Paid to ' || c.organization_name || ': ' || c.description, 'set-up'
                            FROM provider_charge c WHERE c.council_id = :c RETURNING id, idempotency_key)
                        INSERT INTO ledger_leg (transaction_id, leg, book, account_id, amount_pence)
                        SELECT tx.id, 1, 'ACCOUNT', c.account_id, -c.amount_pence
                        FROM tx JOIN provider_charge c ON 'provider-charge:' || c.idempotency_key = tx.idempotency_key
                        UNION ALL
                        SELECT tx.id, 2, 'SPENDING', c.account_id, c.amount_pence
                        FROM tx JOIN provider_charge c ON 'provider-charge:' || c.idempotency_key = tx.idempotency_key""")
                .param("c", councilId).update();
    }

    /**
     * COPY of as many ledger transactions (two legs each) into tables equivalent to the ledger's:
     * the same columns, checks, keys and indexes, the same foreign keys and the same double-entry
     * check. Also returns the time of the same COPY into bare tables (no keys to check), reported
     * alongside.
     */
    double[] copyBaseline(int transactions, long councilId, long firstAccountId) throws Exception {
        jdbc.sql("CREATE TABLE bench_transaction (LIKE ledger_transaction INCLUDING ALL)").update();
        jdbc.sql("ALTER TABLE bench_transaction ADD FOREIGN KEY (council_id) REFERENCES council (id)").update();
        jdbc.sql("CREATE TABLE bench_leg (LIKE ledger_leg INCLUDING ALL)").update();
        jdbc.sql("ALTER TABLE bench_leg ADD FOREIGN KEY (transaction_id) REFERENCES bench_transaction (id)").update();
        jdbc.sql("ALTER TABLE bench_leg ADD FOREIGN KEY (account_id) REFERENCES dp_account (id)").update();
        jdbc.sql("""
                        CREATE FUNCTION bench_transactions_balance() RETURNS trigger LANGUAGE plpgsql AS $$
                        DECLARE
                            unbalanced RECORD;
                        BEGIN
                            SELECT l.transaction_id, sum(l.amount_pence) AS total INTO unbalanced
                            FROM bench_leg l WHERE l.transaction_id IN (SELECT DISTINCT n.transaction_id FROM new_legs n)
                            GROUP BY l.transaction_id HAVING sum(l.amount_pence) <> 0 LIMIT 1;
                            IF FOUND THEN
                                RAISE EXCEPTION 'bench transaction % does not balance', unbalanced.transaction_id;
                            END IF;
                            RETURN NULL;
                        END;
                        $$""").update();
        jdbc.sql("""
                        CREATE TRIGGER bench_leg_balanced AFTER INSERT ON bench_leg REFERENCING NEW TABLE AS new_legs
                        FOR EACH STATEMENT EXECUTE FUNCTION bench_transactions_balance()""").update();
        jdbc.sql("CREATE TABLE bare_transaction (LIKE ledger_transaction INCLUDING DEFAULTS)").update();
        jdbc.sql("CREATE TABLE bare_leg (LIKE ledger_leg INCLUDING DEFAULTS)").update();
        StringBuilder tx = new StringBuilder(transactions * 80);
        StringBuilder legs = new StringBuilder(transactions * 40);
        for (int i = 1; i <= transactions; i++) {
            tx.append(i).append('\t').append(councilId).append("\tschedule:").append(i).append(":1\tFUNDING\t2026-11-23\t")
                    .append("Direct payment for the period from 23 November 2026\tfinance2@bench\n");
            legs.append(i).append("\t1\tCOUNCIL\t\\N\t-10000\n").append(i).append("\t2\tACCOUNT\t").append(firstAccountId + i - 1)
                    .append("\t10000\n");
        }
        double equivalent;
        double bare;
        try (Connection connection = dataSource.getConnection()) {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long start = System.nanoTime();
            copy.copyIn("COPY bench_transaction (id, council_id, idempotency_key, kind, posted_on, description, created_by) FROM STDIN",
                    new StringReader(tx.toString()));
            copy.copyIn("COPY bench_leg (transaction_id, leg, book, account_id, amount_pence) FROM STDIN", new StringReader(legs.toString()));
            equivalent = seconds(start);
            start = System.nanoTime();
            copy.copyIn("COPY bare_transaction (id, council_id, idempotency_key, kind, posted_on, description, created_by) FROM STDIN",
                    new StringReader(tx.toString()));
            copy.copyIn("COPY bare_leg (transaction_id, leg, book, account_id, amount_pence) FROM STDIN", new StringReader(legs.toString()));
            bare = seconds(start);
        }
        return new double[] {equivalent, bare};
    }
}
