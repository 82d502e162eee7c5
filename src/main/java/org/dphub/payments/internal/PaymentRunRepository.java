package org.dphub.payments.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.dphub.payments.BankDetails;
import org.dphub.payments.BankPayment;
import org.dphub.payments.PaymentRun;
import org.dphub.payments.TypeTotal;
import org.dphub.plans.AccountType;
import org.dphub.payments.PaymentRunStatus;
import org.dphub.shared.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Payment runs and their payments, in set-based SQL so a national run stays fast. */
@Repository
public class PaymentRunRepository {

    private final JdbcClient jdbc;
    private final javax.sql.DataSource dataSource;

    PaymentRunRepository(JdbcClient jdbc, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
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

    /**
     * For a finance officer's home: {runs waiting for approval, of those the ones this officer may
     * approve (started by someone else), runs that stopped} in the council. One row, set-based.
     */
    public long[] waitingCounts(long councilId, String officer) {
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE status = 'READY_FOR_APPROVAL'),
                               count(*) FILTER (WHERE status = 'READY_FOR_APPROVAL' AND started_by <> :officer),
                               count(*) FILTER (WHERE status = 'FAILED')
                        FROM payment_run WHERE council_id = :council AND status IN ('READY_FOR_APPROVAL', 'FAILED')""")
                .param("council", councilId).param("officer", officer)
                .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)}).single();
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
     * Writes a payment for every period of every account in the range that is due on or before
     * the run date and not yet paid: its key "schedule:{id}:{period}" is neither in a payment (of
     * this or an earlier run) nor in the ledger. The amount is the one in force on the due date (a
     * plan change or a suspension adds a schedule change); a closed account is paid only for periods
     * due before it closed; an account with no bank details is left for an exception. Returns the
     * rows written.
     */
    public int selectDuePayments(long runId, long councilId, LocalDate paymentDate, long fromAccount, long toAccount) {
        return jdbc.sql("""
                        INSERT INTO payment (council_id, run_id, account_id, idempotency_key, due_date, amount_pence, bank_details_id)
                        SELECT s.council_id, :run, s.account_id, k.key, d.due, amount.pence, b.id
                        FROM payment_schedule s
                        JOIN dp_account a ON a.id = s.account_id AND a.status IN ('OPEN', 'CLOSED')
                        CROSS JOIN LATERAL (SELECT coalesce(
                                (SELECT bd.id FROM bank_details bd WHERE bd.account_id = a.id ORDER BY bd.id DESC LIMIT 1),
                                CASE WHEN a.type = 'PREPAID_CARD' THEN
                                    (SELECT bd.id FROM bank_details bd WHERE bd.council_id = a.council_id AND bd.account_id IS NULL
                                       AND bd.purpose = 'CARD_PROVIDER' ORDER BY bd.id DESC LIMIT 1)
                                     WHEN a.type = 'INDIVIDUAL_SERVICE_FUND' THEN
                                    (SELECT bd.id FROM bank_details bd WHERE bd.organization_id = a.isf_organization_id
                                       AND bd.purpose = 'PROVIDER' ORDER BY bd.id DESC LIMIT 1) END) AS id) b
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
                        CROSS JOIN LATERAL (SELECT coalesce((SELECT c.regular_payment_pence FROM payment_schedule_change c
                                                             WHERE c.schedule_id = s.id AND c.effective_from <= d.due
                                                             ORDER BY c.effective_from DESC, c.id DESC LIMIT 1),
                                                            s.regular_payment_pence) AS pence) amount
                        WHERE s.council_id = :council AND s.account_id BETWEEN :from AND :to AND b.id IS NOT NULL
                          AND s.first_payment_date <= :date AND d.due <= :date AND amount.pence > 0
                          AND (a.status = 'OPEN' OR d.due < a.closed_on)
                          AND NOT EXISTS (SELECT 1 FROM ledger_transaction t WHERE t.idempotency_key = k.key)
                        ON CONFLICT (idempotency_key) DO NOTHING""")
                .param("run", runId).param("council", councilId).param("date", paymentDate)
                .param("from", fromAccount).param("to", toAccount)
                .update();
    }

    /** Approved one-off payments not yet paid (key "one-off:{id}"), into open accounts with bank details. */
    public int selectOneOffs(long runId, long councilId, LocalDate paymentDate) {
        return jdbc.sql("""
                        INSERT INTO payment (council_id, run_id, account_id, idempotency_key, due_date, amount_pence, bank_details_id)
                        SELECT o.council_id, :run, o.account_id, 'one-off:' || o.one_off_id, o.approved_on, o.amount_pence, b.id
                        FROM one_off_due o JOIN dp_account a ON a.id = o.account_id AND a.status = 'OPEN'
                        CROSS JOIN LATERAL (SELECT coalesce(
                                (SELECT bd.id FROM bank_details bd WHERE bd.account_id = a.id ORDER BY bd.id DESC LIMIT 1),
                                CASE WHEN a.type = 'PREPAID_CARD' THEN
                                    (SELECT bd.id FROM bank_details bd WHERE bd.council_id = a.council_id AND bd.account_id IS NULL
                                       AND bd.purpose = 'CARD_PROVIDER' ORDER BY bd.id DESC LIMIT 1)
                                     WHEN a.type = 'INDIVIDUAL_SERVICE_FUND' THEN
                                    (SELECT bd.id FROM bank_details bd WHERE bd.organization_id = a.isf_organization_id
                                       AND bd.purpose = 'PROVIDER' ORDER BY bd.id DESC LIMIT 1) END) AS id) b
                        WHERE o.council_id = :council AND o.approved_on <= :date AND b.id IS NOT NULL
                          AND NOT EXISTS (SELECT 1 FROM ledger_transaction t WHERE t.idempotency_key = 'one-off:' || o.one_off_id)
                        ON CONFLICT (idempotency_key) DO NOTHING""")
                .param("run", runId).param("council", councilId).param("date", paymentDate).update();
    }

    /**
     * Accounts with money due that the run could not pay: suspended ones, and open ones with no
     * bank details. Reported to finance, not paid, and not marked as paid, so a later run pays
     * them once put right.
     */
    public void recordExceptions(long runId, long councilId, LocalDate paymentDate) {
        jdbc.sql("""
                        INSERT INTO payment_run_exception (run_id, account_id, reason)
                        SELECT :run, a.id, CASE WHEN a.status = 'SUSPENDED' THEN 'ACCOUNT_SUSPENDED' ELSE 'MISSING_BANK_DETAILS' END
                        FROM dp_account a
                        WHERE a.council_id = :council
                          AND (a.status = 'SUSPENDED'
                               OR (a.status = 'OPEN' AND NOT EXISTS (SELECT 1 FROM bank_details b WHERE b.account_id = a.id)
                                   AND NOT (a.type = 'PREPAID_CARD' AND EXISTS (SELECT 1 FROM bank_details b
                                        WHERE b.council_id = a.council_id AND b.purpose = 'CARD_PROVIDER'))
                                   AND NOT (a.type = 'INDIVIDUAL_SERVICE_FUND' AND EXISTS (SELECT 1 FROM bank_details b
                                        WHERE b.organization_id = a.isf_organization_id AND b.purpose = 'PROVIDER'))))
                          AND (EXISTS (SELECT 1 FROM payment_schedule s WHERE s.account_id = a.id
                                         AND s.first_payment_date <= :date AND s.regular_payment_pence > 0)
                               OR EXISTS (SELECT 1 FROM one_off_due o WHERE o.account_id = a.id AND o.approved_on <= :date
                                            AND NOT EXISTS (SELECT 1 FROM ledger_transaction t
                                                            WHERE t.idempotency_key = 'one-off:' || o.one_off_id)))
                        ON CONFLICT DO NOTHING""")
                .param("run", runId).param("council", councilId).param("date", paymentDate).update();
    }

    /**
     * Approved refunds of charges a run had already taken (OWED_BACK): the council pays the person
     * back (key "provider-refund:{key}"), into an open account with bank details, once.
     */
    public int selectProviderRefunds(long runId, long councilId, LocalDate paymentDate) {
        return jdbc.sql("""
                        INSERT INTO payment (council_id, run_id, account_id, idempotency_key, due_date, amount_pence, bank_details_id)
                        SELECT f.council_id, :run, c.account_id, 'provider-refund:' || f.idempotency_key, f.refunded_on,
                               f.amount_pence, b.id
                        FROM provider_refund f JOIN provider_charge c ON c.id = f.charge_id
                        JOIN dp_account a ON a.id = c.account_id AND a.status = 'OPEN'
                        CROSS JOIN LATERAL (SELECT coalesce(
                                (SELECT bd.id FROM bank_details bd WHERE bd.account_id = a.id ORDER BY bd.id DESC LIMIT 1),
                                CASE WHEN a.type = 'PREPAID_CARD' THEN
                                    (SELECT bd.id FROM bank_details bd WHERE bd.council_id = a.council_id AND bd.account_id IS NULL
                                       AND bd.purpose = 'CARD_PROVIDER' ORDER BY bd.id DESC LIMIT 1)
                                     WHEN a.type = 'INDIVIDUAL_SERVICE_FUND' THEN
                                    (SELECT bd.id FROM bank_details bd WHERE bd.organization_id = a.isf_organization_id
                                       AND bd.purpose = 'PROVIDER' ORDER BY bd.id DESC LIMIT 1) END) AS id) b
                        WHERE f.council_id = :council AND f.settlement = 'OWED_BACK' AND f.refunded_on <= :date AND b.id IS NOT NULL
                        ON CONFLICT (idempotency_key) DO NOTHING""")
                .param("run", runId).param("council", councilId).param("date", paymentDate).update();
    }

    /**
     * Issue 15: takes the charges promised to providers off the people's payments in this run.
     * Each account's charges (agreed by the run date, not taken before), oldest first, are netted from the account's latest regular payment in the run while
     * they fit in what is left of it; the rest wait for a later run. Each charge is taken whole and
     * once (its netted_payment_id is set once), so a restarted run takes only what is new. The
     * charges' rows are locked first, so a refund made meanwhile waits and then sees them taken.
     */
    public int netProviderCharges(long runId, long councilId, LocalDate paymentDate) {
        // (all the council's charges waiting, not only those of accounts in the run: a join to the run's
        // payments here made the planner scan the run once a charge when the tables' statistics were fresh)
        jdbc.sql("""
                        SELECT c.id FROM provider_charge c
                        WHERE c.council_id = :council AND c.netted_payment_id IS NULL AND c.charged_on <= :date
                        ORDER BY c.id FOR UPDATE OF c""")
                .param("council", councilId).param("date", paymentDate).query(Long.class).list();
        return jdbc.sql("""
                        WITH target AS (
                            SELECT DISTINCT ON (p.account_id) p.id, p.account_id, p.amount_pence - p.netted_pence AS room
                            FROM payment p
                            WHERE p.run_id = :run AND p.idempotency_key LIKE 'schedule:%'
                            ORDER BY p.account_id, p.due_date DESC, p.id DESC),
                        candidate AS (
                            SELECT c.id, t.id AS payment_id, c.amount_pence - c.refunded_pence AS pence, t.room,
                                   sum(c.amount_pence - c.refunded_pence) OVER (PARTITION BY c.account_id
                                       ORDER BY c.charged_on, c.id) AS running
                            FROM provider_charge c JOIN target t ON t.account_id = c.account_id
                            WHERE c.council_id = :council AND c.netted_payment_id IS NULL AND c.charged_on <= :date
                              AND c.amount_pence > c.refunded_pence),
                        taken AS (
                            UPDATE provider_charge c SET netted_payment_id = x.payment_id, netted_pence = x.pence
                            FROM candidate x WHERE c.id = x.id AND x.running <= x.room
                            RETURNING x.payment_id, x.pence)
                        UPDATE payment p SET netted_pence = p.netted_pence + s.pence
                        FROM (SELECT payment_id, sum(pence) AS pence FROM taken GROUP BY payment_id) s
                        WHERE p.id = s.payment_id""")
                .param("run", runId).param("council", councilId).param("date", paymentDate).update();
    }

    /**
     * Issue 15: one payout a provider for the charges taken off people's payments that no payout
     * holds yet — taken by this run, or by an approved earlier one while the provider had no bank
     * details (the council held the money for it). A restarted run keeps its payouts and adds only
     * what is new. A provider with no bank details is an exception, named to finance; its money
     * waits for a later run.
     */
    public void selectProviderPayouts(long runId, long councilId, LocalDate paymentDate) {
        String owed = """
                FROM provider_charge c JOIN payment m ON m.id = c.netted_payment_id JOIN payment_run mr ON mr.id = m.run_id
                WHERE c.council_id = :council AND c.payout_id IS NULL AND (m.run_id = :run OR mr.status = 'APPROVED')""";
        jdbc.sql("""
                        INSERT INTO provider_payout (council_id, run_id, organization_id, organization_name, bank_details_id, due_date)
                        SELECT :council, :run, c.organization_id, max(c.organization_name), b.id, max(m.due_date)
                        FROM provider_charge c JOIN payment m ON m.id = c.netted_payment_id JOIN payment_run mr ON mr.id = m.run_id
                        CROSS JOIN LATERAL (SELECT bd.id FROM bank_details bd WHERE bd.organization_id = c.organization_id
                                            ORDER BY bd.id DESC LIMIT 1) b
                        WHERE c.council_id = :council AND c.payout_id IS NULL AND (m.run_id = :run OR mr.status = 'APPROVED')
                        GROUP BY c.organization_id, b.id
                        ON CONFLICT (run_id, organization_id) DO NOTHING""")
                .param("run", runId).param("council", councilId).update();
        jdbc.sql("""
                        UPDATE provider_charge c SET payout_id = x.id
                        FROM provider_payout x, payment m, payment_run mr
                        WHERE x.run_id = :run AND x.organization_id = c.organization_id AND c.council_id = :council
                          AND m.id = c.netted_payment_id AND mr.id = m.run_id AND c.payout_id IS NULL
                          AND (m.run_id = :run OR mr.status = 'APPROVED')""")
                .param("run", runId).param("council", councilId).update();
        jdbc.sql("""
                        UPDATE provider_payout p SET amount_pence = s.pence, charges_count = s.n, due_date = s.due
                        FROM (SELECT c.payout_id, sum(c.netted_pence) AS pence, count(*) AS n,
                                     max(CASE WHEN m.run_id = :run THEN m.due_date ELSE CAST(:date AS date) END) AS due
                              FROM provider_charge c JOIN provider_payout x ON x.id = c.payout_id
                              JOIN payment m ON m.id = c.netted_payment_id
                              WHERE x.run_id = :run
                              GROUP BY c.payout_id) s
                        WHERE p.id = s.payout_id""")
                .param("run", runId).param("date", paymentDate).update();
        jdbc.sql("""
                        INSERT INTO provider_payout_exception (run_id, organization_id, organization_name, reason, charges_count,
                                                               amount_pence)
                        SELECT :run, c.organization_id, max(c.organization_name), 'PROVIDER_MISSING_BANK_DETAILS', count(*),
                               sum(c.netted_pence)
                        %s
                          AND NOT EXISTS (SELECT 1 FROM bank_details bd WHERE bd.organization_id = c.organization_id)
                        GROUP BY c.organization_id
                        ON CONFLICT (run_id, organization_id) DO UPDATE SET charges_count = excluded.charges_count,
                            amount_pence = excluded.amount_pence""".formatted(owed))
                .param("run", runId).param("council", councilId).update();
    }

    /** {payments with charges taken off them, pence taken} in the run (issue 15). */
    public long[] netted(long runId) {
        return jdbc.sql("SELECT count(*), coalesce(sum(netted_pence), 0) FROM payment WHERE run_id = :run AND netted_pence > 0")
                .param("run", runId).query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    /** The run's payouts to providers, by name. */
    public List<org.dphub.payments.ProviderPayout> providerPayouts(long runId) {
        return jdbc.sql("""
                        SELECT p.id, p.organization_id, p.organization_name, p.charges_count, p.amount_pence,
                               CASE WHEN r.approved_at IS NULL THEN p.due_date ELSE {PAY_DATE} END, b.account_number
                        FROM provider_payout p JOIN payment_run r ON r.id = p.run_id JOIN bank_details b ON b.id = p.bank_details_id
                        WHERE p.run_id = :run AND p.amount_pence > 0 ORDER BY p.organization_name, p.id""".replace("{PAY_DATE}", PAY_DATE))
                .param("run", runId)
                .query((rs, row) -> new org.dphub.payments.ProviderPayout(rs.getLong(1), rs.getObject(2, java.util.UUID.class),
                        rs.getString(3), rs.getInt(4), Money.ofPence(rs.getLong(5)), rs.getObject(6, LocalDate.class),
                        rs.getString(7).substring(4)))
                .list();
    }

    /** Providers the run could not pay, by name: {organization id, name, reason, charges, pence}. */
    public List<org.dphub.payments.PaymentRuns.ProviderException> providerExceptions(long runId) {
        return jdbc.sql("""
                        SELECT organization_id, organization_name, reason, charges_count, amount_pence FROM provider_payout_exception
                        WHERE run_id = :run ORDER BY organization_name, organization_id""")
                .param("run", runId)
                .query((rs, row) -> new org.dphub.payments.PaymentRuns.ProviderException(rs.getObject(1, java.util.UUID.class),
                        rs.getString(2), rs.getString(3), rs.getInt(4), Money.ofPence(rs.getLong(5))))
                .list();
    }

    /** Each person's part of a payout, in order: {charge id, reference, description, charged on, pence}. */
    public List<org.dphub.payments.ProviderPayout.Part> remittance(long payoutId) {
        return jdbc.sql("""
                        SELECT id, remittance_reference, description, charged_on, netted_pence
                        FROM provider_charge WHERE payout_id = :p ORDER BY charged_on, id""")
                .param("p", payoutId)
                .query((rs, row) -> new org.dphub.payments.ProviderPayout.Part(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class), Money.ofPence(rs.getLong(5))))
                .list();
    }

    public void progress(long runId, int percent) {
        jdbc.sql("UPDATE payment_run SET progress_percent = greatest(progress_percent, :p) WHERE id = :id AND status = 'RUNNING'")
                .param("p", percent).param("id", runId).update();
    }

    public void ready(long runId) {
        jdbc.sql("""
                        UPDATE payment_run SET status = 'READY_FOR_APPROVAL', progress_percent = 100,
                            payments_count = (SELECT count(*) FROM payment WHERE run_id = :id AND amount_pence > netted_pence)
                                + (SELECT count(*) FROM provider_payout WHERE run_id = :id AND amount_pence > 0),
                            total_pence = (SELECT coalesce(sum(amount_pence - netted_pence), 0) FROM payment WHERE run_id = :id)
                                + (SELECT coalesce(sum(amount_pence), 0) FROM provider_payout WHERE run_id = :id),
                            exceptions_count = (SELECT count(*) FROM payment_run_exception WHERE run_id = :id)
                                + (SELECT count(*) FROM provider_payout_exception WHERE run_id = :id)
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

    /**
     * The day a payment of an approved run is paid (issue 14): its own due date, so nobody is paid
     * later because the run was for a later date; or the day the run was approved, when the due
     * date had already passed (a bank cannot pay on a day gone by). As SQL over {@code payment p}
     * joined to {@code payment_run r}.
     */
    static final String PAY_DATE = "greatest(p.due_date, CAST(r.approved_at AT TIME ZONE 'Europe/London' AS date))";

    /**
     * Posts the approved run to the ledger, each transaction once (by its key), on its pay date:
     * every council payment in full as FUNDING (the charges the run took off it are on the ledger
     * already, dated that payment's day, so the balance moves by what reached the person's bank);
     * each refund of a charge paid back to the person as spending reversed.
     */
    public int postToLedger(long runId, String postedBy) {
        int funding = jdbc.sql("""
                        WITH tx AS (
                            INSERT INTO ledger_transaction (council_id, idempotency_key, kind, posted_on, description, created_by)
                            SELECT p.council_id, p.idempotency_key, 'FUNDING', {PAY_DATE},
                                   CASE WHEN p.idempotency_key LIKE 'one-off:%'
                                        THEN (SELECT o.description FROM one_off_due o WHERE 'one-off:' || o.one_off_id = p.idempotency_key)
                                        ELSE 'Direct payment for the period from ' || to_char(p.due_date, 'FMDD FMMonth YYYY') END, :by
                            FROM payment p JOIN payment_run r ON r.id = p.run_id
                            WHERE p.run_id = :run AND p.idempotency_key NOT LIKE 'provider-refund:%'
                            ON CONFLICT (idempotency_key) DO NOTHING
                            RETURNING id, idempotency_key)
                        INSERT INTO ledger_leg (transaction_id, leg, book, account_id, amount_pence)
                        SELECT tx.id, 1, 'COUNCIL', NULL, -p.amount_pence FROM tx JOIN payment p ON p.idempotency_key = tx.idempotency_key
                        UNION ALL
                        SELECT tx.id, 2, 'ACCOUNT', p.account_id, p.amount_pence FROM tx JOIN payment p ON p.idempotency_key = tx.idempotency_key""".replace("{PAY_DATE}", PAY_DATE))
                .param("run", runId).param("by", postedBy).update() / 2;
        int refunds = jdbc.sql("""
                        WITH tx AS (
                            INSERT INTO ledger_transaction (council_id, idempotency_key, kind, posted_on, description, created_by,
                                                            plan_version_id, budget_line_position)
                            SELECT p.council_id, p.idempotency_key, 'SPENDING', {PAY_DATE},
                                   left('Refund from ' || c.organization_name || ': ' || f.description, 500), :by,
                                   c.plan_version_id, c.budget_line_position
                            FROM payment p JOIN payment_run r ON r.id = p.run_id
                            JOIN provider_refund f ON 'provider-refund:' || f.idempotency_key = p.idempotency_key
                            JOIN provider_charge c ON c.id = f.charge_id
                            WHERE p.run_id = :run AND p.idempotency_key LIKE 'provider-refund:%'
                            ON CONFLICT (idempotency_key) DO NOTHING
                            RETURNING id, idempotency_key)
                        INSERT INTO ledger_leg (transaction_id, leg, book, account_id, amount_pence)
                        SELECT tx.id, v.leg, v.book, p.account_id, CASE WHEN v.leg = 1 THEN -p.amount_pence ELSE p.amount_pence END
                        FROM tx JOIN payment p ON p.idempotency_key = tx.idempotency_key
                        CROSS JOIN (VALUES (1, 'SPENDING'), (2, 'ACCOUNT')) AS v (leg, book)""".replace("{PAY_DATE}", PAY_DATE))
                .param("run", runId).param("by", postedBy).update() / 2;
        return funding + refunds;
    }

    /** Direct payments whose first payment is in this (approved) run, with the day it is paid. */
    public List<FirstPayment> firstPayments(long runId) {
        return jdbc.sql("""
                        SELECT DISTINCT a.direct_payment_id, {PAY_DATE}
                        FROM payment p JOIN payment_run r ON r.id = p.run_id JOIN dp_account a ON a.id = p.account_id
                        WHERE p.run_id = :run AND a.direct_payment_id IS NOT NULL AND p.idempotency_key LIKE 'schedule:%:0'""".replace("{PAY_DATE}", PAY_DATE))
                .param("run", runId).query((rs, row) -> new FirstPayment(rs.getLong(1), rs.getObject(2, LocalDate.class))).list();
    }

    public record FirstPayment(long directPaymentId, LocalDate paidOn) {
    }

    /**
     * The run's payments by the day they are paid (approved runs) or fall due (runs not approved
     * yet: each is paid on its due date, or on the day of approval if that has passed), oldest first.
     */
    public List<org.dphub.payments.PayDayTotal> totalsByPayDate(long runId) {
        return jdbc.sql("""
                        SELECT day, count(*), sum(amount_pence) FROM (
                            SELECT CASE WHEN r.approved_at IS NULL THEN p.due_date ELSE {PAY_DATE} END AS day,
                                   p.amount_pence - p.netted_pence AS amount_pence
                            FROM payment p JOIN payment_run r ON r.id = p.run_id WHERE p.run_id = :run AND p.amount_pence > p.netted_pence
                            UNION ALL
                            SELECT CASE WHEN r.approved_at IS NULL THEN p.due_date ELSE {PAY_DATE} END, p.amount_pence
                            FROM provider_payout p JOIN payment_run r ON r.id = p.run_id
                            WHERE p.run_id = :run AND p.amount_pence > 0) x
                        GROUP BY 1 ORDER BY 1""".replace("{PAY_DATE}", PAY_DATE))
                .param("run", runId)
                .query((rs, row) -> new org.dphub.payments.PayDayTotal(rs.getObject(1, LocalDate.class), rs.getInt(2),
                        Money.ofPence(rs.getLong(3))))
                .list();
    }

    /**
     * Streams the run's payments in order with the bank details each was selected with; the rows
     * come from a cursor in batches, never all at once. Needs a transaction (for the cursor).
     */
    public void forEachPayment(long runId, java.util.function.Consumer<BankPayment> each) {
        org.springframework.jdbc.core.JdbcTemplate streaming = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        streaming.setFetchSize(5_000);
        streaming.query("""
                        SELECT p.id, p.account_id, a.type, p.idempotency_key, p.due_date, p.amount_pence - p.netted_pence,
                               b.account_name, b.sort_code, b.account_number,
                               CASE WHEN b.purpose = 'CARD_PROVIDER' THEN 'DPHUB ' || p.account_id
                                    WHEN a.type = 'INDIVIDUAL_SERVICE_FUND' THEN 'DPHUB ISF ' || p.account_id
                                    ELSE b.reference END,
                               {PAY_DATE}, CAST(NULL AS uuid), 0
                        FROM payment p JOIN payment_run r ON r.id = p.run_id JOIN dp_account a ON a.id = p.account_id
                        JOIN bank_details b ON b.id = p.bank_details_id
                        WHERE p.run_id = ? AND p.amount_pence > p.netted_pence
                        UNION ALL
                        SELECT p.id, 0, NULL, 'provider-payout:' || p.id, p.due_date, p.amount_pence,
                               b.account_name, b.sort_code, b.account_number, b.reference, {PAY_DATE}, p.organization_id, 1
                        FROM provider_payout p JOIN payment_run r ON r.id = p.run_id JOIN bank_details b ON b.id = p.bank_details_id
                        WHERE p.run_id = ? AND p.amount_pence > 0
                        ORDER BY 11, 13, 1""".replace("{PAY_DATE}", PAY_DATE),
                rs -> {
                    String type = rs.getString(3);
                    each.accept(new BankPayment(rs.getLong(1), rs.getLong(2), type == null ? null : AccountType.valueOf(type),
                            rs.getString(4), rs.getObject(5, LocalDate.class), rs.getLong(6),
                            new BankDetails(rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10)),
                            rs.getObject(11, LocalDate.class), rs.getObject(12, java.util.UUID.class)));
                }, runId, runId);
    }

    /** Count and total of the run's payments by account type. */
    public List<TypeTotal> totalsByType(long runId) {
        return jdbc.sql("""
                        SELECT a.type, count(*), sum(p.amount_pence - p.netted_pence) FROM payment p JOIN dp_account a ON a.id = p.account_id
                        WHERE p.run_id = :run AND p.amount_pence > p.netted_pence GROUP BY a.type ORDER BY a.type""")
                .param("run", runId)
                .query((rs, row) -> new TypeTotal(AccountType.valueOf(rs.getString(1)), rs.getInt(2), Money.ofPence(rs.getLong(3))))
                .list();
    }

    /** The run's exceptions: account, its citizen, and the reason, by account. */
    public List<Object[]> exceptions(long runId) {
        return jdbc.sql("""
                        SELECT e.account_id, a.citizen_id, e.reason FROM payment_run_exception e JOIN dp_account a ON a.id = e.account_id
                        WHERE e.run_id = :run ORDER BY e.account_id""")
                .param("run", runId).query((rs, row) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3)}).list();
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
