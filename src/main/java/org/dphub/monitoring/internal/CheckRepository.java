package org.dphub.monitoring.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.dphub.monitoring.CheckReason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Selects accounts for checks in one set-based query per council, and records checks and concerns. */
@Repository
public class CheckRepository {

    public record Due(long accountId, long citizenId, List<CheckReason> reasons) {
    }

    public record Done(long id, long accountId, List<String> reasons, String outcome, int minutes, String notes, String checkedBy,
                       java.time.Instant checkedAt) {
    }

    private final JdbcClient jdbc;

    CheckRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Open accounts of the council with at least one reason, leaving out those checked in the last
     * {@code quietDays} unless a concern was raised since.
     */
    public List<Due> due(long councilId, LocalDate today, int surplusWeeks, long unlinkedThresholdPence, int quietDays) {
        return jdbc.sql(DUE + " ORDER BY b.id")
                .param("council", councilId).param("today", today).param("weeks", surplusWeeks)
                .param("unlinked", unlinkedThresholdPence).param("quiet", quietDays)
                .query((rs, row) -> {
                    List<CheckReason> reasons = new ArrayList<>();
                    boolean quiet = rs.getBoolean("quiet");
                    if (!quiet && rs.getBoolean("new_dp")) {
                        reasons.add(CheckReason.NEW_DIRECT_PAYMENT);
                    }
                    if (!quiet && rs.getBoolean("surplus")) {
                        reasons.add(CheckReason.SURPLUS);
                    }
                    if (!quiet && rs.getBoolean("unlinked")) {
                        reasons.add(CheckReason.UNLINKED_SPENDING);
                    }
                    if (!quiet && rs.getBoolean("missing")) {
                        reasons.add(CheckReason.MISSING_STATEMENTS);
                    }
                    if (rs.getBoolean("concern")) {
                        reasons.add(CheckReason.CONCERN);
                    }
                    return new Due(rs.getLong("id"), rs.getLong("citizen_id"), reasons);
                })
                .list().stream().filter(d -> !d.reasons().isEmpty()).toList();
    }

    /** Each open account of the council with a flag per reason (and whether it was checked lately). */
    private static final String DUE = """
            WITH base AS (
                SELECT a.id, a.citizen_id, a.type, a.opened_on, dp.start_date,
                       -- money received by today, less money already set to leave later (issue 14)
                       (SELECT coalesce(sum(l.amount_pence) FILTER (WHERE t.posted_on <= :today), 0)
                               + coalesce(sum(l.amount_pence) FILTER (WHERE t.posted_on > :today AND l.amount_pence < 0), 0)
                        FROM ledger_leg l JOIN ledger_transaction t ON t.id = l.transaction_id
                        WHERE l.book = 'ACCOUNT' AND l.account_id = a.id) AS balance,
                       coalesce((SELECT c.weekly_budget_pence FROM payment_schedule_change c
                                 WHERE c.schedule_id = s.id AND c.effective_from <= :today
                                 ORDER BY c.effective_from DESC, c.id DESC LIMIT 1), s.weekly_budget_pence, 0) AS weekly,
                       (SELECT max(k.checked_at) FROM monitoring_check k WHERE k.account_id = a.id) AS last_check
                FROM dp_account a
                LEFT JOIN direct_payment dp ON dp.id = a.direct_payment_id
                LEFT JOIN payment_schedule s ON s.account_id = a.id
                WHERE a.council_id = :council AND a.status = 'OPEN')
            SELECT b.id, b.citizen_id,
                   b.start_date IS NOT NULL AND b.start_date > :today - interval '3 months' AS new_dp,
                   b.balance - :weeks * b.weekly > 0 AS surplus,
                   -- LightTouchPolicy (issue 18): managed accounts and individual service funds are never selected for this
                   b.type NOT IN (%s) AND (SELECT coalesce(-sum(t.amount_pence), 0) FROM account_transaction t
                    WHERE t.account_id = b.id AND t.amount_pence < 0 AND t.booked_on > :today - 90
                      AND NOT EXISTS (SELECT 1 FROM transaction_tag g WHERE g.transaction_id = t.id
                          AND (g.outcome IS NOT NULL OR g.budget_line_position IS NOT NULL))) > :unlinked AS unlinked,
                   b.type = 'BANK_ACCOUNT' AND b.opened_on < :today - 90
                     AND NOT EXISTS (SELECT 1 FROM account_transaction t WHERE t.account_id = b.id
                         AND t.booked_on > :today - 90) AS missing,
                   EXISTS (SELECT 1 FROM monitoring_concern c WHERE c.account_id = b.id
                           AND (b.last_check IS NULL OR c.raised_at > b.last_check)) AS concern,
                   b.last_check IS NOT NULL AND b.last_check > CAST(:today AS timestamptz) - make_interval(days => :quiet) AS quiet
            FROM base b""".formatted(org.dphub.monitoring.LightTouchPolicy.sqlList());

    /** How many accounts {@link #due} would list: counted in PostgreSQL, for the home page. */
    public long countDue(long councilId, LocalDate today, int surplusWeeks, long unlinkedThresholdPence, int quietDays) {
        return jdbc.sql("SELECT count(*) FROM (" + DUE + ") d WHERE (NOT d.quiet AND (d.new_dp OR d.surplus OR d.unlinked OR d.missing))"
                        + " OR d.concern")
                .param("council", councilId).param("today", today).param("weeks", surplusWeeks)
                .param("unlinked", unlinkedThresholdPence).param("quiet", quietDays)
                .query(Long.class).single();
    }

    public long record(long councilId, long accountId, List<CheckReason> reasons, String outcome, int minutes, String notes, String by) {
        return jdbc.sql("""
                        INSERT INTO monitoring_check (council_id, account_id, reasons, outcome, minutes, notes, checked_by)
                        VALUES (:c, :a, CAST(:reasons AS text[]), :o, :m, :n, :by) RETURNING id""")
                .param("c", councilId).param("a", accountId)
                .param("reasons", "{" + String.join(",", reasons.stream().map(Enum::name).toList()) + "}")
                .param("o", outcome).param("m", minutes).param("n", notes).param("by", by)
                .query(Long.class).single();
    }

    public long raiseConcern(long councilId, long accountId, String concern, String by) {
        return jdbc.sql("""
                        INSERT INTO monitoring_concern (council_id, account_id, concern, raised_by) VALUES (:c, :a, :t, :by) RETURNING id""")
                .param("c", councilId).param("a", accountId).param("t", concern).param("by", by).query(Long.class).single();
    }

    public List<Done> done(long councilId, int limit) {
        return jdbc.sql("SELECT * FROM monitoring_check WHERE council_id = :c ORDER BY checked_at DESC, id DESC LIMIT :limit")
                .param("c", councilId).param("limit", limit)
                .query((rs, row) -> new Done(rs.getLong("id"), rs.getLong("account_id"),
                        Arrays.asList((String[]) rs.getArray("reasons").getArray()), rs.getString("outcome"), rs.getInt("minutes"),
                        rs.getString("notes"), rs.getString("checked_by"), rs.getTimestamp("checked_at").toInstant()))
                .list();
    }

    /** Effort against findings over the last year: per outcome, how many checks and how many minutes. */
    public List<Object[]> effort(long councilId, LocalDate since) {
        return jdbc.sql("""
                        SELECT outcome, count(*), coalesce(sum(minutes), 0) FROM monitoring_check
                        WHERE council_id = :c AND checked_at >= CAST(:since AS timestamptz) GROUP BY outcome ORDER BY outcome""")
                .param("c", councilId).param("since", since)
                .query((rs, row) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getLong(3)}).list();
    }
}
