package org.dphub.payments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.dphub.payments.PaymentRun;
import org.dphub.payments.PaymentRunStatus;
import org.dphub.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Payment runs and their payments, in set-based SQL so a national run stays fast. */
@Repository
public class PaymentRunRepository {

    private final JdbcClient jdbc;

    PaymentRunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Starts the run for a date; empty if the council already has one for that date (never two). */
    public Optional<Long> start(long councilId, LocalDate paymentDate, String startedBy) {
        return jdbc.sql("""
                        INSERT INTO payment_run (council_id, payment_date, status, started_by)
                        VALUES (:council, :date, 'RUNNING', :by)
                        ON CONFLICT (council_id, payment_date) DO NOTHING RETURNING id""")
                .param("council", councilId).param("date", paymentDate).param("by", startedBy)
                .query(Long.class).optional();
    }

    public long existing(long councilId, LocalDate paymentDate) {
        return jdbc.sql("SELECT id FROM payment_run WHERE council_id = :council AND payment_date = :date")
                .param("council", councilId).param("date", paymentDate).query(Long.class).single();
    }

    public Optional<PaymentRun> find(long id) {
        return jdbc.sql("SELECT * FROM payment_run WHERE id = :id").param("id", id).query(PaymentRunRepository::run).optional();
    }

    public List<PaymentRun> forCouncil(long councilId) {
        return jdbc.sql("SELECT * FROM payment_run WHERE council_id = :council ORDER BY payment_date DESC, id DESC LIMIT 50")
                .param("council", councilId).query(PaymentRunRepository::run).list();
    }

    public List<Long> running() {
        return jdbc.sql("SELECT id FROM payment_run WHERE status = 'RUNNING' ORDER BY id").query(Long.class).list();
    }

    public boolean restart(long id) {
        return jdbc.sql("UPDATE payment_run SET status = 'RUNNING', failure = NULL WHERE id = :id AND status = 'FAILED'")
                .param("id", id).update() == 1;
    }

