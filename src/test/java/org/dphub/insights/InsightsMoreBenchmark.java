package org.dphub.insights;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.dphub.councils.Council;
import org.dphub.councils.CouncilSettings;
import org.dphub.councils.Councils;
import org.dphub.councils.Nation;
import org.dphub.insights.internal.MoneyReturnedFigure;
import org.dphub.insights.internal.MonitoringEffortFigure;
import org.dphub.insights.internal.PaMarketFigure;
import org.dphub.insights.internal.ReviewsFigure;
import org.dphub.support.BulkDirectPayments;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A first measurement of the four figures money returned, the PA market, monitoring and reviews
 * for one council of DPHUB_BENCH_SCALE (default 50,000) direct payments with a year of history:
 * five payments into each account, a review each, a check for one account in five, a recovery for
 * one in twenty, a vacancy for one person in ten (half filled), and 20,000 PA profiles in the
 * people's district with two status changes each. Times each figure warm (10 runs: median and
 * 95th percentile) and writes target/bench/insights-more.json. Not a test and not yet the issue's
 * `bin/bench insights` (250,000 direct payments, checked against a plain SQL scan): run it with
 * {@code ./mvnw -B -q test -Dtest=InsightsMoreBenchmark}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dphub.database.embedded.data-dir=",
        "dphub.demo-data=false",
        "dphub.payment-runs.nightly=-"})
class InsightsMoreBenchmark {

    @Autowired
    Councils councils;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MoneyReturnedFigure moneyReturned;
    @Autowired
    PaMarketFigure paMarket;
    @Autowired
    MonitoringEffortFigure monitoring;
    @Autowired
    ReviewsFigure reviews;

