package org.dphub.employment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.dphub.councils.Council;
import org.dphub.councils.CouncilSettings;
import org.dphub.councils.Councils;
import org.dphub.councils.Nation;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bin/bench payroll}: the national picture in one council — DPHUB_BENCH_SCALE (default
 * 130,000) PA employments across 70,000/130,000 as many employers (most employ two PAs, some
 * one), each with an approved timesheet of 12 days in the month (some holiday, some sick days),
 * mixed ages, rates, tax codes, contracted and irregular hours. Built in SQL, then times one
 * monthly payroll for everyone ({@link PayrollRuns#runAll}) with all payslip data (no PDFs), and
 * the same period again (which must do nothing). Writes target/bench/payroll.json. Not a test
 * (its name matches neither *Test nor *IT): bin/bench runs it on its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "dphub.database.embedded.data-dir=",
        "dphub.demo-data=false",
        "dphub.payment-runs.nightly=-"})
class PayrollBenchmark {

    @Autowired
    Councils councils;
    @Autowired
    PayrollRuns runs;
    @Autowired
    JdbcClient jdbc;

    static double seconds(long fromNanos) {
        return Math.round((System.nanoTime() - fromNanos) / 1e7) / 100.0;
    }

    long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    @Test
    void payroll() throws Exception {
        int scale = Integer.parseInt(System.getenv().getOrDefault("DPHUB_BENCH_SCALE", "130000"));
        int employers = (int) Math.round(scale * 70_000.0 / 130_000);
        int batch = Integer.parseInt(System.getenv().getOrDefault("DPHUB_BENCH_BATCH", "10000"));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", "payroll");
        result.put("scale", scale);
        result.put("employers", employers);

        long t = System.nanoTime();
        Council council = councils.create("bench", "Bench County Council", "Cyngor Sir Mainc", Nation.ENGLAND, CouncilSettings.defaults(false));
        long c = council.id();
        jdbc.sql("""
                        INSERT INTO citizen (council_id, reference, given_name, family_name, date_of_birth, postcode)
                        SELECT :c, 'EMP' || lpad(g::text, 7, '0'), 'Employer', 'Number ' || g, DATE '1950-01-01' + (g % 20000), 'SY1 1AA'
                        FROM generate_series(1, :n) g""").param("c", c).param("n", employers).update();
        long firstCitizen = jdbc.sql("SELECT min(id) FROM citizen WHERE council_id = :c").param("c", c).query(Long.class).single();
        // employment g belongs to employer (g - 1) % employers: the first (scale - employers) employ two PAs
        jdbc.sql("""
                        INSERT INTO pa_employment (council_id, citizen_id, pa_given_name, pa_family_name, pa_date_of_birth, started_on, created_by)
                        SELECT :c, :first + (g - 1) % :e, 'PA', 'Number ' || g, DATE '1962-01-01' + (g * 37 % 16000), DATE '2026-04-06', 'bench'
                        FROM generate_series(1, :n) g ORDER BY 2""")
                .param("c", c).param("first", firstCitizen).param("e", employers).param("n", scale).update();
        jdbc.sql("""
                        INSERT INTO pa_employment_terms (employment_id, effective_from, hourly_rate_pence, hours_kind, contracted_minutes_per_week,
                            pay_frequency, tax_code, week1_month1, pension, el_insurer, el_policy_number, el_expires_on, created_by)
                        SELECT e.id, e.started_on, 1300 + e.id % 400, CASE WHEN e.id % 2 = 0 THEN 'CONTRACTED' ELSE 'IRREGULAR' END,
                               CASE WHEN e.id % 2 = 0 THEN 1200 + e.id % 1200 END, 'MONTHLY',
                               (ARRAY['1257L', '1257L', '1257L', 'BR', 'C1257L', 'S1257L', 'K100', '0T', 'NT', 'D0'])[1 + e.id % 10],
                               e.id % 17 = 0, CASE WHEN e.id % 11 = 0 THEN 'OPTED_OUT' ELSE 'ASSESS' END, 'Bench Mutual', 'EL-' || e.id,
                               DATE '2027-12-31', 'bench'
                        FROM pa_employment e WHERE e.council_id = :c""").param("c", c).update();
        jdbc.sql("INSERT INTO timesheet (employment_id, submitted_by) SELECT id, 'bench' FROM pa_employment WHERE council_id = :c ORDER BY id")
                .param("c", c).update();
        jdbc.sql("""
                        INSERT INTO timesheet_day (timesheet_id, worked_on, minutes, kind)
                        SELECT t.id, DATE '2026-11-06' + 2 * k, 240 + (t.id + k * 7) % 240,
                               CASE WHEN k = 5 AND t.id % 10 = 0 THEN 'HOLIDAY' WHEN k IN (6, 7) AND t.id % 25 = 0 THEN 'SICK' ELSE 'WORK' END
                        FROM timesheet t JOIN pa_employment e ON e.id = t.employment_id AND e.council_id = :c
                        CROSS JOIN generate_series(0, 11) k""").param("c", c).update();
        jdbc.sql("""
                        INSERT INTO timesheet_decision (timesheet_id, decision, decided_by)
                        SELECT t.id, 'APPROVED', 'bench' FROM timesheet t JOIN pa_employment e ON e.id = t.employment_id AND e.council_id = :c""")
                .param("c", c).update();
        jdbc.sql("ANALYZE").update();
        result.put("timesheetDays", count("timesheet_day"));
        result.put("buildSeconds", seconds(t));

        // --- the run: one monthly payroll (tax month 8, 6 November to 5 December 2026) for everyone
        long start = System.nanoTime();
        PayrollRuns.BatchResult done = runs.runAll(c, "2026-27", PayFrequency.MONTHLY, 8, "bench", batch);
        double runSeconds = seconds(start);
        result.put("seconds", runSeconds);
        result.put("runs", done.runs());
        result.put("payslips", done.payslips());
        result.put("refused", done.refused().size());
        result.put("batchSize", batch);
        result.put("payslipLines", count("payslip_line"));
        result.put("daysPaid", jdbc.sql("SELECT coalesce(sum(days), 0) FROM payslip_timesheet").query(Long.class).single());
        Map<String, Object> totals = jdbc.sql("""
                        SELECT sum(gross_pence) AS gross, sum(net_pence) AS net, sum(tax_pence) AS tax, sum(employee_ni_pence) AS employee_ni,
                               sum(employer_ni_pence - employment_allowance_pence) AS employer_ni_due, sum(ssp_pence) AS ssp,
                               sum(employee_pension_pence + employer_pension_pence) AS pension,
                               count(*) FILTER (WHERE pension_status = 'ELIGIBLE') AS enrolled
                        FROM payslip WHERE council_id = :c""").param("c", c).query().singleRow();
        result.put("totalsPence", totals);

        // --- the same period again: nothing new
        long rowsBefore = count("payslip") + count("payroll_run") + count("payslip_timesheet");
        long rerunStart = System.nanoTime();
        PayrollRuns.BatchResult again = runs.runAll(c, "2026-27", PayFrequency.MONTHLY, 8, "bench", batch);
        result.put("rerunSeconds", seconds(rerunStart));
        result.put("rerunNewRows", count("payslip") + count("payroll_run") + count("payslip_timesheet") - rowsBefore + again.payslips());

        result.put("targets", Map.of("seconds", 30, "rerunNewRows", 0));
        result.put("machine", Runtime.getRuntime().availableProcessors() + " cores, Java " + Runtime.version());
        Path out = Path.of("target", "bench");
        Files.createDirectories(out);
        Files.writeString(out.resolve("payroll.json"), JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(result));
        System.out.println("BENCH payroll " + result);
        assertThat(done.payslips()).isEqualTo(scale);
        assertThat(result.get("rerunNewRows")).isEqualTo(0L);
    }
}
