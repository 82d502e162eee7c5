package org.dphub.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.dphub.identity.UserAccounts;
import org.dphub.payments.Ledger;
import org.dphub.payments.Posting;
import org.dphub.people.Citizens;
import org.dphub.people.ContactPreference;
import org.dphub.people.NewCitizen;
import org.dphub.shared.Money;
import org.dphub.shared.Postcode;
import org.dphub.shared.SignedInUser;
import org.dphub.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContextManager;

/**
 * Random statements, some sent twice, against an account the council has paid six times (£40.00
 * a week) and whose payroll paid a PA four times (£25.00): every statement line is either posted
 * or matched, never both and never neither; a match always pairs equal money within its days; no
 * line is posted while a payment it could be is still unmatched; a line of any other amount is
 * always posted; the balance is the council's payments less payroll
 * plus every line not matched; a second import of the same file changes nothing; every
 * transaction balances.
 */
@IntegrationTest
class StatementLedgerPropertiesIT {

    static final long PAYMENT = 4_000;
    static final long NET_PAY = -2_500;

    /** A line {@code day} days after the first payment. */
    record Line(int day, long pence) {
    }

    @Autowired
    TransactionImports imports;
    @Autowired
    Ledger ledger;
    @Autowired
    Citizens citizens;
    @Autowired
    UserAccounts users;
    @Autowired
    JdbcClient jdbc;

