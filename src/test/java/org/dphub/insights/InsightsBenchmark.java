package org.dphub.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.dphub.councils.CouncilSettings;
import org.dphub.councils.Councils;
import org.dphub.councils.Nation;
import org.dphub.identity.NewUserAccount;
import org.dphub.identity.UserAccounts;
import org.dphub.shared.Role;
import org.dphub.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bin/bench insights}: the council of DPHUB_BENCH_SCALE (default 250,000) direct
 * payments with a year of history, among 19 small councils (a hundredth each, two in Wales), built
 * in set-based SQL: people (and six in ten as many again with a plan but no direct payment), plans
 * with one or two versions and one to three budget lines taken in all four ways, direct payments
 * asked for over three years (some awaiting agreement, some ended, some suspended, some suspended
 * and resumed), first payments, accounts with their schedules and a year of money in and out,
 * one-off payments, reviews, monitoring checks, surplus recoveries, PA vacancies and hires, the
 * national PA register with its status changes, and PAs paid monthly through payroll for the year.
 * Then, for the large council and the last 12 months: every {@link Figure} bean in the context
 * computed on its own (warm-up, then 30 timed runs: p50/p95/max), the whole
 * {@code GET /api/v1/insights} over HTTP and the page (p50/p95), and the Client Level Data
 * extract over HTTP (time, rows, bytes). Baseline in the same run: uptake and time to money
 * computed again by a plain SQL scan written here from the definitions in docs/INSIGHTS.md
 * (months from generate_series, the base tables, no views), whose numbers must equal the figures'
 * — the benchmark fails if not. Writes target/bench/insights.json. Not a test (its name matches
 * neither *Test nor *IT): bin/bench runs it on its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dphub.database.embedded.data-dir=",
        "dphub.demo-data=false",
        "dphub.payment-runs.nightly=-"})
class InsightsBenchmark {

    static final int COUNCILS = 20;
    /** Timed runs of each figure (DPHUB_BENCH_RUNS to change while investigating). */
    static final int RUNS = Integer.parseInt(System.getenv().getOrDefault("DPHUB_BENCH_RUNS", "30"));
    static final int WARM_UP = Math.min(5, RUNS);
    static final int HTTP_RUNS = Math.min(RUNS, 10);
    /** The plain scans are slow by design (a correlated count a month): timed once each, after one run to warm up. */
    static final int BASELINE_RUNS = 1;
    static final String DP_TEAM = "dp-team@bench-insights-0";
    static final String PASSWORD = "bench-password-2026";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Councils councils;
    @Autowired
    UserAccounts users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Insights insights;

    final JsonMapper json = JsonMapper.builder().build();

    static double seconds(long fromNanos) {
        return Math.round((System.nanoTime() - fromNanos) / 1e7) / 100.0;
    }

    static double ms(long[] sortedNanos, double fraction) {
        int rank = (int) Math.ceil(fraction * sortedNanos.length) - 1;
        return Math.round(sortedNanos[Math.max(0, rank)] / 1e5) / 10.0;
    }

    static Map<String, Object> timings(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("runs", sorted.length);
        t.put("p50Ms", ms(sorted, 0.50));
        t.put("p95Ms", ms(sorted, 0.95));
        t.put("maxMs", ms(sorted, 1.0));
        return t;
    }

