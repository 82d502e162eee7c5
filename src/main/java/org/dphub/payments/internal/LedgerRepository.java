package org.dphub.payments.internal;

import java.time.LocalDate;
import java.util.List;
import org.dphub.payments.LedgerEntry;
import org.dphub.payments.LedgerKind;
import org.dphub.payments.Posting;
import org.dphub.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ledger tables: inserts only. */
@Repository
public class LedgerRepository {

    private final JdbcClient jdbc;

    LedgerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    /**
     * Money posted into the account for a day after {@code day}: per day, oldest first; what reaches
     * the person, so less the charges to providers taken off that day's payment (issue 15). A day
     * whose payment went wholly to providers has nothing on its way.
     */
    public List<org.dphub.payments.MoneyOnItsWay> comingInAfter(long accountId, LocalDate day) {
        return jdbc.sql("""
                        SELECT posted_on, arriving FROM (
                            SELECT t.posted_on,
                                   coalesce(sum(l.amount_pence) FILTER (WHERE l.amount_pence > 0), 0)
                                   + coalesce(sum(l.amount_pence) FILTER (WHERE l.amount_pence < 0
                                                                         AND t.idempotency_key LIKE 'provider-charge:%'), 0) AS arriving,
                                   count(*) FILTER (WHERE l.amount_pence > 0) AS payments
                            FROM ledger_leg l JOIN ledger_transaction t ON t.id = l.transaction_id
                            WHERE l.book = 'ACCOUNT' AND l.account_id = :account AND t.posted_on > :day
                            GROUP BY t.posted_on) d
                        WHERE payments > 0 AND arriving > 0 ORDER BY posted_on""")
                .param("account", accountId).param("day", day)
                .query((rs, row) -> new org.dphub.payments.MoneyOnItsWay(rs.getObject(1, LocalDate.class), Money.ofPence(rs.getLong(2))))
                .list();
    }

    /**
     * Money already set to leave the account after {@code day} (payroll approved for a later pay day, say), as a positive
     * amount. Not charges to providers: those come off a later council payment, not what the account holds (issue 15).
     */
    public Money goingOutAfter(long accountId, LocalDate day) {
        return Money.ofPence(jdbc.sql("""
                        SELECT coalesce(-sum(l.amount_pence), 0) FROM ledger_leg l JOIN ledger_transaction t ON t.id = l.transaction_id
                        WHERE l.book = 'ACCOUNT' AND l.account_id = :account AND t.posted_on > :day AND l.amount_pence < 0
                          AND t.idempotency_key NOT LIKE 'provider-charge:%'""")
                .param("account", accountId).param("day", day).query(Long.class).single());
    }

    public List<LedgerEntry> entries(long accountId) {
        return jdbc.sql("""
                        SELECT t.id, t.posted_on, t.kind, t.description, l.amount_pence, b.description AS budget_line,
                               t.idempotency_key
                        FROM ledger_leg l JOIN ledger_transaction t ON t.id = l.transaction_id
                        LEFT JOIN plan_budget_line b ON b.plan_version_id = t.plan_version_id AND b.position = t.budget_line_position
                        WHERE l.book = 'ACCOUNT' AND l.account_id = :account
                        ORDER BY t.posted_on, t.id""")
                .param("account", accountId)
                .query((rs, row) -> new LedgerEntry(rs.getLong("id"), rs.getObject("posted_on", LocalDate.class),
                        LedgerKind.valueOf(rs.getString("kind")), Money.ofPence(rs.getLong("amount_pence")),
                        rs.getString("description"), rs.getString("budget_line"), rs.getString("idempotency_key"), null))
                .list();
    }

    /** The scheduled periods funded so far (keys "schedule:{id}:{period}"). */
    public java.util.Set<Integer> fundedPeriodNumbers(long scheduleId) {
        return new java.util.HashSet<>(jdbc.sql("""
                        SELECT CAST(substring(idempotency_key FROM length(:prefix) + 1) AS int) FROM ledger_transaction
                        WHERE idempotency_key LIKE :pattern""")
                .param("prefix", "schedule:" + scheduleId + ":").param("pattern", "schedule:" + scheduleId + ":%")
                .query(Integer.class).list());
    }

    /** How many scheduled periods have been funded (their keys are "schedule:{id}:{period}"). */
    public int fundedPeriods(long scheduleId) {
        return jdbc.sql("SELECT count(*) FROM ledger_transaction WHERE idempotency_key LIKE :prefix")
                .param("prefix", "schedule:" + scheduleId + ":%").query(Integer.class).single();
    }
}