    @BeforeProperty
    void spring() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this); // the same cached context as every other IT
    }

    @Provide
    Arbitrary<List<List<Line>>> statements() {
        Arbitrary<Long> amount = Arbitraries.oneOf(Arbitraries.just(PAYMENT), Arbitraries.just(NET_PAY),
                Arbitraries.longs().between(-6_000, -1), Arbitraries.longs().between(1, 3_000));
        Arbitrary<Line> line = Combinators.combine(Arbitraries.integers().between(-4, 42), amount).as(Line::new);
        return line.list().ofMinSize(1).ofMaxSize(8).list().ofMinSize(1).ofMaxSize(5);
    }

    @Property(tries = 12)
    void everyLineIsPostedOrMatchedOnceAndTheBalanceIsTheLedgersSum(@ForAll("statements") List<List<Line>> statements,
                                                                    @ForAll boolean sendTwice) {
        SignedInUser finance = users.findByUsername("finance@demo-england").orElseThrow();
        long council = finance.councilId();
        var citizen = citizens.create(new NewCitizen(council, null, "Statement", "Property", LocalDate.of(1970, 1, 1),
                Postcode.parse("SY1 1AA"), "en", ContactPreference.EMAIL, null, null, null));
        long account = jdbc.sql("""
                        INSERT INTO dp_account (council_id, citizen_id, type, status, opened_on)
                        VALUES (:c, :p, 'BANK_ACCOUNT', 'OPEN', current_date) RETURNING id""")
                .param("c", council).param("p", citizen.id()).query(Long.class).single();
        LocalDate first = LocalDate.now().minusDays(48);
        for (int week = 0; week < 6; week++) {
            ledger.post(Posting.funding(council, "property-statement:" + account + ":fund:" + week, account, Money.ofPence(PAYMENT),
                    first.plusWeeks(week), "Direct payment"));
        }
        for (int pay = 0; pay < 4; pay++) {
            ledger.post(Posting.spending(council, "payslip:" + (account * 10 + pay) + ":net", account, Money.ofPence(-NET_PAY),
                    first.plusDays(10L * pay), "Net pay"));
        }
        long paid = 6 * PAYMENT + 4 * NET_PAY;
        int n = 0;
        for (List<Line> statement : statements) {
            StringBuilder csv = new StringBuilder("date,description,amount,transaction_id\n");
            for (Line line : statement) {
                long abs = Math.abs(line.pence());
                csv.append(first.plusDays(line.day())).append(",Line ").append(++n).append(',').append(line.pence() < 0 ? "-" : "")
                        .append(abs / 100).append('.').append("%02d".formatted(abs % 100)).append(",P").append(n).append('\n');
            }
            byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
            TransactionImports.Result result = imports.importStatement(finance, account, StatementFormat.CSV, null, "p.csv",
                    new ByteArrayInputStream(file));
            assertThat(result.imported()).isEqualTo(statement.size());
            long ledgerRows = jdbc.sql("SELECT count(*) FROM ledger_leg WHERE account_id = :a").param("a", account).query(Long.class).single();
            if (sendTwice) {
                assertThat(imports.importStatement(finance, account, StatementFormat.CSV, null, "p.csv", new ByteArrayInputStream(file))
                        .imported()).isZero();
                assertThat(jdbc.sql("SELECT count(*) FROM ledger_leg WHERE account_id = :a").param("a", account).query(Long.class).single())
                        .as("a second import posts nothing").isEqualTo(ledgerRows);
            }

            assertThat(jdbc.sql("""
                            SELECT count(*) FROM account_transaction s WHERE s.account_id = :a
                            AND (CASE WHEN EXISTS (SELECT 1 FROM ledger_transaction t WHERE t.idempotency_key = 'statement:' || s.id) THEN 1 ELSE 0 END
                               + CASE WHEN EXISTS (SELECT 1 FROM ledger_statement_match m WHERE m.statement_line_id = s.id) THEN 1 ELSE 0 END) <> 1""")
                    .param("a", account).query(Long.class).single()).as("each line posted or matched, once").isZero();
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM ledger_statement_match m
                            JOIN account_transaction s ON s.id = m.statement_line_id
                            JOIN ledger_transaction t ON t.id = m.transaction_id
                            JOIN ledger_leg l ON l.transaction_id = t.id AND l.book = 'ACCOUNT'
                            WHERE m.account_id = :a AND NOT (l.account_id = s.account_id AND l.amount_pence = s.amount_pence
                              AND ((m.matched_as = 'FUNDING' AND s.booked_on BETWEEN t.posted_on - 5 AND t.posted_on + 5)
                                OR (m.matched_as = 'PAYROLL' AND s.booked_on BETWEEN t.posted_on - 3 AND t.posted_on + 60)))""")
                    .param("a", account).query(Long.class).single()).as("a match is the same money within its days").isZero();
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM ledger_statement_match m JOIN account_transaction s ON s.id = m.statement_line_id
                            WHERE m.account_id = :a AND s.amount_pence NOT IN (:payment, :pay)""")
                    .param("a", account).param("payment", PAYMENT).param("pay", NET_PAY).query(Long.class).single())
                    .as("only the council's payment and payroll are matched").isZero();
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM account_transaction s WHERE s.account_id = :a
                            AND NOT EXISTS (SELECT 1 FROM ledger_statement_match m WHERE m.statement_line_id = s.id)
                            AND EXISTS (SELECT 1 FROM ledger_transaction t JOIN ledger_leg l ON l.transaction_id = t.id AND l.book = 'ACCOUNT'
                                        WHERE l.account_id = s.account_id AND l.amount_pence = s.amount_pence
                                          AND NOT EXISTS (SELECT 1 FROM ledger_statement_match m WHERE m.transaction_id = t.id)
                                          AND ((t.kind = 'FUNDING' AND s.booked_on BETWEEN t.posted_on - 5 AND t.posted_on + 5)
                                            OR (t.idempotency_key LIKE 'payslip:%' AND s.booked_on BETWEEN t.posted_on - 3 AND t.posted_on + 60)))""")
                    .param("a", account).query(Long.class).single())
                    .as("no line is counted again while the payment it shows is still there to match").isZero();
            long notMatched = jdbc.sql("""
                            SELECT coalesce(sum(s.amount_pence), 0) FROM account_transaction s WHERE s.account_id = :a
                            AND NOT EXISTS (SELECT 1 FROM ledger_statement_match m WHERE m.statement_line_id = s.id)""")
                    .param("a", account).query(Long.class).single();
            assertThat(ledger.balance(account).pence()).isEqualTo(paid + notMatched);
            assertThat(jdbc.sql("""
                            SELECT count(*) FROM (SELECT l.transaction_id FROM ledger_leg l
                            WHERE l.transaction_id IN (SELECT transaction_id FROM ledger_leg WHERE account_id = :a)
                            GROUP BY l.transaction_id HAVING sum(l.amount_pence) <> 0) x""")
                    .param("a", account).query(Long.class).single()).as("every transaction balances").isZero();
        }
    }
}