    @Test
    void insightsMore() throws Exception {
        int scale = Integer.parseInt(System.getenv().getOrDefault("DPHUB_BENCH_SCALE", "50000"));
        Council council = councils.create("bench-more", "Bench More Council", "Cyngor Mainc Rhagor", Nation.ENGLAND,
                CouncilSettings.defaults(false));
        long c = council.id();
        long built = System.nanoTime();
        BulkDirectPayments.build(jdbc, c, scale, LocalDate.of(2025, 12, 1));
        // agreed before they started (the bulk rows are agreed "now"), so the year's reviews are theirs
        jdbc.sql("UPDATE direct_payment SET agreed_at = TIMESTAMPTZ '2025-11-25 10:00+00' WHERE council_id = :c").param("c", c).update();
        // four more four-weekly payments into each account through the year
        jdbc.sql("""
                        WITH tx AS (
                            INSERT INTO ledger_transaction (council_id, idempotency_key, kind, posted_on, description, created_by)
                            SELECT a.council_id, 'bench-more:' || a.id || ':' || k, 'FUNDING', DATE '2026-01-01' + k * 56, 'Payment', 'bench'
                            FROM dp_account a CROSS JOIN generate_series(1, 4) k WHERE a.council_id = :c
                            RETURNING id, idempotency_key)
                        INSERT INTO ledger_leg (transaction_id, leg, book, account_id, amount_pence)
                        SELECT tx.id, 1, 'COUNCIL', NULL, -100000 FROM tx
                        UNION ALL
                        SELECT tx.id, 2, 'ACCOUNT', split_part(tx.idempotency_key, ':', 2)::bigint, 100000 FROM tx""")
                .param("c", c).update();
        jdbc.sql("""
                        INSERT INTO review (council_id, direct_payment_id, reason, reviewed_on, working, not_working, reviewed_by)
                        SELECT council_id, id, 'SCHEDULED', DATE '2026-03-01' + (id % 240)::int, 'Fine', '', 'bench'
                        FROM direct_payment WHERE council_id = :c""").param("c", c).update();
        jdbc.sql("""
                        INSERT INTO monitoring_check (council_id, account_id, reasons, outcome, minutes, checked_by, checked_at)
                        SELECT council_id, id, '{SURPLUS}', (ARRAY['ALL_WELL', 'ALL_WELL', 'QUESTION_ASKED', 'REFERRAL'])[1 + id % 4],
                               10 + id % 50, 'bench', TIMESTAMPTZ '2026-01-05 10:00+00' + make_interval(days => (id % 320)::int)
                        FROM dp_account WHERE council_id = :c AND id % 5 = 0""").param("c", c).update();
        jdbc.sql("""
                        WITH r AS (
                            INSERT INTO surplus_recovery (council_id, account_id, amount_pence, surplus_pence, reason, letter_locale, letter,
                                recovered_on, proposed_by)
                            SELECT council_id, id, 5000, 5000, 'Left over', 'en', 'Letter', DATE '2026-02-01' + (id % 280)::int, 'bench'
                            FROM dp_account WHERE council_id = :c AND id % 20 = 0
                            RETURNING id, council_id, account_id, recovered_on),
                        tx AS (
                            INSERT INTO ledger_transaction (council_id, idempotency_key, kind, posted_on, description, created_by)
                            SELECT council_id, 'recovery:' || id, 'RECOVERY', recovered_on, 'Back', 'bench' FROM r
                            RETURNING id, idempotency_key)
                        INSERT INTO ledger_leg (transaction_id, leg, book, account_id, amount_pence)
                        SELECT tx.id, 1, 'ACCOUNT', r.account_id, -5000 FROM tx JOIN r ON 'recovery:' || r.id = tx.idempotency_key
                        UNION ALL
                        SELECT tx.id, 2, 'COUNCIL', NULL, 5000 FROM tx""").param("c", c).update();
        jdbc.sql("""
                        INSERT INTO pa_profile (display_name, home_postcode, travel_km, hourly_rate_pence, employment_basis, status, created_at)
                        SELECT 'Bench P.', 'SY1 2AA', 10, 1400, 'EITHER', CASE WHEN g % 4 = 0 THEN 'SUSPENDED' ELSE 'LIVE' END,
                               TIMESTAMPTZ '2025-06-01 10:00+00' + make_interval(days => g % 400)
                        FROM generate_series(1, 20000) g""").update();
        jdbc.sql("""
                        INSERT INTO audit_event (occurred_at, actor, action, entity_type, entity_id, before_state, after_state)
                        SELECT p.created_at, 'bench', 'CREATE', 'pa_profile', p.id::text, NULL::jsonb, '{"status": "AWAITING_CHECKS"}'::jsonb
                        FROM pa_profile p WHERE p.display_name = 'Bench P.'
                        UNION ALL
                        SELECT p.created_at + interval '10 days', 'bench', 'UPDATE', 'pa_profile', p.id::text,
                               '{"status": "AWAITING_CHECKS"}'::jsonb, '{"status": "LIVE"}'::jsonb
                        FROM pa_profile p WHERE p.display_name = 'Bench P.'""").update();
        jdbc.sql("""
                        INSERT INTO vacancy (council_id, citizen_id, title, postcode, latitude, longitude, max_distance_km, hours_per_week,
                            hourly_rate_pence, start_date, contact_name, created_by, created_at)
                        SELECT council_id, id, 'Help', 'SY1 1AA', 52.7, -2.75, 10, 6, 1400, DATE '2026-01-01', 'Bench', 'bench',
                               TIMESTAMPTZ '2026-01-02 10:00+00' + make_interval(days => (id % 300)::int)
                        FROM citizen WHERE council_id = :c AND id % 10 = 0""").param("c", c).update();
        jdbc.sql("""
                        WITH v AS (SELECT v.id, v.council_id, v.citizen_id, v.created_at,
                                          (SELECT min(id) FROM pa_profile WHERE display_name = 'Bench P.') + v.id % 20000 AS profile_id
                                   FROM vacancy v WHERE v.council_id = :c AND v.id % 2 = 0),
                        i AS (
                            INSERT INTO introduction (council_id, vacancy_id, profile_id, started_by, status, created_by)
                            SELECT council_id, id, profile_id, 'EMPLOYER', 'HIRED', 'bench' FROM v RETURNING id, vacancy_id, profile_id)
                        INSERT INTO pa_hire (council_id, introduction_id, vacancy_id, profile_id, citizen_id, agreed_hourly_rate_pence,
                            hours_per_week, start_date, postcode_district, postcode_area, hired_by, hired_at)
                        SELECT v.council_id, i.id, v.id, i.profile_id, v.citizen_id, 1400, 6, DATE '2026-02-01', 'SY1', 'SY', 'bench',
                               v.created_at + make_interval(days => 3 + (v.id % 40)::int)
                        FROM i JOIN v ON v.id = i.vacancy_id""").param("c", c).update();
        jdbc.sql("ANALYZE").update();
        double buildSeconds = (System.nanoTime() - built) / 1e9;

        Figure.CouncilFacts facts = new Figure.CouncilFacts(c, council.code(), true, 28);
        Period period = new Period(LocalDate.of(2025, 12, 1), LocalDate.of(2026, 11, 30));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", "insights-more");
        result.put("directPayments", scale);
        result.put("buildSeconds", Math.round(buildSeconds * 10) / 10.0);
        result.put("moneyReturned", time(() -> moneyReturned.compute(facts, period)));
        result.put("vacancies", time(() -> paMarket.compute(facts, period)));
        result.put("monitoring", time(() -> monitoring.compute(facts, period)));
        result.put("reviews", time(() -> reviews.compute(facts, period)));
        result.put("sample", Map.of("recovered", moneyReturned.compute(facts, period).recoveries(),
                "checks", monitoring.compute(facts, period).checks(), "reviewsDone", reviews.compute(facts, period).done(),
                "vacanciesFilled", paMarket.compute(facts, period).filled(), "liveProfiles", paMarket.compute(facts, period).liveProfiles()));
        String json = result.toString();
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "insights-more.json"), json);
        System.out.println("INSIGHTS-MORE " + json);
    }

    /** Median and 95th percentile of 10 warm runs, in milliseconds (one run first to warm up). */
    static Map<String, Object> time(Supplier<?> figure) {
        figure.get();
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long t = System.nanoTime();
            figure.get();
            ms.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(ms);
        return Map.of("medianMs", Math.round(ms.get(4) * 10) / 10.0, "p95Ms", Math.round(ms.get(9) * 10) / 10.0);
    }
}