    static long[] time(int warmUp, int runs, Runnable work) {
        for (int i = 0; i < warmUp; i++) {
            work.run();
        }
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            work.run();
            nanos[i] = System.nanoTime() - s;
        }
        return nanos;
    }

    @Test
    void insights() throws Exception {
        int scale = Integer.parseInt(System.getenv().getOrDefault("DPHUB_BENCH_SCALE", "250000"));
        LocalDate today = LocalDate.now();
        Period period = Period.lastTwelveMonths(today);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", "insights");
        result.put("directPaymentsInTheCouncil", scale);
        result.put("councils", COUNCILS);
        result.put("loadAverageAtStart", loadAverage());

        // --- the data: the council of DPHUB_BENCH_SCALE direct payments, and 19 small councils
        // (a hundredth of it each, two in Wales) so that every query must find one council's rows among others'
        long t = System.nanoTime();
        long[] ids = new long[COUNCILS];
        int[] sizes = new int[COUNCILS];
        for (int k = 0; k < COUNCILS; k++) {
            boolean wales = k == 7 || k == 13;
            ids[k] = councils.create("bench-insights-" + k, "Bench Council " + k, "Cyngor Mainc " + k,
                    wales ? Nation.WALES : Nation.ENGLAND, CouncilSettings.defaults(wales)).id();
            sizes[k] = k == 0 ? scale : Math.max(100, scale / 100);
        }
        users.create(new NewUserAccount(DP_TEAM, PASSWORD, "Dee Bench", ids[0], EnumSet.of(Role.DP_TEAM), "en"));
        build(ids, sizes, today);
        Map<String, Object> rows = buildMoneyMarketAndPay(today);
        result.put("buildSeconds", seconds(t));
        result.put("rows", rows);
        long council = ids[0];
        result.put("largeCouncil", Map.of("code", "bench-insights-0", "directPayments", count(
                "SELECT count(*) FROM direct_payment WHERE council_id = :c", council)));
        result.put("period", Map.of("from", period.from().toString(), "to", period.to().toString()));
        System.out.println("[insights bench] built in " + result.get("buildSeconds") + " s: " + rows);
        // what the data takes on disk (tables with their indexes and TOAST), for docs/SCALING.md
        Map<String, Object> diskSizes = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT c.relname, round(pg_total_relation_size(c.oid) / 1048576.0)::bigint AS mb
                        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                        WHERE c.relkind = 'r' AND n.nspname = 'public' ORDER BY pg_total_relation_size(c.oid) DESC LIMIT 15""")
                .query(rs -> {
                    diskSizes.put(rs.getString(1), rs.getLong(2));
                });
        diskSizes.put("database", jdbc.sql("SELECT round(pg_database_size(current_database()) / 1048576.0)::bigint").query(Long.class).single());
        result.put("diskSizesMb", diskSizes);
        System.out.println("[insights bench] diskSizes (MB): " + diskSizes);
        try {
            if (RUNS > 0) {
                measure(result, council, period, today);
            }
        } finally {
            String hold = System.getenv("DPHUB_BENCH_HOLD_SECONDS");
            if (hold != null) {
                // to look at the data with psql while the embedded database is still up
                System.out.println("[insights bench] holding " + hold + " s: " + jdbc.sql(
                        "SELECT 'psql -h localhost -p ' || current_setting('port') || ' -U ' || current_user || ' ' || current_database()")
                        .query(String.class).single());
                Thread.sleep(Long.parseLong(hold) * 1000);
            }
        }
    }

    void measure(Map<String, Object> result, long council, Period period, LocalDate today) throws Exception {

        // --- every figure in the context, each on its own, for the large council and the last 12 months
        Figure.CouncilFacts facts = new Figure.CouncilFacts(council, "bench-insights-0", true,
                councils.settings(council).settings().targetDaysToMoney());
        Map<String, Object> figures = new TreeMap<>();
        @SuppressWarnings("rawtypes")
        Map<String, Figure> beans = context.getBeansOfType(Figure.class);
        Map<String, Object> computed = new TreeMap<>();
        for (Figure<?> figure : beans.values()) {
            // as the page and the API work each figure out (Insights.compute: its own read-only transaction)
            long[] nanos = time(WARM_UP, RUNS, () -> insights.compute(figure, facts, period));
            Map<String, Object> timing = timings(nanos);
            timing.put("class", figure.getClass().getSimpleName());
            figures.put(figure.key(), timing);
            computed.put(figure.key(), insights.compute(figure, facts, period));
            System.out.println("[insights bench] " + figure.key() + " " + timing);
        }
        result.put("figures", figures);
        double worstP95 = figures.values().stream().mapToDouble(f -> (Double) ((Map<?, ?>) f).get("p95Ms")).max().orElse(0);
        result.put("worstFigureP95Ms", worstP95);

        // --- the baseline: a plain SQL scan of the tables, written here, must give the same numbers
        Map<String, Object> baseline = new LinkedHashMap<>();
        Uptake uptake = (Uptake) computed.get("uptake");
        TimeToMoney timeToMoney = (TimeToMoney) computed.get("timeToMoney");
        List<String> uptakeRows = uptakeRows(uptake);
        List<String>[] uptakeScan = baselineRun(baseline, "uptake", () -> uptakeScan(council, period));
        List<String> timeRows = timeRows(timeToMoney);
        List<String>[] timeScan = baselineRun(baseline, "timeToMoney",
                () -> timeToMoneyScan(council, period, facts.targetDaysToMoney()));
        boolean equal = uptakeRows.equals(uptakeScan[0]) && timeRows.equals(timeScan[0]);
        baseline.put("equal", equal);
        result.put("baseline", baseline);
        result.put("equal", equal);
        result.put("sample", Map.of("uptakeLastMonth", uptakeRows.get(uptakeRows.size() - 1),
                "timeToMoneyOverall", timeRows.get(0)));
        // --- the whole JSON over HTTP as the DP team member (the API takes HTTP Basic on every request,
        // so each includes checking the password), and the page as a browser gets it (a session cookie)
        Http http = new Http(port);
        System.setProperty("dphub.test.http-timeout-seconds", "600");
        String query = "from=" + period.from() + "&to=" + period.to();
        String[] body = new String[1];
        long[] httpNanos = time(Math.min(2, WARM_UP), HTTP_RUNS, () -> {
            HttpResponse<String> response = http.getAs(DP_TEAM, PASSWORD, "/api/v1/insights?" + query);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            body[0] = response.body();
        });
        Map<String, Object> api = timings(httpNanos);
        api.put("bytes", body[0].length());
        result.put("api", api);
        String cookie = http.signIn(DP_TEAM, PASSWORD);
        long[] pageNanos = time(Math.min(2, WARM_UP), HTTP_RUNS, () -> {
            HttpResponse<String> response = http.get("/insights?" + query, "Cookie", cookie);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("<svg");
        });
        result.put("page", timings(pageNanos));
        long[] signInNanos = time(1, 5, () -> http.getAs(DP_TEAM, PASSWORD, "/api/v1/insights?from=" + today + "&to=" + today));
        result.put("apiOneDay", timings(signInNanos));
        JsonNode answer = json.readTree(body[0]);
        assertThat(answer.get("councilCode").asString()).isEqualTo("bench-insights-0");
        for (String key : computed.keySet()) {
            assertThat(answer.has(key)).as("the API answers with every figure (" + key + ")").isTrue();
        }

        // --- the Client Level Data extract for the year, streamed over HTTP
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Map<String, Object> cld = new LinkedHashMap<>();
        for (int run = 0; run < 3; run++) {
            long s = System.nanoTime();
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/v1/insights/client-level-data?" + query))
                    .header("Authorization", Http.basic(DP_TEAM, PASSWORD)).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(response.statusCode()).isEqualTo(200);
            long bytes = 0;
            long lines = 0;
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = response.body()) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    bytes += n;
                    for (int i = 0; i < n; i++) {
                        if (buffer[i] == '\n') {
                            lines++;
                        }
                    }
                }
            }
            cld.put("run" + (run + 1) + "Seconds", seconds(s));
            cld.put("rows", lines - 1);
            cld.put("bytes", bytes);
        }
        result.put("clientLevelData", cld);

        result.put("loadAverageAtEnd", loadAverage());

        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        Files.writeString(out.resolve("insights.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(result));

        assertThat(uptakeScan[0]).as("uptake: the plain scan and the figure").containsExactlyElementsOf(uptakeRows);
        assertThat(timeScan[0]).as("time to money: the plain scan and the figure").containsExactlyElementsOf(timeRows);
        assertThat(uptake.activeAtEnd()).as("the data has people with a direct payment").isPositive();
        assertThat(timeToMoney.count()).as("the data has first payments in the year").isPositive();
    }

    @SuppressWarnings("unchecked")
    List<String>[] baselineRun(Map<String, Object> baseline, String name, Supplier<List<String>> scan) {
        List<String>[] last = new List[1];
        long[] nanos = time(1, BASELINE_RUNS, () -> last[0] = scan.get());
        baseline.put(name, timings(nanos));
        return last;
    }

    long count(String sql, long council) {
        return jdbc.sql(sql).param("c", council).query(Long.class).single();
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (Exception e) {
            return "unknown";
        }
    }

    static String number(BigDecimal n) {
        return n == null ? "-" : n.stripTrailingZeros().toPlainString();
    }

    // ----------------------------------------------------------------------------------------------
    // The figures' numbers as lines, and the same lines from a plain scan

    static List<String> uptakeRows(Uptake u) {
        List<String> rows = new ArrayList<>();
        rows.add("all " + u.activeAtEnd() + "/" + u.peopleWithPlanAtEnd() + " " + number(u.sharePercentAtEnd()) + "% +"
                + u.newDirectPayments() + " -" + u.endedDirectPayments());
        u.months().forEach(m -> rows.add(m.month() + " " + m.activeDirectPayments() + "/" + m.peopleWithPlan() + " "
                + number(m.sharePercent()) + "% +" + m.newDirectPayments() + " -" + m.endedDirectPayments()));
        return rows;
    }

    static List<String> timeRows(TimeToMoney t) {
        List<String> rows = new ArrayList<>();
        rows.add("all n=" + t.count() + " median=" + number(t.medianDays()) + " p90=" + number(t.p90Days()) + " within="
                + number(t.withinTargetPercent()));
        t.months().forEach(m -> rows.add(m.month() + " n=" + m.count() + " median=" + number(m.medianDays()) + " p90="
                + number(m.p90Days()) + " within=" + number(m.withinTargetPercent())));
        return rows;
    }

    /**
     * Uptake from the definitions alone: for each month from generate_series, a full scan of the
     * council's direct payments (with their first ENDED change) and plan versions, counted at the
     * month's last day (or the period's, for the last month).
     */
    List<String> uptakeScan(long council, Period period) {
        List<String> months = jdbc.sql("""
                        WITH dp AS (
                            SELECT d.citizen_id,
                                   CASE WHEN d.status = 'AWAITING_AGREEMENT' THEN NULL
                                        ELSE greatest(d.start_date, coalesce((d.agreed_at AT TIME ZONE 'Europe/London')::date,
                                                                             d.start_date)) END AS active_from,
                                   e.ended_on
                            FROM direct_payment d
                            LEFT JOIN (SELECT direct_payment_id, min(effective_on) AS ended_on FROM direct_payment_status_change
                                       WHERE event = 'ENDED' GROUP BY direct_payment_id) e ON e.direct_payment_id = d.id
                            WHERE d.council_id = :c),
                        pv AS (
                            SELECT p.citizen_id, v.start_date, v.end_date
                            FROM care_plan_version v JOIN care_plan p ON p.id = v.plan_id
                            WHERE p.council_id = :c),
                        m AS (
                            SELECT g::date AS first_day, least((g + interval '1 month' - interval '1 day')::date, CAST(:to AS date)) AS last_day
                            FROM generate_series(date_trunc('month', CAST(:from AS date)), CAST(:to AS date), interval '1 month') g),
                        counted AS (
                            SELECT m.first_day,
                                   (SELECT count(DISTINCT citizen_id) FROM dp WHERE active_from <= m.last_day
                                       AND (ended_on IS NULL OR ended_on > m.last_day)) AS active,
                                   (SELECT count(DISTINCT citizen_id) FROM pv WHERE start_date <= m.last_day
                                       AND (end_date IS NULL OR end_date >= m.last_day)) AS with_plan,
                                   (SELECT count(*) FROM dp WHERE active_from BETWEEN greatest(m.first_day, CAST(:from AS date))
                                       AND m.last_day) AS started,
                                   (SELECT count(*) FROM dp WHERE active_from <= CAST(:to AS date)
                                       AND ended_on BETWEEN greatest(m.first_day, CAST(:from AS date)) AND m.last_day) AS ended
                            FROM m)
                        SELECT to_char(first_day, 'YYYY-MM') || ' ' || active || '/' || with_plan || ' '
                               || coalesce(trim(trailing '.' FROM trim(trailing '0' FROM
                                      round(100.0 * active / nullif(with_plan, 0), 1)::text)), '-')
                               || '% +' || started || ' -' || ended AS line
                        FROM counted ORDER BY first_day""")
                .param("c", council).param("from", period.from()).param("to", period.to())
                .query(String.class).list();
        // the period's totals: the last month's counts, and the months' new and ended added up
        String last = months.get(months.size() - 1);
        long started = 0;
        long ended = 0;
        for (String month : months) {
            started += Long.parseLong(month.substring(month.indexOf('+') + 1, month.lastIndexOf(' ')));
            ended += Long.parseLong(month.substring(month.lastIndexOf('-') + 1));
        }
        List<String> rows = new ArrayList<>();
        rows.add("all " + last.substring(8, last.indexOf('+')) + "+" + started + " -" + ended);
        rows.addAll(months);
        return rows;
    }

    /** Time to money from the definitions alone: percentile_cont over the direct payments, month by month and overall. */
    List<String> timeToMoneyScan(long council, Period period, int target) {
        String sql = """
                WITH m AS (
                    SELECT g::date AS first_day, (g + interval '1 month' - interval '1 day')::date AS last_day
                    FROM generate_series(date_trunc('month', CAST(:from AS date)), CAST(:to AS date), interval '1 month') g
                    UNION ALL SELECT NULL, NULL),
                t AS (
                    SELECT d.first_payment_date AS paid, d.first_payment_date - d.requested_on AS days
                    FROM direct_payment d WHERE d.council_id = :c AND d.first_payment_date BETWEEN :from AND :to)
                SELECT coalesce(to_char(m.first_day, 'YYYY-MM'), 'all') || ' n=' || count(t.days)
                       || ' median=' || coalesce(trim(trailing '.' FROM trim(trailing '0' FROM
                              round(percentile_cont(0.5) WITHIN GROUP (ORDER BY t.days)::numeric, 1)::text)), '-')
                       || ' p90=' || coalesce(trim(trailing '.' FROM trim(trailing '0' FROM
                              round(percentile_cont(0.9) WITHIN GROUP (ORDER BY t.days)::numeric, 1)::text)), '-')
                       || ' within=' || coalesce(trim(trailing '.' FROM trim(trailing '0' FROM
                              round(100.0 * count(*) FILTER (WHERE t.days <= :target) / nullif(count(t.days), 0), 1)::text)), '-')
                FROM m LEFT JOIN t ON m.first_day IS NULL OR t.paid BETWEEN m.first_day AND m.last_day
                GROUP BY m.first_day ORDER BY m.first_day NULLS FIRST""";
        return jdbc.sql(sql).param("c", council).param("from", period.from()).param("to", period.to()).param("target", target)
                .query(String.class).list();
    }

    // ----------------------------------------------------------------------------------------------
    // The data, in set-based SQL

    void build(long[] ids, int[] sizes, LocalDate today) {
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
                            FROM citizen c JOIN {sizes} ON s.council_id = c.council_id),
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
    Map<String, Object> buildMoneyMarketAndPay(LocalDate today) {
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
                            FROM dp_account a CROSS JOIN generate_series(1, 6) k
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
                            FROM surplus_recovery r
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
                                   FROM vacancy v WHERE v.status = 'FILLED'),
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
