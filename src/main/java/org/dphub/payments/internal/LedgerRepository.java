package org.dphub.payments.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.dphub.payments.LedgerEntry;
import org.dphub.payments.LedgerKind;
import org.dphub.payments.Posting;
import org.dphub.shared.Money;
import org.dphub.shared.database.Read;
import org.dphub.shared.database.Reads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ledger tables: inserts only. */
@Repository
public class LedgerRepository {

    private final JdbcClient jdbc;
    private final Reads reads;

    LedgerRepository(JdbcClient jdbc, Reads reads) {
        this.jdbc = jdbc;
        this.reads = reads;
    }

    /** Inserts the transaction and its legs; false (and nothing written) if the key was used before. */
    public boolean insert(Posting posting, String createdBy) {
        Long id = jdbc.sql("""
                        INSERT INTO ledger_transaction (council_id, idempotency_key, kind, posted_on, description, created_by,
                                                        plan_version_id, budget_line_position)
                        VALUES (:council, :key, :kind, :on, :description, :by, CAST(:plan AS bigint), CAST(:line AS int))
                        ON CONFLICT (idempotency_key) DO NOTHING
                        RETURNING id""")
                .param("council", posting.councilId()).param("key", posting.idempotencyKey())
                .param("kind", posting.kind().name()).param("on", posting.postedOn())
                .param("description", posting.description()).param("by", createdBy)
                .param("plan", posting.budgetLine() == null ? null : posting.budgetLine().planVersionId())
                .param("line", posting.budgetLine() == null ? null : posting.budgetLine().position())
                .query(Long.class).optional().orElse(null);
        if (id == null) {
            return false;
        }
        // all legs in one statement: the database checks each statement leaves the transaction balanced
        StringBuilder values = new StringBuilder();
        var statement = new java.util.LinkedHashMap<String, Object>();
        statement.put("tx", id);
        for (int i = 0; i < posting.legs().size(); i++) {
            Posting.Leg leg = posting.legs().get(i);
            values.append(i == 0 ? "" : ", ").append("(:tx, ").append(i + 1).append(", :book").append(i)
                    .append(", CAST(:account").append(i).append(" AS bigint), :amount").append(i).append(")");
            statement.put("book" + i, leg.book().name());
            statement.put("account" + i, leg.accountId());
            statement.put("amount" + i, leg.amount().pence());
        }
        jdbc.sql("INSERT INTO ledger_leg (transaction_id, leg, book, account_id, amount_pence) VALUES " + values)
                .params(statement).update();
        return true;
    }

    /**
     * The day a transaction's money arrives (its posting date: for a payment run, the run's payment
     * date, which may be after the day it was approved), if it was posted.
     */
    public java.util.Optional<LocalDate> paidOn(String idempotencyKey) {
        return jdbc.sql("SELECT posted_on FROM ledger_transaction WHERE idempotency_key = :k")
                .param("k", idempotencyKey).query(LocalDate.class).optional();
    }

    public boolean exists(String idempotencyKey) {
        return jdbc.sql("SELECT count(*) FROM ledger_transaction WHERE idempotency_key = :key")
                .param("key", idempotencyKey).query(Long.class).single() > 0;
    }

    /** The account's balance: the sum of its ACCOUNT legs, always derived, never stored. */
    public Money balance(long accountId) {
        return Money.ofPence(jdbc.sql("""
                        SELECT coalesce(sum(amount_pence), 0) FROM ledger_leg WHERE book = 'ACCOUNT' AND account_id = :account""")
                .param("account", accountId).query(Long.class).single());
    }

    /**
     * The money in the account at the end of a day: its ACCOUNT legs posted on or before it. A
     * payment approved for a later date is not in it until that day (issue 14): it is on its way.
     */
    public Money balanceOn(long accountId, LocalDate day) {
        return Money.ofPence(jdbc.sql("""
                        SELECT coalesce(sum(l.amount_pence), 0) FROM ledger_leg l JOIN ledger_transaction t ON t.id = l.transaction_id
                        WHERE l.book = 'ACCOUNT' AND l.account_id = :account AND t.posted_on <= :day""")
                .param("account", accountId).param("day", day).query(Long.class).single());
    }

    public List<LedgerEntry> entries(long accountId) {
        return reads.get(entriesRead(accountId));
    }

    private record EntriesOf(long accountId) {
    }

    /** Every movement of the account, oldest first ({@link #entries}), as a read to send with others ("Your money"). */
    public Read<List<LedgerEntry>> entriesRead(long accountId) {
        return Read.list(new EntriesOf(accountId), """
                        SELECT t.id, t.posted_on, t.kind, t.description, l.amount_pence, b.description AS budget_line,
                               t.idempotency_key
                        FROM ledger_leg l JOIN ledger_transaction t ON t.id = l.transaction_id
                        LEFT JOIN plan_budget_line b ON b.plan_version_id = t.plan_version_id AND b.position = t.budget_line_position
                        WHERE l.book = 'ACCOUNT' AND l.account_id = :account
                        ORDER BY t.posted_on, t.id""", Map.of("account", accountId), LedgerRepository::entry)
                .planOnce(); // by account: the same plan for any (docs/PERFORMANCE.md, "Plans made once")
    }

