package org.dphub;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dphub.insights.CouncilAtScale;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bin/bench load}'s data at a council's size: {@code bin/lib/load-bench} runs this after
 * {@code bin/cluster} has started (migrations and demo data done) and before its warm-up. Into the
 * cluster's database ({@code DPHUB_BENCH_LOAD_DATABASE_URL}), the council of the demo citizen the bench
 * signs in as ({@code demo-england}) gets {@code DPHUB_BENCH_LOAD_SCALE} (default 10,000) more people
 * with a direct payment and all that {@link CouncilAtScale} gives them: plans, accounts, a year of
 * money, reviews, vacancies, payroll, and the national PA register.
 *
 * <p>The demo people's own records stay the demo's (counted before and after; the build fails if any
 * changed), so their pages show what they showed; what changes is what the database holds around
 * them. On the demo's 2,960 ledger transactions PostgreSQL read the whole ledger for a page rather than
 * look up the person's 20, which no council's database would (docs/PERFORMANCE.md, "The ledger's
 * queries at a million transactions"): the bench measured the demo's plans, not a council's. Writes {@code target/bench/load-data.json} (the scale, the rows
 * of each table, seconds taken), which {@code load.json} includes. Not a test (its name matches
 * neither *Test nor *IT): {@code bin/lib/load-bench} runs it on its own.
 */
class LoadBenchData {

    @Test
    void build() throws Exception {
        String url = System.getenv("DPHUB_BENCH_LOAD_DATABASE_URL");
        assertThat(url).as("DPHUB_BENCH_LOAD_DATABASE_URL: the cluster's database (bin/lib/load-bench sets it)").isNotBlank();
        String council = "demo-england"; // the council of the citizen bin/bench load signs in as
        int scale = Integer.parseInt(System.getenv().getOrDefault("DPHUB_BENCH_LOAD_SCALE", "10000"));
        assertThat(scale).as("DPHUB_BENCH_LOAD_SCALE").isBetween(0, 1_000_000);
        DriverManagerDataSource database = new DriverManagerDataSource(url,
                System.getenv().getOrDefault("DPHUB_DATABASE_USERNAME", "postgres"), System.getenv().getOrDefault("DPHUB_DATABASE_PASSWORD", ""));
        JdbcClient jdbc = JdbcClient.create(database);
        long councilId = jdbc.sql("SELECT id FROM council WHERE code = :code").param("code", council).query(Long.class).optional()
                .orElseThrow(() -> new IllegalStateException("No council '" + council + "' in " + url + ": is the demo data there?"));

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("council", council);
        result.put("directPayments", scale);
        long started = System.nanoTime();
        boolean built = jdbc.sql("SELECT count(*) FROM citizen WHERE council_id = :c AND reference LIKE 'INS%'")
                .param("c", councilId).query(Long.class).single() > 0;
        if (scale > 0 && !built) {
            Map<String, Long> before = councilsOwnRecords(jdbc, councilId);
            CouncilAtScale data = new CouncilAtScale(jdbc);
            data.build(new long[] {councilId}, new int[] {scale}, LocalDate.now());
            result.put("rows", data.buildMoneyMarketAndPay(LocalDate.now()));
            jdbc.sql("DROP TABLE IF EXISTS bench_person").update();
            assertThat(councilsOwnRecords(jdbc, councilId)).as("the demo people's own records, after the build").isEqualTo(before);
        } else {
            result.put("rows", Map.of());
            result.put("skipped", scale == 0 ? "DPHUB_BENCH_LOAD_SCALE is 0: the demo data alone" : "already built in this database");
        }
        result.put("buildSeconds", Math.round((System.nanoTime() - started) / 1e8) / 10.0);
        Path out = Path.of("target", "bench", "load-data.json");
        Files.createDirectories(out.getParent());
        String written = JsonMapper.builder().build().writeValueAsString(result);
        Files.writeString(out, written + "\n");
        System.out.println("[load bench] " + written);
    }

    /** What the council's people had before the build (the demo's), which it must not change: rows of each kind. */
    private static Map<String, Long> councilsOwnRecords(JdbcClient jdbc, long councilId) {
        String own = "SELECT id FROM citizen WHERE council_id = :c AND reference NOT LIKE 'INS%'";
        Map<String, String> counts = new LinkedHashMap<>();
        counts.put("citizen", "SELECT count(*) FROM citizen WHERE id IN (" + own + ")");
        counts.put("care_plan", "SELECT count(*) FROM care_plan WHERE citizen_id IN (" + own + ")");
        counts.put("direct_payment", "SELECT count(*) FROM direct_payment WHERE citizen_id IN (" + own + ")");
        counts.put("dp_account", "SELECT count(*) FROM dp_account WHERE citizen_id IN (" + own + ")");
        counts.put("ledger_leg", "SELECT count(*) FROM ledger_leg WHERE account_id IN (SELECT id FROM dp_account WHERE citizen_id IN (" + own + "))");
        counts.put("vacancy", "SELECT count(*) FROM vacancy WHERE citizen_id IN (" + own + ")");
        counts.put("introduction", "SELECT count(*) FROM introduction WHERE vacancy_id IN (SELECT id FROM vacancy WHERE citizen_id IN (" + own + "))");
        counts.put("payroll_run", "SELECT count(*) FROM payroll_run WHERE citizen_id IN (" + own + ")");
        Map<String, Long> rows = new LinkedHashMap<>();
        counts.forEach((name, sql) -> rows.put(name, jdbc.sql(sql).param("c", councilId).query(Long.class).single()));
        return rows;
    }
}
