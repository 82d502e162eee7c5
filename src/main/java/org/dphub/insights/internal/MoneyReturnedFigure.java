package org.dphub.insights.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.dphub.councils.Councils;
import org.dphub.insights.Figure;
import org.dphub.insights.MoneyReturned;
import org.dphub.insights.Period;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Money returned. Recovered: each recovery whose ledger entry is posted, by the month it was posted.
 * Above the limit: the monitoring module's SURPLUS check ({@code CheckRepository.due}: balance − the
 * council's surplus weeks × the weekly budget &gt; 0, over open accounts) computed for the period's
 * last day, with the balance from the movements posted on or before that day.
 */
@Component
public class MoneyReturnedFigure implements Figure<MoneyReturned> {

    private final JdbcClient jdbc;
    private final Councils councils;

    MoneyReturnedFigure(JdbcClient jdbc, Councils councils) {
        this.jdbc = jdbc;
        this.councils = councils;
    }

    @Override
    public String key() {
        return "moneyReturned";
    }

    @Override
    public MoneyReturned compute(CouncilFacts council, Period period) {
        Map<YearMonth, long[]> byMonth = new HashMap<>();
        jdbc.sql("""
                        SELECT date_trunc('month', r.recovered_on)::date AS month, coalesce(sum(r.amount_pence), 0) AS pence,
                               count(*) AS n
                        FROM insights_surplus_recovery r
                        WHERE r.council_id = :council AND r.recovered_on BETWEEN :from AND :to
                        GROUP BY 1""")
                .param("council", council.id()).param("from", period.from()).param("to", period.to())
                .query(rs -> {
                    byMonth.put(YearMonth.from(rs.getObject("month", LocalDate.class)), new long[] {rs.getLong("pence"), rs.getLong("n")});
                });
        List<MoneyReturned.Month> months = period.months().stream().map(m -> {
            long[] v = byMonth.getOrDefault(m, new long[2]);
            return new MoneyReturned.Month(m, v[0], v[1]);
        }).toList();
        return new MoneyReturned(months.stream().mapToLong(MoneyReturned.Month::recoveredPence).sum(),
                months.stream().mapToLong(MoneyReturned.Month::recoveries).sum(), months, aboveLimit(council.id(), period.to()));
    }

    private MoneyReturned.AboveLimit aboveLimit(long councilId, LocalDate at) {
        int weeks = councils.settings(councilId).settings().surplusWeeks();
        // open on the day: opened by then and not closed by then (a suspended account is left out, as the check leaves it).
        // A balance on the day is every movement of the account less those posted after the day: the first is one
        // index-only read of the account's legs, the second is usually nothing (the period mostly ends today).
        // Only an account with money in it can be over the limit, so the budgets are looked up for those alone.
        return jdbc.sql("""
                        WITH accounts AS (
                            SELECT a.id FROM insights_account a
                            WHERE a.council_id = :council AND a.opened_on <= :at AND a.status <> 'SUSPENDED'
                              AND (a.closed_on IS NULL OR a.closed_on > :at)),
                        everything AS (
                            SELECT l.account_id, sum(l.amount_pence) AS balance FROM insights_account_leg l
                            WHERE l.account_id IN (SELECT id FROM accounts)
                            GROUP BY l.account_id),
                        later AS (
                            SELECT m.account_id, sum(m.amount_pence) AS amount FROM insights_account_movement m
                            WHERE m.council_id = :council AND m.posted_on > :at
                            GROUP BY m.account_id),
                        balances AS (
                            SELECT e.account_id, e.balance - coalesce(l.amount, 0) AS balance FROM everything e LEFT JOIN later l ON l.account_id = e.account_id),
                        changed AS (
                            SELECT DISTINCT ON (c.account_id) c.account_id, c.weekly_budget_pence FROM insights_payment_schedule_change c
                            WHERE c.council_id = :council AND c.effective_from <= :at
                            ORDER BY c.account_id, c.effective_from DESC, c.change_id DESC),
                        above AS (
                            SELECT b.balance - :weeks * coalesce(c.weekly_budget_pence, s.weekly_budget_pence, 0) AS over FROM balances b
                            LEFT JOIN insights_payment_schedule s ON s.account_id = b.account_id AND s.council_id = :council
                            LEFT JOIN changed c ON c.account_id = b.account_id
                            WHERE b.balance > 0)
                        SELECT count(*) AS accounts, coalesce(sum(over), 0) AS pence FROM above WHERE over > 0""")
                .param("council", councilId).param("at", at).param("weeks", weeks)
                .query((rs, row) -> new MoneyReturned.AboveLimit(rs.getLong("accounts"), rs.getLong("pence"), at, weeks))
                .single();
    }
}
