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
        // open on the day: opened by then and not closed by then (a suspended account is left out, as the check leaves it)
        return jdbc.sql("""
                        WITH accounts AS (
                            SELECT a.id FROM insights_account a
                            WHERE a.council_id = :council AND a.opened_on <= :at AND a.status <> 'SUSPENDED'
                              AND (a.closed_on IS NULL OR a.closed_on > :at)),
                        balances AS (
                            SELECT m.account_id, sum(m.amount_pence) AS balance FROM insights_account_movement m
                            WHERE m.council_id = :council AND m.posted_on <= :at AND m.account_id IN (SELECT id FROM accounts)
                            GROUP BY m.account_id),
                        weekly AS (
                            SELECT DISTINCT ON (w.account_id) w.account_id, w.weekly_budget_pence FROM insights_account_weekly_budget w
                            WHERE w.council_id = :council AND w.effective_from <= :at
                            ORDER BY w.account_id, w.effective_from DESC, w.change_id DESC),
                        above AS (
                            SELECT b.balance - :weeks * coalesce(w.weekly_budget_pence, 0) AS over FROM balances b
                            LEFT JOIN weekly w ON w.account_id = b.account_id)
                        SELECT count(*) AS accounts, coalesce(sum(over), 0) AS pence FROM above WHERE over > 0""")
                .param("council", councilId).param("at", at).param("weeks", weeks)
                .query((rs, row) -> new MoneyReturned.AboveLimit(rs.getLong("accounts"), rs.getLong("pence"), at, weeks))
                .single();
    }
}
