package org.dphub.support;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Many live direct payments at once, in set-based SQL, for the payment-run benchmark and the
 * crash test: people ("BULK0000001"...), plans, ACTIVE direct payments (created by "bench"),
 * accounts of all three types, schedules in all three frequencies and bank details. The nightly
 * steady state: everyone was paid last period and is due again on {@code date}, except one in a
 * hundred who start that day; one in a hundred accounts is suspended and one in fifty bank
 * accounts has no details yet (both exceptions).
 */
public final class BulkDirectPayments {

    private BulkDirectPayments() {
    }

    public static void build(JdbcClient jdbc, long councilId, int scale, LocalDate date) {
        jdbc.sql("""
                        INSERT INTO citizen (council_id, reference, given_name, family_name, date_of_birth, postcode)
                        SELECT :c, 'BULK' || lpad(g::text, 7, '0'), 'Person', 'Number ' || g, DATE '1960-01-01' + (g % 15000), 'SY1 1AA'
                        FROM generate_series(1, :n) g""").param("c", councilId).param("n", scale).update();
        jdbc.sql("INSERT INTO care_plan (council_id, citizen_id) SELECT council_id, id FROM citizen WHERE council_id = :c AND reference LIKE 'BULK%' ORDER BY id")
                .param("c", councilId).update();
        jdbc.sql("""
                        INSERT INTO care_plan_version (plan_id, council_id, version, start_date, how_needs_met, payment_frequency,
                            weekly_contribution_pence, weekly_budget_pence, annual_budget_pence, regular_payment_pence, created_by)
                        SELECT p.id, p.council_id, 1, :d, 'DIRECT_PAYMENT_FULL', 'FOUR_WEEKLY', 0, 25000 + p.id % 20000,
                               (25000 + p.id % 20000) * 52, (25000 + p.id % 20000) * 4, 'bench'
                        FROM care_plan p JOIN citizen z ON z.id = p.citizen_id
                        WHERE p.council_id = :c AND z.reference LIKE 'BULK%'""").param("c", councilId).param("d", date).update();
        jdbc.sql("""
                        INSERT INTO direct_payment (council_id, citizen_id, plan_id, status, has_capacity, account_type, requested_on,
                            start_date, agreed_at, agreed_by, agreement_method, paper_signed_on, created_by)
                        SELECT p.council_id, p.citizen_id, p.id, 'ACTIVE', true,
                               (ARRAY['BANK_ACCOUNT', 'PREPAID_CARD', 'MANAGED_ACCOUNT'])[1 + p.id % 3], :d - 20, :d, now(), 'bench',
                               'PAPER', :d - 10, 'bench'
                        FROM care_plan p JOIN citizen z ON z.id = p.citizen_id
                        WHERE p.council_id = :c AND z.reference LIKE 'BULK%'""").param("c", councilId).param("d", date).update();
        jdbc.sql("""
                        INSERT INTO dp_account (council_id, citizen_id, direct_payment_id, type, status, opened_on)
                        SELECT council_id, citizen_id, id, account_type, CASE WHEN id % 100 = 0 THEN 'SUSPENDED' ELSE 'OPEN' END, :d - 10
                        FROM direct_payment WHERE council_id = :c AND created_by = 'bench' ORDER BY id""").param("c", councilId).param("d", date).update();
        // the nightly steady state: everyone was paid last period and is due again today, except
        // one in a hundred who start today (their first payment stops the time-to-money clock)
        jdbc.sql("""
                        INSERT INTO payment_schedule (council_id, account_id, frequency, regular_payment_pence, weekly_budget_pence,
                            first_payment_date)
                        SELECT a.council_id, a.id, f.frequency,
                               CASE f.frequency WHEN 'WEEKLY' THEN v.weekly_budget_pence WHEN 'FOUR_WEEKLY' THEN v.weekly_budget_pence * 4
                                                ELSE v.weekly_budget_pence * 52 / 12 END,
                               v.weekly_budget_pence,
                               CASE WHEN a.id % 100 = 7 THEN :d
                                    WHEN f.frequency = 'WEEKLY' THEN :d - 7 WHEN f.frequency = 'FOUR_WEEKLY' THEN :d - 28
                                    ELSE CAST(:d - interval '1 month' AS date) END
                        FROM dp_account a JOIN direct_payment dp ON dp.id = a.direct_payment_id
                        JOIN care_plan_version v ON v.plan_id = dp.plan_id
                        CROSS JOIN LATERAL (SELECT (ARRAY['WEEKLY', 'FOUR_WEEKLY', 'MONTHLY'])[1 + a.id % 3] AS frequency) f
                        WHERE a.council_id = :c AND dp.created_by = 'bench'""").param("c", councilId).param("d", date).update();
        jdbc.sql("""
                        WITH tx AS (
                            INSERT INTO ledger_transaction (council_id, idempotency_key, kind, posted_on, description, created_by)
                            SELECT s.council_id, 'schedule:' || s.id || ':0', 'FUNDING', s.first_payment_date,
                                   'Direct payment for the period from ' || s.first_payment_date, 'bench'
                            FROM payment_schedule s JOIN dp_account a ON a.id = s.account_id
                            JOIN direct_payment dp ON dp.id = a.direct_payment_id AND dp.created_by = 'bench'
                            WHERE s.council_id = :c AND s.first_payment_date < :d
                            RETURNING id, idempotency_key)
                        INSERT INTO ledger_leg (transaction_id, leg, book, account_id, amount_pence)
                        SELECT tx.id, 1, 'COUNCIL', NULL, -s.regular_payment_pence
                        FROM tx JOIN payment_schedule s ON 'schedule:' || s.id || ':0' = tx.idempotency_key
                        UNION ALL
                        SELECT tx.id, 2, 'ACCOUNT', s.account_id, s.regular_payment_pence
                        FROM tx JOIN payment_schedule s ON 'schedule:' || s.id || ':0' = tx.idempotency_key""")
                .param("c", councilId).param("d", date).update();
        jdbc.sql("""
                        UPDATE direct_payment dp SET first_payment_date = s.first_payment_date
                        FROM dp_account a JOIN payment_schedule s ON s.account_id = a.id
                        WHERE a.direct_payment_id = dp.id AND dp.council_id = :c AND dp.created_by = 'bench'
                          AND s.first_payment_date < :d""")
                .param("c", councilId).param("d", date).update();
        // bank accounts have the person's details (one in fifty not yet: an exception); managed accounts the provider's
        jdbc.sql("""
                        INSERT INTO bank_details (council_id, purpose, account_id, account_name, sort_code, account_number, reference,
                            recorded_by)
                        SELECT a.council_id, 'PAYEE', a.id, CASE a.type WHEN 'BANK_ACCOUNT' THEN 'Person Number ' || a.id
                                                                          ELSE 'Community Accounts CIC' END,
                               lpad((200000 + a.id % 700000)::text, 6, '0'), lpad((a.id * 7919 % 100000000)::text, 8, '0'),
                               CASE a.type WHEN 'MANAGED_ACCOUNT' THEN 'MA' || a.id END, 'bench'
                        FROM dp_account a JOIN direct_payment dp ON dp.id = a.direct_payment_id AND dp.created_by = 'bench'
                        WHERE a.council_id = :c AND (a.type = 'MANAGED_ACCOUNT' OR (a.type = 'BANK_ACCOUNT' AND a.id % 50 <> 1))""")
                .param("c", councilId).update();
        jdbc.sql("ANALYZE").update();
    }

}