    /** The accounts of the council with a schedule, as id ranges for batches. */
    public long[] accountIdRange(long councilId) {
        return jdbc.sql("SELECT coalesce(min(account_id), 0), coalesce(max(account_id), -1) FROM payment_schedule WHERE council_id = :c")
                .param("c", councilId).query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    /**
     * Writes a payment for every period of every open account in the range that is due on or
     * before the run date and not yet paid: its key "schedule:{id}:{period}" is neither in a
     * payment (of this or an earlier run) nor in the ledger. Returns the rows written.
     */
    public int selectDuePayments(long runId, long councilId, LocalDate paymentDate, long fromAccount, long toAccount) {
        return jdbc.sql("""
                        INSERT INTO payment (council_id, run_id, account_id, idempotency_key, due_date, amount_pence)
                        SELECT s.council_id, :run, s.account_id, k.key, d.due, s.regular_payment_pence
                        FROM payment_schedule s
                        JOIN dp_account a ON a.id = s.account_id AND a.status = 'OPEN'
                        CROSS JOIN LATERAL generate_series(0, CASE s.frequency
                                WHEN 'WEEKLY' THEN (:date - s.first_payment_date) / 7
                                WHEN 'FOUR_WEEKLY' THEN (:date - s.first_payment_date) / 28
                                ELSE CAST(extract(year FROM age(:date, s.first_payment_date)) * 12
                                          + extract(month FROM age(:date, s.first_payment_date)) AS int) END) AS n(period)
                        CROSS JOIN LATERAL (SELECT CASE s.frequency
                                WHEN 'WEEKLY' THEN s.first_payment_date + 7 * n.period
                                WHEN 'FOUR_WEEKLY' THEN s.first_payment_date + 28 * n.period
                                ELSE CAST(s.first_payment_date + make_interval(months => n.period) AS date) END AS due) d
                        CROSS JOIN LATERAL (SELECT 'schedule:' || s.id || ':' || n.period AS key) k
                        WHERE s.council_id = :council AND s.account_id BETWEEN :from AND :to
                          AND s.first_payment_date <= :date AND d.due <= :date AND s.regular_payment_pence > 0
                          AND NOT EXISTS (SELECT 1 FROM ledger_transaction t WHERE t.idempotency_key = k.key)
                        ON CONFLICT (idempotency_key) DO NOTHING""")
                .param("run", runId).param("council", councilId).param("date", paymentDate)
                .param("from", fromAccount).param("to", toAccount)
                .update();
    }

    /** Approved one-off payments not yet paid (key "one-off:{id}"), into open accounts. */
    public int selectOneOffs(long runId, long councilId, LocalDate paymentDate) {
        return jdbc.sql("""
                        INSERT INTO payment (council_id, run_id, account_id, idempotency_key, due_date, amount_pence)
                        SELECT o.council_id, :run, o.account_id, 'one-off:' || o.one_off_id, o.approved_on, o.amount_pence
                        FROM one_off_due o JOIN dp_account a ON a.id = o.account_id AND a.status = 'OPEN'
                        WHERE o.council_id = :council AND o.approved_on <= :date
                          AND NOT EXISTS (SELECT 1 FROM ledger_transaction t WHERE t.idempotency_key = 'one-off:' || o.one_off_id)
                        ON CONFLICT (idempotency_key) DO NOTHING""")
                .param("run", runId).param("council", councilId).param("date", paymentDate).update();
    }

    /** Suspended or closed accounts that had money due: reported, not paid. */
    public void recordExceptions(long runId, long councilId, LocalDate paymentDate) {
        jdbc.sql("""
                        INSERT INTO payment_run_exception (run_id, account_id, reason)
                        SELECT :run, a.id, 'ACCOUNT_' || a.status
                        FROM payment_schedule s JOIN dp_account a ON a.id = s.account_id
                        WHERE s.council_id = :council AND a.status <> 'OPEN' AND s.first_payment_date <= :date
                          AND s.regular_payment_pence > 0
                        ON CONFLICT DO NOTHING""")
                .param("run", runId).param("council", councilId).param("date", paymentDate).update();
    }

    public void progress(long runId, int percent) {
        jdbc.sql("UPDATE payment_run SET progress_percent = :p WHERE id = :id AND status = 'RUNNING'")
                .param("p", percent).param("id", runId).update();
    }

    public void ready(long runId) {
        jdbc.sql("""
                        UPDATE payment_run SET status = 'READY_FOR_APPROVAL', progress_percent = 100,
                            payments_count = (SELECT count(*) FROM payment WHERE run_id = :id),
                            total_pence = (SELECT coalesce(sum(amount_pence), 0) FROM payment WHERE run_id = :id),
                            exceptions_count = (SELECT count(*) FROM payment_run_exception WHERE run_id = :id)
                        WHERE id = :id AND status = 'RUNNING'""")
                .param("id", runId).update();
    }

    public void fail(long runId, String failure) {
        jdbc.sql("UPDATE payment_run SET status = 'FAILED', failure = :f WHERE id = :id AND status = 'RUNNING'")
                .param("f", failure.length() > 500 ? failure.substring(0, 500) : failure).param("id", runId).update();
    }

    /** Approves a ready run, by someone other than who started it; false if it was not ready. */
    public boolean approve(long runId, String approvedBy) {
        return jdbc.sql("""
                        UPDATE payment_run SET status = 'APPROVED', approved_by = :by, approved_at = now()
                        WHERE id = :id AND status = 'READY_FOR_APPROVAL' AND started_by <> :by""")
                .param("by", approvedBy).param("id", runId).update() == 1;
    }

    /** Posts every payment of the run to the ledger as council funding, once each (by key). */
    public int postToLedger(long runId, String postedBy) {
        return jdbc.sql("""
                        WITH tx AS (
                            INSERT INTO ledger_transaction (council_id, idempotency_key, kind, posted_on, description, created_by)
                            SELECT p.council_id, p.idempotency_key, 'FUNDING', r.payment_date,
                                   CASE WHEN p.idempotency_key LIKE 'one-off:%'
                                        THEN (SELECT o.description FROM one_off_due o WHERE 'one-off:' || o.one_off_id = p.idempotency_key)
                                        ELSE 'Direct payment for the period from ' || to_char(p.due_date, 'FMDD FMMonth YYYY') END, :by
                            FROM payment p JOIN payment_run r ON r.id = p.run_id
                            WHERE p.run_id = :run
                            ON CONFLICT (idempotency_key) DO NOTHING
                            RETURNING id, idempotency_key)
                        INSERT INTO ledger_leg (transaction_id, leg, book, account_id, amount_pence)
                        SELECT tx.id, 1, 'COUNCIL', NULL, -p.amount_pence FROM tx JOIN payment p ON p.idempotency_key = tx.idempotency_key
                        UNION ALL
                        SELECT tx.id, 2, 'ACCOUNT', p.account_id, p.amount_pence FROM tx JOIN payment p ON p.idempotency_key = tx.idempotency_key""")
                .param("run", runId).param("by", postedBy).update() / 2;
    }

    /** Direct payments whose first payment is in this run: (direct payment id, payment date). */
    public List<long[]> firstPayments(long runId) {
        return jdbc.sql("""
                        SELECT DISTINCT a.direct_payment_id FROM payment p JOIN dp_account a ON a.id = p.account_id
                        WHERE p.run_id = :run AND a.direct_payment_id IS NOT NULL AND p.idempotency_key LIKE 'schedule:%:0'""")
                .param("run", runId).query((rs, row) -> new long[] {rs.getLong(1)}).list();
    }

    public List<String[]> exceptions(long runId) {
        return jdbc.sql("SELECT account_id, reason FROM payment_run_exception WHERE run_id = :run ORDER BY account_id")
                .param("run", runId).query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)}).list();
    }

    private static PaymentRun run(ResultSet rs, int row) throws SQLException {
        Timestamp approvedAt = rs.getTimestamp("approved_at");
        return new PaymentRun(rs.getLong("id"), rs.getLong("council_id"), rs.getObject("payment_date", LocalDate.class),
                PaymentRunStatus.valueOf(rs.getString("status")), rs.getString("started_by"),
                rs.getTimestamp("started_at").toInstant(), rs.getString("approved_by"),
                approvedAt == null ? null : approvedAt.toInstant(), rs.getInt("payments_count"),
                Money.ofPence(rs.getLong("total_pence")), rs.getInt("exceptions_count"), rs.getInt("progress_percent"),
                rs.getString("failure"));
    }
}