    /** A movement as the account's holder sees it: the leg's amount, with its transaction's day, kind and words. */
    static LedgerEntry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new LedgerEntry(rs.getLong("id"), rs.getObject("posted_on", LocalDate.class),
                LedgerKind.valueOf(rs.getString("kind")), Money.ofPence(rs.getLong("amount_pence")),
                rs.getString("description"), rs.getString("budget_line"), rs.getString("idempotency_key"), null);
    }

    /**
     * What an account's summary needs from the ledger as of {@code day}, in one read of its legs:
     * <ul>
     * <li>the balance: what was posted on or before the day;</li>
     * <li>money on its way: posted into the account for a later day, per day, oldest first; what
     * reaches the person, so less the charges to providers taken off that day's payment (issue 15).
     * A day whose payment went wholly to providers has nothing on its way;</li>
     * <li>committed: money already set to leave after the day (payroll approved for a later pay day,
     * say), as a positive amount; not charges to providers, which come off a later council payment,
     * not what the account holds;</li>
     * <li>the schedule's periods already funded (keys "schedule:{id}:{period}"; every funding of a
     * period has a leg on the schedule's account, so the account's legs find them all).</li>
     * </ul>
     */
    public AccountMoney accountMoney(long accountId, Long scheduleId, LocalDate day) {
        return reads.get(accountMoneyRead(accountId, scheduleId, day));
    }

    private record AccountMoneyOf(long accountId, Long scheduleId, LocalDate day) {
    }

    public Read<AccountMoney> accountMoneyRead(long accountId, Long scheduleId, LocalDate day) {
        String prefix = scheduleId == null ? null : "schedule:" + scheduleId + ":";
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("account", accountId);
        params.put("day", day);
        params.put("prefix", prefix);
        params.put("pattern", prefix == null ? null : prefix + "%");
        return Read.list(new AccountMoneyOf(accountId, scheduleId, day), """
                        SELECT t.posted_on > :day AS later, CASE WHEN t.posted_on > :day THEN t.posted_on END AS day,
                               sum(l.amount_pence) AS net,
                               coalesce(sum(l.amount_pence) FILTER (WHERE l.amount_pence > 0), 0)
                               + coalesce(sum(l.amount_pence) FILTER (WHERE l.amount_pence < 0
                                                                     AND t.idempotency_key LIKE 'provider-charge:%'), 0) AS arriving,
                               count(*) FILTER (WHERE l.amount_pence > 0) AS payments,
                               coalesce(-sum(l.amount_pence) FILTER (WHERE l.amount_pence < 0
                                                                     AND t.idempotency_key NOT LIKE 'provider-charge:%'), 0) AS going_out,
                               array_agg(CAST(substring(t.idempotency_key FROM length(CAST(:prefix AS text)) + 1) AS int))
                                   FILTER (WHERE t.idempotency_key LIKE CAST(:pattern AS text)) AS periods
                        FROM ledger_leg l JOIN ledger_transaction t ON t.id = l.transaction_id
                        WHERE l.book = 'ACCOUNT' AND l.account_id = :account
                        GROUP BY 1, 2 ORDER BY 1, 2""", params, (rs, row) -> {
                    java.sql.Array periods = rs.getArray("periods");
                    return new DayMoney(rs.getBoolean("later"), rs.getObject("day", LocalDate.class), rs.getLong("net"),
                            rs.getLong("arriving"), rs.getLong("payments"), rs.getLong("going_out"),
                            periods == null ? new Integer[0] : (Integer[]) periods.getArray());
                }).map(LedgerRepository::money).planOnce(); // by account: the same plan for any
    }

    private static AccountMoney money(List<DayMoney> rows) {
        long balance = 0;
        long committed = 0;
        List<org.dphub.payments.MoneyOnItsWay> onItsWay = new java.util.ArrayList<>();
        java.util.Set<Integer> funded = new java.util.HashSet<>();
        for (DayMoney d : rows) {
            funded.addAll(java.util.Arrays.asList(d.periods()));
            if (!d.later()) {
                balance = d.net();
                continue;
            }
            committed = Math.addExact(committed, d.goingOut());
            if (d.payments() > 0 && d.arriving() > 0) {
                onItsWay.add(new org.dphub.payments.MoneyOnItsWay(d.day(), Money.ofPence(d.arriving())));
            }
        }
        return new AccountMoney(Money.ofPence(balance), List.copyOf(onItsWay), Money.ofPence(committed), java.util.Set.copyOf(funded));
    }

    private record DayMoney(boolean later, LocalDate day, long net, long arriving, long payments, long goingOut, Integer[] periods) {
    }

    /** {@link #accountMoney}'s answer. */
    public record AccountMoney(Money balance, List<org.dphub.payments.MoneyOnItsWay> onItsWay, Money committed,
                               java.util.Set<Integer> fundedPeriods) {
    }
}
