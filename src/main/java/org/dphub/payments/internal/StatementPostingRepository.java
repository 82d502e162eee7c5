package org.dphub.payments.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.dphub.payments.LedgerEntry;
import org.dphub.shared.Money;
import org.dphub.shared.database.Read;
import org.dphub.shared.database.Reads;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * Statement lines into the ledger, set-based: the lines are copied into a temporary table of this
 * module's own ({@code ledger_statement_input}), matched to what the ledger already holds in two
 * statements, and the rest posted in one (transactions and both legs of each together, so the
 * database's double-entry check sees every transaction whole). All in the caller's transaction.
 */
@Repository
public class StatementPostingRepository {

    /** What a line was matched to instead of being posted. */
    public enum MatchedAs {
        FUNDING, PAYROLL, RECOVERY
    }

    /** Money in: the council's payment, dated up to this many days either side of the line. */
    public static final int FUNDING_DAYS = 5;
    /** Money out: payroll or a recovery the ledger holds; the line up to 3 days before its date or 60 days after it. */
    public static final int PAID_EARLY_DAYS = 3;
    public static final int PAID_LATE_DAYS = 60;

    static final String PAYROLL_KEYS = """
            (t.idempotency_key LIKE 'payslip:%:net' OR t.idempotency_key LIKE 'payroll-run:%:hmrc'
             OR t.idempotency_key LIKE 'payroll-run:%:pension')""";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Reads reads;

    StatementPostingRepository(JdbcClient jdbc, DataSource dataSource, Reads reads) {
        this.reads = reads;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** Creates (or empties) this transaction's input table. */
    public void prepare() {
        jdbc.sql("""
                        CREATE TEMP TABLE IF NOT EXISTS ledger_statement_input (line_id BIGINT, account_id BIGINT, booked_on DATE,
                            amount_pence BIGINT, description TEXT) ON COMMIT DROP""").update();
        jdbc.sql("TRUNCATE ledger_statement_input").update();
    }

    /**
     * Copies a chunk of lines already written in COPY's text format. Each chunk is its own COPY, so
     * the caller may read from the database between chunks on the same connection.
     */
    public void copy(StringBuilder rows) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                    "COPY ledger_statement_input (line_id, account_id, booked_on, amount_pence, description) FROM STDIN");
            byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            copy.endCopy();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not stage the statement lines for the ledger", e);
        }
    }

    /** The first line whose account is not one of the council's, if any. */
    public java.util.Optional<Long> lineOnAnotherCouncilsAccount(long councilId) {
        jdbc.sql("ANALYZE ledger_statement_input").update(); // temporary tables are never analysed by themselves
        return jdbc.sql("""
                        SELECT min(s.line_id) FROM ledger_statement_input s
                        WHERE NOT EXISTS (SELECT 1 FROM dp_account a WHERE a.id = s.account_id AND a.council_id = :c)""")
                .param("c", councilId).query(Long.class).optional();
    }

    /**
     * Pairs lines with ledger transactions of the same account and amount that no line has matched
     * yet, each at most once: within each account and amount, lines in date order each take the
     * earliest transaction still free whose date is close enough (for intervals of one length this
     * greedy choice pairs as many as can be paired, so a statement with a line missing still
     * matches all the others). Only lines with a candidate are read; the rest never leave the database.
     */
    public Map<MatchedAs, Integer> match(long councilId) {
        Map<MatchedAs, Integer> matched = new EnumMap<>(MatchedAs.class);
        for (MatchedAs as : MatchedAs.values()) {
            matched.put(as, 0);
        }
        List<long[]> pairs = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        // money in: the council's own payment (its FUNDING transaction, or a refund of a charge to a
        // provider paid back by a run); a payment the run took charges off arrives as what was left
        pair(pairs, kinds, "s.amount_pence > 0", "(t.kind = 'FUNDING' OR t.idempotency_key LIKE 'provider-refund:%')"
                + " AND NOT EXISTS (SELECT 1 FROM payment n WHERE n.idempotency_key = t.idempotency_key AND n.netted_pence > 0)",
                FUNDING_DAYS, FUNDING_DAYS);
        pair(pairs, kinds, NETTED, "s.amount_pence > 0", "t.kind = 'FUNDING'", FUNDING_DAYS, FUNDING_DAYS);
        // money out: payroll the ledger already holds from dphub, or a recovery of money left over
        pair(pairs, kinds, "s.amount_pence < 0", "((t.kind = 'SPENDING' AND " + PAYROLL_KEYS + ") OR t.kind = 'RECOVERY')",
                PAID_EARLY_DAYS, PAID_LATE_DAYS);
        for (int from = 0; from < pairs.size(); from += 10_000) {
            List<long[]> chunk = pairs.subList(from, Math.min(pairs.size(), from + 10_000));
            List<String> chunkKinds = kinds.subList(from, Math.min(kinds.size(), from + 10_000));
            jdbc.sql("""
                            INSERT INTO ledger_statement_match (statement_line_id, transaction_id, council_id, account_id, matched_as)
                            SELECT m.line, m.tx, :council, m.account, m.kind
                            FROM unnest(CAST(:lines AS bigint[]), CAST(:txs AS bigint[]), CAST(:accounts AS bigint[]), CAST(:kinds AS text[]))
                                 AS m (line, tx, account, kind)
                            ON CONFLICT DO NOTHING
                            RETURNING matched_as""")
                    .param("council", councilId)
                    // arrays as PostgreSQL array literals: numbers and the three kinds' names need no quoting
                    .param("lines", array(chunk.stream().map(p -> Long.toString(p[0])).toList()))
                    .param("txs", array(chunk.stream().map(p -> Long.toString(p[1])).toList()))
                    .param("accounts", array(chunk.stream().map(p -> Long.toString(p[2])).toList()))
                    .param("kinds", array(chunkKinds))
                    .query(String.class).list()
                    .forEach(as -> matched.merge(MatchedAs.valueOf(as), 1, Integer::sum));
        }
        return matched;
    }

    private static String array(List<String> values) {
        return "{" + String.join(",", values) + "}";
    }

    /** A statement line and the ledger transaction of the same account and amount. */
    private static final String SAME_AMOUNT = """
            JOIN ledger_leg l ON l.account_id = s.account_id AND l.book = 'ACCOUNT' AND l.amount_pence = s.amount_pence
            JOIN ledger_transaction t ON t.id = l.transaction_id""";

    /** A statement line and the council payment a run paid net of charges to providers (issue 15). */
    private static final String NETTED = """
            JOIN payment n ON n.account_id = s.account_id AND n.netted_pence > 0 AND n.amount_pence - n.netted_pence = s.amount_pence
            JOIN ledger_transaction t ON t.idempotency_key = n.idempotency_key""";

    private void pair(List<long[]> pairs, List<String> kinds, String lines, String held, int lineBefore, int lineAfter) {
        pair(pairs, kinds, SAME_AMOUNT, lines, held, lineBefore, lineAfter);
    }

    /** lineBefore: how many days before the transaction's date a line may be; lineAfter: after it. */
    private void pair(List<long[]> pairs, List<String> kinds, String join, String lines, String held, int lineBefore,
                      int lineAfter) {
        Set<Long> taken = new HashSet<>();
        long[] line = {-1};
        boolean[] done = {false};
        jdbc.sql("""
                        SELECT s.line_id, s.account_id, t.id, t.kind, t.idempotency_key
                        FROM ledger_statement_input s
                        %s
                        WHERE %s AND %s
                          AND s.booked_on BETWEEN t.posted_on - :before AND t.posted_on + :after
                          AND NOT EXISTS (SELECT 1 FROM ledger_statement_match m WHERE m.statement_line_id = s.line_id)
                          AND NOT EXISTS (SELECT 1 FROM ledger_statement_match m WHERE m.transaction_id = t.id)
                        ORDER BY s.account_id, s.amount_pence, s.booked_on, s.line_id, t.posted_on, t.id""".formatted(join, lines, held))
                .param("before", lineBefore).param("after", lineAfter)
                .query(rs -> {
                    long lineId = rs.getLong(1);
                    if (lineId != line[0]) {
                        line[0] = lineId;
                        done[0] = false;
                    }
                    long tx = rs.getLong(3);
                    if (!done[0] && taken.add(tx)) {
                        pairs.add(new long[] {lineId, tx, rs.getLong(2)});
                        kinds.add(switch (rs.getString(4)) {
                            case "FUNDING" -> "FUNDING";
                            case "SPENDING" -> rs.getString(5).startsWith("provider-refund:") ? "FUNDING" : "PAYROLL";
                            case "RECOVERY" -> "RECOVERY";
                            default -> "PAYROLL";
                        });
                        done[0] = true;
                    }
                });
    }

    /** What was posted: money out as spending, money in from outside. */
    public record Posted(int spending, long spendingPence, int moneyIn, long moneyInPence) {
    }

    /**
     * Posts every line not matched: money out as SPENDING (the account down, the spending book up),
     * money in as MONEY_IN (the account up, the spending book down), each once by its key.
     */
    public Posted postUnmatched(long councilId, String postedBy) {
        return jdbc.sql("""
                        WITH tx AS (
                            INSERT INTO ledger_transaction (council_id, idempotency_key, kind, posted_on, description, created_by)
                            SELECT :council, 'statement:' || s.line_id, CASE WHEN s.amount_pence < 0 THEN 'SPENDING' ELSE 'MONEY_IN' END,
                                   s.booked_on, s.description, :by
                            FROM ledger_statement_input s
                            WHERE NOT EXISTS (SELECT 1 FROM ledger_statement_match m WHERE m.statement_line_id = s.line_id)
                            ON CONFLICT (idempotency_key) DO NOTHING
                            RETURNING id, idempotency_key),
                        legs AS (
                            INSERT INTO ledger_leg (transaction_id, leg, book, account_id, amount_pence)
                            SELECT tx.id, v.leg, v.book, s.account_id, CASE WHEN v.leg = 1 THEN s.amount_pence ELSE -s.amount_pence END
                            FROM tx JOIN ledger_statement_input s ON 'statement:' || s.line_id = tx.idempotency_key
                            CROSS JOIN (VALUES (1, 'ACCOUNT'), (2, 'SPENDING')) AS v (leg, book)
                            RETURNING leg, amount_pence)
                        SELECT count(*) FILTER (WHERE amount_pence < 0), coalesce(-sum(amount_pence) FILTER (WHERE amount_pence < 0), 0),
                               count(*) FILTER (WHERE amount_pence > 0), coalesce(sum(amount_pence) FILTER (WHERE amount_pence > 0), 0)
                        FROM legs WHERE leg = 1""")
                .param("council", councilId).param("by", postedBy)
                .query((rs, row) -> new Posted(rs.getInt(1), rs.getLong(2), rs.getInt(3), rs.getLong(4))).single();
    }

    /** Payroll spending on the account that no statement line has been matched to yet, newest first. */
    public List<LedgerEntry> payrollNotOnAStatement(long accountId) {
        return reads.get(payrollNotOnAStatementRead(accountId));
    }

    private record PayrollNotOnAStatement(long accountId) {
    }

    public Read<List<LedgerEntry>> payrollNotOnAStatementRead(long accountId) {
        return Read.list(new PayrollNotOnAStatement(accountId), """
                        SELECT t.id, t.posted_on, t.kind, t.description, l.amount_pence, b.description AS budget_line,
                               t.idempotency_key
                        FROM ledger_leg l JOIN ledger_transaction t ON t.id = l.transaction_id
                        LEFT JOIN plan_budget_line b ON b.plan_version_id = t.plan_version_id AND b.position = t.budget_line_position
                        WHERE l.book = 'ACCOUNT' AND l.account_id = :account AND t.kind = 'SPENDING' AND """ + PAYROLL_KEYS + """
                          AND NOT EXISTS (SELECT 1 FROM ledger_statement_match m WHERE m.transaction_id = t.id)
                        ORDER BY t.posted_on DESC, t.id DESC""", Map.of("account", accountId), LedgerRepository::entry);
    }

    /** Whether any statement line of the account has reached the ledger (posted or matched). */
    public boolean anyStatementLine(long accountId) {
        return reads.get(anyStatementLineRead(accountId));
    }

    private record AnyStatementLine(long accountId) {
    }

    public Read<Boolean> anyStatementLineRead(long accountId) {
        return new Read<>(new AnyStatementLine(accountId), """
                        SELECT EXISTS (SELECT 1 FROM ledger_statement_match m WHERE m.account_id = :account)
                            OR EXISTS (SELECT 1 FROM ledger_leg l JOIN ledger_transaction t ON t.id = l.transaction_id
                                       WHERE l.book = 'ACCOUNT' AND l.account_id = :account AND t.idempotency_key LIKE 'statement:%')""",
                Map.of("account", accountId), rs -> rs.next() && rs.getBoolean(1));
    }
}
