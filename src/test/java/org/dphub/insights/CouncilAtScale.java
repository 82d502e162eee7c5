package org.dphub.insights;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Councils at a stated scale, in set-based SQL: the data {@code bin/bench insights} measures its figures
 * on ({@link InsightsBenchmark}) and {@code bin/bench load} puts its pages under load on
 * ({@code org.dphub.LoadBenchData}). For each council given, that many people with a direct payment
 * (and six in ten as many again with a plan but no direct payment), plans with one or two versions and
 * one to three budget lines taken in all four ways, direct payments asked for over three years (some
 * awaiting agreement, some ended, some suspended, some suspended and resumed), accounts with their
 * schedules and a year of money in and out, one-off payments, reviews, monitoring checks, surplus
 * recoveries, PA vacancies and hires, the national PA register with its status changes, and PAs paid
 * monthly through payroll for the year. Only what it makes is given more (its people's references begin
 * {@code INS}, its rows are made by {@code bench}): a council that already has people, such as a demo
 * council, keeps theirs as they were. Made by bench code only: never part of the product.
 */
public final class CouncilAtScale {

    private final JdbcClient jdbc;

    public CouncilAtScale(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void build(long[] ids, int[] sizes, LocalDate today) {
        StringBuilder values = new StringBuilder();
        for (int k = 0; k < ids.length; k++) {
            values.append(k == 0 ? "" : ", ").append("(").append(ids[k]).append(", ").append(sizes[k]).append(")");
        }
        String councilSizes = "(VALUES " + values + ") AS s(council_id, n)";
        jdbc.sql("DROP TABLE IF EXISTS bench_person").update();
        // people: the first n of each council hold a direct payment; as many again times 0.6 have only a plan;
        // one in 33 is a child
        jdbc.sql("""
                        INSERT INTO citizen (council_id, reference, given_name, family_name, date_of_birth, postcode)
                        SELECT s.council_id, 'INS' || lpad(g::text, 7, '0'), 'Person', 'Number ' || g,
                               CASE WHEN g % 33 = 0 THEN DATE '2010-01-01' + (g % 3000) ELSE DATE '1930-01-01' + (g * 37 % 25000) END,
                               'SY' || (1 + g % 9) || ' 1AA'
                        FROM {sizes}, generate_series(1, s.n + s.n * 6 / 10) g""".replace("{sizes}", councilSizes)).update();
        // one row a person with every date their records need, drawn once so the tables agree with each other
        jdbc.sql("""
                        CREATE UNLOGGED TABLE bench_person AS
                        WITH p AS (
                            SELECT c.id AS citizen_id, c.council_id, substr(c.reference, 4)::int AS g,
                                   substr(c.reference, 4)::int <= s.n AS holder,
                                   random() AS r1, random() AS r2, random() AS r3, random() AS r4
                            FROM citizen c JOIN {sizes} ON s.council_id = c.council_id WHERE c.reference LIKE 'INS%'),
                        d AS (
                            SELECT p.*,
                                   CASE WHEN NOT holder THEN NULL WHEN r2 < 0.04 THEN 'AWAITING_AGREEMENT' WHEN r2 < 0.19 THEN 'ENDED'
                                        WHEN r2 < 0.22 THEN 'SUSPENDED' ELSE 'ACTIVE' END AS status,
                                   CASE WHEN NOT holder THEN NULL WHEN r2 < 0.04 THEN CAST(:today AS date) - floor(r1 * 60)::int
                                        ELSE CAST(:today AS date) - 70 - floor(r1 * 1025)::int END AS requested_on
                            FROM p),
                        e AS (
                            SELECT d.*, d.requested_on + 5 + floor(r3 * 50)::int AS start_date,
                                   CASE WHEN status = 'ENDED' THEN least(CAST(:today AS date) - 1,
                                        d.requested_on + 60 + floor(r4 * 900)::int) END AS ended_on,
                                   coalesce(d.requested_on - 14, CAST(:today AS date) - floor(r1 * 1095)::int) AS plan_start
                            FROM d),
                        f AS (
                            SELECT e.*,
                                   CASE WHEN status = 'ENDED' AND r3 < 0.5 THEN ended_on
                                        WHEN NOT holder AND r2 < 0.1 AND plan_start + 100 < CAST(:today AS date) THEN least(CAST(:today AS date) - 1, plan_start + 100 + floor(r4 * 600)::int)
                                   END AS plan_end,
                                   CASE WHEN r4 < 0.3 THEN plan_start + 200 + floor(r1 * 200)::int END AS second_start
                            FROM e)
                        SELECT f.*, CASE WHEN second_start <= CAST(:today AS date) AND second_start <= coalesce(plan_end, CAST(:today AS date))
                                         THEN second_start END AS v2_start
                        FROM f""".replace("{sizes}", councilSizes).replace("CAST(:today AS date)", "DATE '" + today + "'")).update();
        jdbc.sql("ALTER TABLE bench_person ADD COLUMN plan_id bigint").update();
        jdbc.sql("INSERT INTO care_plan (council_id, citizen_id) SELECT council_id, citizen_id FROM bench_person ORDER BY citizen_id")
                .update();
        jdbc.sql("""
                        UPDATE bench_person b SET plan_id = p.id FROM care_plan p WHERE p.citizen_id = b.citizen_id""").update();
        // versions: the first ends the day before the second starts (or when the plan ends)
        jdbc.sql("""
                        INSERT INTO care_plan_version (plan_id, council_id, version, start_date, end_date, how_needs_met, payment_frequency,
                            weekly_contribution_pence, weekly_budget_pence, annual_budget_pence, regular_payment_pence, created_by)
                        SELECT b.plan_id, b.council_id, v.version, v.start_date, v.end_date,
                               CASE WHEN b.holder THEN 'DIRECT_PAYMENT_PART' ELSE 'COUNCIL_ARRANGED' END, 'FOUR_WEEKLY', 0,
                               20000 + b.g % 20000, (20000 + b.g % 20000) * 52, (20000 + b.g % 20000) * 4, 'bench'
                        FROM bench_person b
                        CROSS JOIN LATERAL (VALUES (1, b.plan_start, coalesce(b.v2_start - 1, b.plan_end)),
                                                   (2, b.v2_start, b.plan_end)) AS v(version, start_date, end_date)
                        WHERE v.start_date IS NOT NULL""").update();
        // lines: hours of support (a direct payment for holders, another way for the rest), half with a weekly
        // line taken in any of the four ways, one in five with a one-off amount
        jdbc.sql("""
                        INSERT INTO plan_budget_line (plan_version_id, position, description, kind, hours_per_week, hourly_rate_pence,
                            weekly_amount_pence, amount_pence, delivery_mechanism)
                        SELECT v.id, l.position, l.description, l.kind, l.hours, l.rate, l.weekly, l.amount, l.mechanism
                        FROM care_plan_version v JOIN bench_person b ON b.plan_id = v.plan_id
                        CROSS JOIN LATERAL (VALUES
                            (1, 'Personal assistant', 'HOURLY', 5 + (b.g + v.version) % 26, 1200 + (b.g % 9) * 50, NULL::bigint, NULL::bigint,
                             CASE WHEN b.holder THEN 'DIRECT_PAYMENT'
                                  ELSE (ARRAY['COUNCIL_COMMISSIONED', 'COUNCIL_MANAGED_BUDGET', 'INDIVIDUAL_SERVICE_FUND'])[1 + b.g % 3] END),
                            (2, 'Day opportunities', 'WEEKLY', NULL, NULL, 2000 + (b.g % 80) * 100, NULL,
                             CASE WHEN b.holder THEN (ARRAY['DIRECT_PAYMENT', 'COUNCIL_COMMISSIONED', 'COUNCIL_MANAGED_BUDGET',
                                                            'INDIVIDUAL_SERVICE_FUND'])[1 + b.g / 2 % 4]
                                  ELSE (ARRAY['COUNCIL_COMMISSIONED', 'COUNCIL_MANAGED_BUDGET', 'INDIVIDUAL_SERVICE_FUND'])[1 + b.g / 2 % 3] END),
                            (3, 'Equipment', 'ONE_OFF', NULL, NULL, NULL, 30000,
                             CASE WHEN b.holder THEN 'DIRECT_PAYMENT' ELSE 'COUNCIL_COMMISSIONED' END))
                            AS l(position, description, kind, hours, rate, weekly, amount, mechanism)
                        WHERE v.council_id = b.council_id AND (l.position = 1 OR (l.position = 2 AND b.g % 2 = 0)
                              OR (l.position = 3 AND b.g % 5 = 0))""").update();
        jdbc.sql("""
                        INSERT INTO direct_payment (council_id, citizen_id, plan_id, status, has_capacity, account_type, requested_on,
                            start_date, agreed_at, agreed_by, agreement_method, first_payment_date, created_by)
                        SELECT b.council_id, b.citizen_id, b.plan_id, b.status, b.g % 11 <> 0,
                               (ARRAY['BANK_ACCOUNT', 'PREPAID_CARD', 'MANAGED_ACCOUNT'])[1 + b.g % 3], b.requested_on, b.start_date,
                               CASE WHEN b.status <> 'AWAITING_AGREEMENT'
                                    THEN (b.start_date - floor(b.r4 * 10)::int + time '12:00') AT TIME ZONE 'Europe/London' END,
                               CASE WHEN b.status <> 'AWAITING_AGREEMENT' THEN 'bench' END,
                               CASE WHEN b.status <> 'AWAITING_AGREEMENT' THEN 'ONLINE' END,
                               CASE WHEN b.status <> 'AWAITING_AGREEMENT' THEN b.start_date + floor(b.r1 * 4)::int END, 'bench'
                        FROM bench_person b WHERE b.holder ORDER BY b.citizen_id""").update();
        jdbc.sql("ALTER TABLE bench_person ADD COLUMN dp_id bigint").update();
        jdbc.sql("UPDATE bench_person b SET dp_id = d.id FROM direct_payment d WHERE d.plan_id = b.plan_id").update();
        // status changes: ended; suspended; one in ten active ones suspended and resumed on the way
        jdbc.sql("""
                        INSERT INTO direct_payment_status_change (council_id, direct_payment_id, event, from_status, to_status,
                            effective_on, reason, changed_by)
                        SELECT b.council_id, b.dp_id, c.event, c.from_status, c.to_status, c.effective_on, 'Bench', 'bench'
                        FROM bench_person b
                        CROSS JOIN LATERAL (VALUES
                            ('ENDED', 'ACTIVE', 'ENDED', b.ended_on, b.status = 'ENDED'),
                            ('SUSPENDED', 'ACTIVE', 'SUSPENDED', CAST(:today AS date) - floor(b.r1 * 60)::int, b.status = 'SUSPENDED'),
                            ('SUSPENDED', 'ACTIVE', 'SUSPENDED', b.start_date + 30, b.status = 'ACTIVE' AND b.r3 < 0.1),
                            ('RESUMED', 'SUSPENDED', 'ACTIVE', b.start_date + 44, b.status = 'ACTIVE' AND b.r3 < 0.1))
                            AS c(event, from_status, to_status, effective_on, wanted)
                        WHERE b.holder AND c.wanted
                        ORDER BY c.effective_on""").param("today", today).update();
        jdbc.sql("""
                        INSERT INTO dp_account (council_id, citizen_id, direct_payment_id, type, status, opened_on, closed_on)
                        SELECT b.council_id, b.citizen_id, b.dp_id, (ARRAY['BANK_ACCOUNT', 'PREPAID_CARD', 'MANAGED_ACCOUNT'])[1 + b.g % 3],
                               CASE b.status WHEN 'ENDED' THEN 'CLOSED' WHEN 'SUSPENDED' THEN 'SUSPENDED' ELSE 'OPEN' END,
                               b.start_date - 3, b.ended_on
                        FROM bench_person b WHERE b.holder AND b.status <> 'AWAITING_AGREEMENT' ORDER BY b.dp_id""").update();
        // Connect and Enable one-offs: one in eight people, over three years; a third approved at once
        jdbc.sql("""
                        INSERT INTO one_off_payment (council_id, citizen_id, amount_pence, purpose, outcome, reason, account_type, status,
                            limit_pence, requested_by, requested_at, decided_by, decided_at)
                        SELECT b.council_id, b.citizen_id, 5000 + (b.g % 90) * 1000, 'A week of extra help', 'Home from hospital',
                               (ARRAY['HOSPITAL_DISCHARGE', 'AVOID_ADMISSION', 'CARER_BREAKDOWN', 'LEARNING', 'SHORT_TERM_SUPPORT',
                                      'OTHER'])[1 + b.g % 6], 'BANK_ACCOUNT', o.status, 50000, 'bench', o.requested_at,
                               CASE WHEN o.status <> 'AWAITING_APPROVAL' THEN 'bench' END,
                               CASE WHEN o.status = 'AWAITING_APPROVAL' THEN NULL WHEN b.g % 3 = 0 THEN o.requested_at
                                    ELSE o.requested_at + make_interval(mins => floor(b.r2 * 4320)::int) END
                        FROM bench_person b
                        CROSS JOIN LATERAL (SELECT now() - make_interval(mins => floor(b.r3 * 1095 * 1440)::int) AS requested_at,
                                                   CASE WHEN b.r4 < 0.85 THEN 'APPROVED' WHEN b.r4 < 0.95 THEN 'DECLINED'
                                                        ELSE 'AWAITING_APPROVAL' END AS status) o
                        WHERE b.g % 8 = 0""").update();
        // reviews: six months after the start, then every year, while the direct payment lasts
        jdbc.sql("""
                        INSERT INTO review (council_id, direct_payment_id, reason, reviewed_on, working, not_working, plan_to_change,
                            reviewed_by)
                        SELECT b.council_id, b.dp_id, CASE WHEN (b.g + k) % 10 = 0 THEN 'CONCERN' ELSE 'SCHEDULED' END,
                               b.start_date + 170 + k * 360 + b.g % 20, 'Going well', '', (b.g + k) % 7 = 0, 'bench'
                        FROM bench_person b CROSS JOIN generate_series(0, 3) k
                        WHERE b.holder AND b.status <> 'AWAITING_AGREEMENT'
                          AND b.start_date + 170 + k * 360 + b.g % 20 <= coalesce(b.ended_on, CAST(:today AS date))""")
                .param("today", today).update();
        // what other figures read: monitoring checks, surplus recoveries, PA vacancies
        jdbc.sql("""
                        INSERT INTO monitoring_check (council_id, account_id, reasons, outcome, minutes, checked_by, checked_at)
                        SELECT a.council_id, a.id, ARRAY[(ARRAY['NEW_DIRECT_PAYMENT', 'SURPLUS', 'UNLINKED_SPENDING'])[1 + b.g % 3]],
                               (ARRAY['ALL_WELL', 'ALL_WELL', 'ALL_WELL', 'QUESTION_ASKED', 'SURPLUS_RECOVERY_PROPOSED', 'REFERRAL'])[1 + (b.g + k) % 6],
                               5 + (b.g * 7 + k) % 115, 'bench', now() - make_interval(days => k * 365 + floor(b.r1 * 365)::int)
                        FROM bench_person b JOIN dp_account a ON a.direct_payment_id = b.dp_id
                        CROSS JOIN generate_series(0, 1) k
                        WHERE (k = 0 AND b.g % 2 = 0) OR (k = 1 AND b.g % 5 = 0)""").update();
        jdbc.sql("""
                        INSERT INTO surplus_recovery (council_id, account_id, amount_pence, surplus_pence, reason, letter_locale, letter,
                            recovered_on, proposed_by)
                        SELECT a.council_id, a.id, 10000 + (b.g % 190) * 1000, 10000 + (b.g % 190) * 1000 + (b.g % 7) * 500,
                               'More than 8 weeks of budget left over', 'en', 'Bench letter',
                               CAST(:today AS date) - floor(b.r2 * 1095)::int, 'bench'
                        FROM bench_person b JOIN dp_account a ON a.direct_payment_id = b.dp_id
                        WHERE b.g % 25 = 0""").param("today", today).update();
        jdbc.sql("""
                        INSERT INTO vacancy (council_id, citizen_id, title, postcode, latitude, longitude, max_distance_km, hours_per_week,
                            hourly_rate_pence, start_date, contact_name, status, created_by, created_at, updated_at)
                        SELECT b.council_id, b.citizen_id, 'A PA for mornings', 'SY1 1AA', 52.7, -2.75, 15, 5 + b.g % 20,
                               1200 + (b.g % 9) * 50, v.created::date + 14, 'Person Number ' || b.g,
                               CASE WHEN b.r4 < 0.7 THEN 'FILLED' WHEN b.r4 < 0.9 THEN 'CLOSED' ELSE 'OPEN' END, 'bench', v.created,
                               v.created + make_interval(days => 3 + floor(b.r2 * 60)::int)
                        FROM bench_person b
                        CROSS JOIN LATERAL (SELECT now() - make_interval(days => floor(b.r3 * 1095)::int) AS created) v
                        WHERE b.holder AND b.g % 10 = 0""").update();
    }

    /**
     * What the later figures read, at the same scale: money into and out of each account through the year
     * (four payments in, two spendings out, and each recovery's ledger entry), each account's payment schedule,
     * the national PA register (130,000 profiles with their status changes in the audit trail), hires for the
     * filled vacancies, and for one holder in five a PA employed through dphub payroll, paid monthly for the
     * year (an approved run, a payslip and its WORK line a month). Then what autovacuum does after a bulk load.
     */
    public Map<String, Object> buildMoneyMarketAndPay(LocalDate today) {
        LocalDate yearAgo = today.minusYears(1);
        jdbc.sql("""
                        INSERT INTO payment_schedule (council_id, account_id, frequency, regular_payment_pence, weekly_budget_pence,
                            first_payment_date)
                        SELECT a.council_id, a.id, 'FOUR_WEEKLY', (20000 + b.g % 20000) * 4, 20000 + b.g % 20000, a.opened_on + 3
                        FROM dp_account a JOIN bench_person b ON b.dp_id = a.direct_payment_id""").update();
        jdbc.sql("""
                        WITH tx AS (
                            INSERT INTO ledger_transaction (council_id, idempotency_key, kind, posted_on, description, created_by)
                            SELECT a.council_id, 'bench:' || a.id || ':' || k, CASE WHEN k <= 4 THEN 'FUNDING' ELSE 'SPENDING' END,
                                   greatest(a.opened_on, CAST(:from AS date)) + k * 50, CASE WHEN k <= 4 THEN 'Payment' ELSE 'Spent' END,
                                   'bench'
                            FROM dp_account a JOIN bench_person b ON b.dp_id = a.direct_payment_id CROSS JOIN generate_series(1, 6) k
                            WHERE greatest(a.opened_on, CAST(:from AS date)) + k * 50 <= coalesce(a.closed_on, CAST(:today AS date))
                            RETURNING id, idempotency_key, kind)
                        INSERT INTO ledger_leg (transaction_id, leg, book, account_id, amount_pence)
                        SELECT tx.id, 1, CASE WHEN tx.kind = 'FUNDING' THEN 'COUNCIL' ELSE 'SPENDING' END,
                               CASE WHEN tx.kind = 'FUNDING' THEN NULL ELSE split_part(tx.idempotency_key, ':', 2)::bigint END,
                               CASE WHEN tx.kind = 'FUNDING' THEN -80000 ELSE 95000 END FROM tx
                        UNION ALL
                        SELECT tx.id, 2, 'ACCOUNT', split_part(tx.idempotency_key, ':', 2)::bigint,
                               CASE WHEN tx.kind = 'FUNDING' THEN 80000 ELSE -95000 END FROM tx""")
                .param("from", yearAgo).param("today", today).update();
        jdbc.sql("""
                        WITH tx AS (
                            INSERT INTO ledger_transaction (council_id, idempotency_key, kind, posted_on, description, created_by)
                            SELECT r.council_id, 'recovery:' || r.id, 'RECOVERY', r.recovered_on, 'Returned', 'bench'
                            FROM surplus_recovery r WHERE r.proposed_by = 'bench'
                            RETURNING id, idempotency_key)
                        INSERT INTO ledger_leg (transaction_id, leg, book, account_id, amount_pence)
                        SELECT tx.id, 1, 'ACCOUNT', r.account_id, -r.amount_pence
                        FROM tx JOIN surplus_recovery r ON 'recovery:' || r.id = tx.idempotency_key
                        UNION ALL
                        SELECT tx.id, 2, 'COUNCIL', NULL, r.amount_pence
                        FROM tx JOIN surplus_recovery r ON 'recovery:' || r.id = tx.idempotency_key""").update();
        jdbc.sql("""
                        INSERT INTO pa_profile (display_name, home_postcode, travel_km, hourly_rate_pence, employment_basis, status, created_at)
                        SELECT 'Bench P.', 'SY' || (1 + g % 9) || ' 2AA', 10, 1200 + (g % 12) * 50, 'EITHER',
                               CASE WHEN g % 4 = 0 THEN 'SUSPENDED' ELSE 'LIVE' END, now() - make_interval(days => g % 1400)
                        FROM generate_series(1, 130000) g""").update();
        jdbc.sql("""
                        INSERT INTO audit_event (occurred_at, actor, action, entity_type, entity_id, before_state, after_state)
                        SELECT p.created_at, 'bench', 'CREATE', 'pa_profile', p.id::text, NULL::jsonb, '{"status": "AWAITING_CHECKS"}'::jsonb
                        FROM pa_profile p WHERE p.display_name = 'Bench P.'
                        UNION ALL
                        SELECT p.created_at + interval '10 days', 'bench', 'UPDATE', 'pa_profile', p.id::text,
                               '{"status": "AWAITING_CHECKS"}'::jsonb, '{"status": "LIVE"}'::jsonb
                        FROM pa_profile p WHERE p.display_name = 'Bench P.'
                        UNION ALL
                        SELECT p.created_at + interval '200 days', 'bench', 'UPDATE', 'pa_profile', p.id::text,
                               '{"status": "LIVE"}'::jsonb, '{"status": "SUSPENDED"}'::jsonb
                        FROM pa_profile p WHERE p.display_name = 'Bench P.' AND p.status = 'SUSPENDED'""").update();
        jdbc.sql("""
                        WITH v AS (SELECT v.id, v.council_id, v.citizen_id, v.updated_at,
                                          (SELECT min(id) FROM pa_profile WHERE display_name = 'Bench P.') + v.id % 130000 AS profile_id
                                   FROM vacancy v WHERE v.status = 'FILLED' AND v.created_by = 'bench'),
                        i AS (
                            INSERT INTO introduction (council_id, vacancy_id, profile_id, started_by, status, created_by)
                            SELECT council_id, id, profile_id, 'EMPLOYER', 'HIRED', 'bench' FROM v RETURNING id, vacancy_id, profile_id)
                        INSERT INTO pa_hire (council_id, introduction_id, vacancy_id, profile_id, citizen_id, agreed_hourly_rate_pence,
                            hours_per_week, start_date, postcode_district, postcode_area, hired_by, hired_at)
                        SELECT v.council_id, i.id, v.id, i.profile_id, v.citizen_id, 1200 + (v.id % 12) * 50, 6,
                               v.updated_at::date + 7, 'SY' || (1 + v.id % 9), 'SY', 'bench', v.updated_at
                        FROM i JOIN v ON v.id = i.vacancy_id""").update();
        // a PA employed through payroll by one holder in five with an active direct payment, paid monthly all year
        jdbc.sql("ALTER TABLE bench_person ADD COLUMN employment_id bigint").update();
        jdbc.sql("""
                        WITH e AS (
                            INSERT INTO pa_employment (council_id, citizen_id, pa_given_name, pa_family_name, pa_date_of_birth, started_on,
                                created_by)
                            SELECT b.council_id, b.citizen_id, 'Pat', 'Bench', DATE '1990-01-01', CAST(:from AS date) - 30, 'bench'
                            FROM bench_person b WHERE b.holder AND b.status = 'ACTIVE' AND b.g % 5 = 0
                            RETURNING id, citizen_id)
                        UPDATE bench_person b SET employment_id = e.id FROM e WHERE e.citizen_id = b.citizen_id""")
                .param("from", yearAgo).update();
        jdbc.sql("""
                        INSERT INTO pa_employment_terms (employment_id, effective_from, hourly_rate_pence, hours_kind,
                            contracted_minutes_per_week, pay_frequency, tax_code, pension, el_insurer, el_policy_number, el_expires_on,
                            created_by)
                        SELECT b.employment_id, CAST(:from AS date) - 30, 1150 + (b.g % 15) * 50, 'CONTRACTED', 600 + (b.g % 10) * 60,
                               'MONTHLY', '1257L', 'ASSESS', 'Bench Insurance', 'B-' || b.g, CAST(:from AS date) + 400, 'bench'
                        FROM bench_person b WHERE b.employment_id IS NOT NULL""").param("from", yearAgo).update();
        jdbc.sql("""
                        INSERT INTO payroll_run (council_id, citizen_id, tax_year, frequency, period, period_start, period_end, pay_date,
                            created_by)
                        SELECT b.council_id, b.citizen_id,
                               CASE WHEN m.start_on >= make_date(extract(year FROM m.start_on)::int, 4, 6)
                                    THEN extract(year FROM m.start_on)::int || '-' || lpad(((extract(year FROM m.start_on)::int + 1) % 100)::text, 2, '0')
                                    ELSE (extract(year FROM m.start_on)::int - 1) || '-' || lpad((extract(year FROM m.start_on)::int % 100)::text, 2, '0')
                               END, 'MONTHLY', k, m.start_on, (m.start_on + interval '1 month' - interval '1 day')::date,
                               (m.start_on + interval '1 month' - interval '1 day')::date, 'bench'
                        FROM bench_person b CROSS JOIN generate_series(1, 12) k
                        CROSS JOIN LATERAL (SELECT (date_trunc('month', CAST(:from AS date)) + make_interval(months => k - 1))::date AS start_on) m
                        WHERE b.employment_id IS NOT NULL""").param("from", yearAgo).update();
        jdbc.sql("""
                        INSERT INTO payroll_run_approval (run_id, approved_by, approved_at)
                        SELECT r.id, 'bench', r.pay_date - 3 + time '10:00' FROM payroll_run r WHERE r.created_by = 'bench'""").update();
        jdbc.sql("""
                        INSERT INTO payslip (run_id, council_id, citizen_id, employment_id, tax_year, pay_date, tax_code, week1_month1, ni_category,
                            work_minutes, holiday_minutes, sick_days, work_pay_pence, holiday_pay_pence, ssp_pence, gross_pence, tax_pence,
                            employee_ni_pence, employer_ni_pence, employment_allowance_pence, pension_status, qualifying_earnings_pence,
                            employee_pension_pence, employer_pension_pence, net_pence, holiday_accrued_minutes, ytd_gross_pence,
                            ytd_taxable_pence, ytd_tax_pence, ytd_employee_ni_pence, ytd_employer_ni_pence, ytd_employee_pension_pence,
                            ytd_employer_pension_pence, ytd_net_pence, ytd_holiday_accrued_minutes, ytd_holiday_taken_minutes)
                        SELECT r.id, r.council_id, r.citizen_id, b.employment_id, r.tax_year, r.pay_date, '1257L', false, 'A',
                               w.minutes, 0, 0, w.pay, 0, 0, w.pay, 0, 0, 0, 0, 'NON_ELIGIBLE', 0, 0, 0, w.pay, 0, w.pay, w.pay, 0, 0, 0, 0,
                               0, w.pay, 0, 0
                        FROM payroll_run r JOIN bench_person b ON b.citizen_id = r.citizen_id
                        CROSS JOIN LATERAL (SELECT (600 + (b.g % 10) * 60) * 4 + (r.period % 3) * 60 AS minutes) m0
                        CROSS JOIN LATERAL (SELECT m0.minutes, round(m0.minutes * (1150 + (b.g % 15) * 50) / 60.0)::bigint AS pay) w
                        WHERE r.created_by = 'bench'""").update();
        jdbc.sql("""
                        INSERT INTO payslip_line (payslip_id, line, kind, minutes, days, rate_pence, amount_pence)
                        SELECT s.id, 1, 'WORK', s.work_minutes, 0, t.hourly_rate_pence, s.work_pay_pence
                        FROM payslip s JOIN pa_employment_terms t ON t.employment_id = s.employment_id
                        WHERE t.created_by = 'bench'""").update();
        List<String> tables = List.of("citizen", "care_plan", "care_plan_version", "plan_budget_line", "plan_version_support", "direct_payment",
                "direct_payment_status_change", "dp_account", "payment_schedule", "ledger_transaction", "ledger_leg",
                "one_off_payment", "review", "monitoring_check", "surplus_recovery", "vacancy", "pa_profile", "audit_event",
                "introduction", "pa_hire", "pa_employment", "pa_employment_terms", "payroll_run", "payslip", "payslip_line",
                "payslip_paid_work");
        for (String table : tables) {
            // what autovacuum does soon after a bulk load: statistics, and the visibility map
            jdbc.sql("VACUUM ANALYZE " + table).update();
        }
        // Not what autovacuum does: the bulk load writes every plan version's kept row and then rewrites it for its
        // lines inside one statement, so plan_version_support_plan_idx (whose columns the lines change) ends with
        // every row's entries twice, none removable then (148 MB, not 45). A council writes a plan at a time, and
        // each rewrite's old entry is removed soon after (bottom-up deletion, autovacuum), so its index stays near
        // its live size: rebuilt here to be that (docs/PERFORMANCE.md, "third round")
        jdbc.sql("REINDEX INDEX plan_version_support_plan_idx").update();
        Map<String, Object> rows = new LinkedHashMap<>();
        for (String table : tables) {
            rows.put(table, jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single());
        }
        return rows;
    }
}
