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
        CouncilAtScale data = new CouncilAtScale(jdbc);
        data.build(ids, sizes, today);
        Map<String, Object> rows = data.buildMoneyMarketAndPay(today);
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
}
