package org.dphub.employment;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.employment.internal.EmploymentAllowance;
import org.dphub.people.Citizen;
import org.dphub.shared.Money;
import org.dphub.shared.SignedInUser;
import org.dphub.web.Conflict;
import org.dphub.web.NotFound;
import org.dphub.web.RuleRefusal;
import org.postgresql.PGConnection;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payroll runs, the employment module's public face for paying PAs. A run is one employer and
 * one pay period: approved timesheet days not yet paid (up to the period's end, so a late
 * timesheet rolls into the next run) at the rate in force on each day, holiday and sick pay, tax
 * and National Insurance with this employment's year to date, the Employment Allowance across the
 * employer's PAs, and the workplace pension. Each timesheet day is paid once ({@code payslip_timesheet}: the days of a
 * timesheet paid by a payslip, a run at a time in date order).
 * Everything is written append-only. The employer approves the run, and {@link PayrollApproved}
 * sends the money to the ledger.
 *
 * <p>One code path for one employer and for many at once ({@link #runAll}): each batch collects
 * its days by timesheet, kind and rate into a temporary table, works out the payslips in plain Java and writes them with COPY.
 */
@Service
public class PayrollRuns {

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Employments employments;
    private final PayrollCalculator calculator;
    private final PayslipCalculation calculation;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final int parallelism;
    private final org.dphub.plans.CarePlans carePlans;

    PayrollRuns(JdbcClient jdbc, DataSource dataSource, Employments employments, PayrollCalculator calculator, MessageSource messages,
                ApplicationEventPublisher events, AuditTrail audit, PlatformTransactionManager transactions,
                org.dphub.plans.CarePlans carePlans,
                @org.springframework.beans.factory.annotation.Value("${dphub.payroll.parallelism:2}") int parallelism) {
        this.carePlans = carePlans;
        this.parallelism = parallelism;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.employments = employments;
        this.calculator = calculator;
        this.calculation = new PayslipCalculation(calculator);
        this.messages = messages;
        this.events = events;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The run, and whether this call made it (false: the period had been run already, and nothing new was done). */
    public record Started(PayrollRun run, boolean created) {
    }

    /** What a run for many employers did: employers with a new run, payslips written, and those refused (with why). */
    public record BatchResult(int employers, int runs, int payslips, Map<Long, String> refused) {
    }

    /** The period's pay for an employer. Refuses (and pays nothing) when any PA's rate is below the minimum wage or the insurance has ended. */
    @Transactional
    public Started run(SignedInUser user, long citizenId, String taxYear, PayFrequency frequency, int period, Locale locale) {
        Citizen employer = employerOnly(user, citizenId);
        calculator.taxYears().year(taxYear);
        PayPeriod payPeriod = PayPeriod.of(taxYear, frequency, period);
        Optional<Long> existing = runId(citizenId, payPeriod);
        if (existing.isPresent()) {
            return new Started(find(existing.get()).orElseThrow(), false);
        }
        lock(List.of(citizenId));
        existing = runId(citizenId, payPeriod);
        if (existing.isPresent()) {
            return new Started(find(existing.get()).orElseThrow(), false);
        }
        Batch batch = work(Map.of(citizenId, employer.councilId()), payPeriod, locale);
        if (batch.refused.containsKey(citizenId)) {
            throw new RuleRefusal("payroll-checks", batch.refused.get(citizenId),
                    messages.getMessage("payroll.refused.allow", null, locale));
        }
        if (batch.payslips.isEmpty()) {
            throw new RuleRefusal("payroll-nothing-to-pay", messages.getMessage("payroll.refused.nothing",
                    new Object[] {Dates.day(payPeriod.end(), locale)}, locale), null);
        }
        Map<Long, Long> runs = write(batch, payPeriod, user.username());
        if (!runs.containsKey(citizenId)) {
            // made meanwhile by a run for many employers: that one stands
            return new Started(find(runId(citizenId, payPeriod).orElseThrow()).orElseThrow(), false);
        }
        long runId = runs.get(citizenId);
        return new Started(find(runId).orElseThrow(), true);
    }

    /**
     * The period's pay for every employer in a council who has PAs paid at this frequency, in
     * batches of {@code batchSize} employers, each in its own transaction. Employers already run
     * for the period are left alone; refused ones are reported and nothing is paid for them.
     */
    public BatchResult runAll(long councilId, String taxYear, PayFrequency frequency, int period, String by, int batchSize) {
        calculator.taxYears().year(taxYear);
        PayPeriod payPeriod = PayPeriod.of(taxYear, frequency, period);
        List<Long> citizens = jdbc.sql("""
                        SELECT DISTINCT e.citizen_id FROM pa_employment e
                        WHERE e.council_id = :c AND e.started_on <= :end
                          AND NOT EXISTS (SELECT 1 FROM payroll_run r WHERE r.citizen_id = e.citizen_id AND r.tax_year = :ty
                                          AND r.frequency = :f AND r.period = :p)
                        ORDER BY e.citizen_id""")
                .param("c", councilId).param("end", payPeriod.end()).param("ty", taxYear).param("f", frequency.name())
                .param("p", period).query(Long.class).list();
        Map<Long, String> refused = new java.util.concurrent.ConcurrentHashMap<>();
        List<java.util.concurrent.Callable<int[]>> batches = new ArrayList<>();
        for (int from = 0; from < citizens.size(); from += batchSize) {
            List<Long> chunk = citizens.subList(from, Math.min(citizens.size(), from + batchSize));
            batches.add(() -> transaction.execute(status -> {
                lock(chunk);
                Map<Long, Long> employers = new LinkedHashMap<>();
                chunk.forEach(c -> employers.put(c, councilId));
                Batch batch = work(employers, payPeriod, Locale.ENGLISH);
                refused.putAll(batch.refused);
                Map<Long, Long> made = write(batch, payPeriod, by);
                return new int[] {made.size(), (int) batch.payslips.stream().filter(p -> made.containsKey(p.citizenId)).count()};
            }));
        }
        // batches are independent (different employers), so they run side by side on a few connections
        int runs = 0;
        int payslips = 0;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Math.max(1, parallelism));
        try {
            for (java.util.concurrent.Future<int[]> done : pool.invokeAll(batches)) {
                int[] counts = done.get();
                runs += counts[0];
                payslips += counts[1];
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Payroll interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("A payroll batch failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdown();
        }
        return new BatchResult(citizens.size(), runs, payslips, refused);
    }

    /** The employer's side approves the run, once: the money goes to the ledger ({@link PayrollApproved}). */
    @Transactional
    public PayrollRun approve(SignedInUser user, long runId, Locale locale) {
        PayrollRun run = find(user, runId).orElseThrow(NotFound::new);
        employerOnly(user, run.citizenId());
        if (PayrollRunTransitions.next(run.status(), PayrollRunTransitions.Event.APPROVE).isEmpty()) {
            throw new Conflict(messages.getMessage("payroll.error.approved", null, locale));
        }
        int inserted = jdbc.sql("INSERT INTO payroll_run_approval (run_id, approved_by) VALUES (:r, :by) ON CONFLICT DO NOTHING")
                .param("r", runId).param("by", user.username()).update();
        if (inserted == 0) {
            throw new Conflict(messages.getMessage("payroll.error.approved", null, locale));
        }
        PayrollRun approved = find(runId).orElseThrow();
        List<PayrollApproved.NetPay> net = approved.payslips().stream()
                .map(p -> new PayrollApproved.NetPay(p.id(), p.employmentId(), p.paName(), p.netPence())).toList();
        PayrollRun.Totals t = approved.totals();
        events.publishEvent(new PayrollApproved(runId, run.councilId(), run.citizenId(), run.taxYear(), run.frequency(), run.period(),
                run.payDate(), t.hmrcDueBy(), t.pensionDueBy(), net, t.hmrcPence(), t.pensionPence(),
                payingLine(user, run.citizenId(), run.payDate()).orElse(null)));
        audit.record(run.councilId(), "payroll_run", runId, AuditAction.UPDATE, null, AuditTrail.values("approvedBy", user.username(),
                "netPence", t.netPence(), "hmrcPence", t.hmrcPence(), "pensionPence", t.pensionPence()));
        return approved;
    }

    /** A run the user may see: the employer's side and the council's staff. */
    @Transactional(readOnly = true)
    public Optional<PayrollRun> find(SignedInUser user, long runId) {
        return find(runId).filter(r -> employments.isEmployerSideOf(user, r.citizenId()));
    }

    @Transactional(readOnly = true)
    public List<PayrollRun> forCitizen(SignedInUser user, long citizenId) {
        employerOnly(user, citizenId);
        return jdbc.sql("SELECT id FROM payroll_run WHERE citizen_id = :c ORDER BY pay_date DESC, id DESC").param("c", citizenId)
                .query(Long.class).list().stream().map(id -> find(id).orElseThrow()).toList();
    }

    /** A payslip for the PA it belongs to, or the employer's side. */
    @Transactional(readOnly = true)
    public Optional<Payslip> payslip(SignedInUser user, long payslipId) {
        return payslips("WHERE p.id = :id", Map.of("id", payslipId)).stream().findFirst()
                .filter(p -> isPa(user, p.employmentId()) || employments.isEmployerSideOf(user, p.citizenId()));
    }

    /** A PA's own payslips, newest first. */
    @Transactional(readOnly = true)
    public List<Payslip> mine(SignedInUser pa) {
        return payslips("WHERE e.pa_user_id = :u", Map.of("u", pa.userId()));
    }

    /** How much of the year's Employment Allowance this employer has left. */
    @Transactional(readOnly = true)
    public long employmentAllowanceLeft(long citizenId, String taxYear) {
        long used = jdbc.sql("SELECT coalesce(sum(employment_allowance_pence), 0) FROM payslip WHERE citizen_id = :c AND tax_year = :ty")
                .param("c", citizenId).param("ty", taxYear).query(Long.class).single();
        return Math.max(0, calculator.taxYears().year(taxYear).employmentAllowancePence() - used);
    }

    /**
     * The full cost of a PA against the person's plan in force today: its hourly budget lines (or
     * its whole weekly budget when it has none), with what is left of this tax year's Employment Allowance.
     */
    @Transactional(readOnly = true)
    public BudgetCheck.Result budgetCheck(SignedInUser user, long citizenId, java.math.BigDecimal hoursPerWeek, long hourlyRatePence,
                                          Integer age) {
        employerOnly(user, citizenId);
        LocalDate today = employments.today();
        org.dphub.plans.PlanVersion plan = planOn(user, citizenId, today).orElseThrow(() -> new RuleRefusal("plan-in-force",
                messages.getMessage("payroll.budget.no-plan", null, Locale.ENGLISH), null));
        long hourly = plan.budgetLines().stream().filter(l -> l.kind() == org.dphub.plans.BudgetLineKind.HOURLY)
                .mapToLong(l -> l.weeklyCost().pence()).sum();
        long weeklyBudget = hourly > 0 ? hourly : plan.weeklyBudget().pence();
        String taxYear = MinimumWagePolicy.taxYearOf(today);
        long left = calculator.taxYears().has(taxYear) ? employmentAllowanceLeft(citizenId, taxYear) : 0;
        return BudgetCheck.check(calculator, today, hoursPerWeek, hourlyRatePence, age, left, weeklyBudget, hourly > 0);
    }

    /** The employer's name, as payslips and the employer's summary show it (the employer's side only). */
    @Transactional(readOnly = true)
    public String employerName(SignedInUser user, long citizenId) {
        return employerOnly(user, citizenId).fullName();
    }

    /** The version of the person's plan that covers the day (the latest to start, if two do). */
    private Optional<org.dphub.plans.PlanVersion> planOn(SignedInUser user, long citizenId, LocalDate day) {
        return carePlans.plansOf(user, citizenId).stream()
                .map(p -> org.dphub.plans.CarePlans.inForce(p.versions(), day)).filter(java.util.Objects::nonNull)
                .filter(v -> v.coversDay(day))
                .max(java.util.Comparator.comparing(org.dphub.plans.PlanVersion::startDate));
    }

    /**
     * The plan line that pays for PAs on the pay day: the plan's line for support by the hour (the
     * largest, if there are several; the first of equals). None when the plan has no hourly line.
     */
    @Transactional(readOnly = true)
    public Optional<PayrollApproved.PlanBudgetLine> payingLine(SignedInUser user, long citizenId, LocalDate payDay) {
        return planOn(user, citizenId, payDay).flatMap(plan -> {
            var lines = plan.budgetLines();
            PayrollApproved.PlanBudgetLine best = null;
            long bestWeekly = -1;
            for (int i = 0; i < lines.size(); i++) {
                var line = lines.get(i);
                if (line.kind() == org.dphub.plans.BudgetLineKind.HOURLY && line.weeklyCost().pence() > bestWeekly) {
                    best = new PayrollApproved.PlanBudgetLine(plan.id(), i + 1, line.description());
                    bestWeekly = line.weeklyCost().pence();
                }
            }
            return Optional.ofNullable(best);
        });
    }

    private boolean isPa(SignedInUser user, long employmentId) {
        return jdbc.sql("SELECT count(*) FROM pa_employment WHERE id = :e AND pa_user_id = :u").param("e", employmentId)
                .param("u", user.userId()).query(Long.class).single() > 0;
    }

    /** The employer's side, and not the PA acting on their own pay. */
    private Citizen employerOnly(SignedInUser user, long citizenId) {
        Citizen citizen = employments.employerSide(user, citizenId);
        return citizen;
    }

    private void lock(List<Long> citizenIds) {
        // one payroll at a time for an employer, so two runs at once cannot both pay a day. Row
        // locks on the employers (kept in the rows, not in the lock table, so a batch of thousands
        // cannot run out of shared memory as advisory locks did); NO KEY UPDATE leaves foreign-key
        // checks on the person free.
        jdbc.sql("SELECT count(*) FROM (SELECT id FROM citizen WHERE id = ANY(CAST(:ids AS bigint[])) ORDER BY id FOR NO KEY UPDATE) locked")
                .param("ids", array(citizenIds)).query(Long.class).single();
    }

    private Optional<Long> runId(long citizenId, PayPeriod p) {
        return jdbc.sql("SELECT id FROM payroll_run WHERE citizen_id = :c AND tax_year = :ty AND frequency = :f AND period = :p")
                .param("c", citizenId).param("ty", p.taxYear()).param("f", p.frequency().name()).param("p", p.period())
                .query(Long.class).optional();
    }

    // ---------------------------------------------------------------- working out a batch

    private record EmploymentRow(long id, long councilId, long citizenId, String paName, LocalDate dateOfBirth, String taxCode,
                                 boolean week1Month1, EmploymentTerms.HoursKind hoursKind, Integer contractedMinutes,
                                 EmploymentTerms.PensionChoice pension, LocalDate insuredUntil) {
    }

    private record PayslipRow(long employmentId, long citizenId, long councilId, String taxCode, boolean week1Month1,
                              PayslipCalculation.Figures figures) {
    }

    private record Batch(List<PayslipRow> payslips, Map<Long, String> refused) {
    }

    private static String array(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    private Batch work(Map<Long, Long> employers, PayPeriod period, Locale locale) {
        String citizens = array(new ArrayList<>(employers.keySet()));
        List<EmploymentRow> rows = jdbc.sql("""
                        SELECT e.id, e.council_id, e.citizen_id, e.pa_given_name || ' ' || e.pa_family_name AS pa_name, e.pa_date_of_birth,
                               t.tax_code, t.week1_month1, t.hours_kind, t.contracted_minutes_per_week, t.pension, t.el_expires_on
                        FROM pa_employment e
                        JOIN LATERAL (SELECT * FROM pa_employment_terms t WHERE t.employment_id = e.id
                                      ORDER BY (t.effective_from <= :end) DESC, CASE WHEN t.effective_from <= :end THEN t.effective_from END DESC,
                                               t.effective_from, t.id DESC LIMIT 1) t ON true
                        WHERE e.citizen_id = ANY(CAST(:ids AS bigint[])) AND e.started_on <= :end AND t.pay_frequency = :f
                        ORDER BY e.citizen_id, e.id""")
                .param("ids", citizens).param("end", period.end()).param("f", period.frequency().name())
                .query((rs, n) -> new EmploymentRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getString(6), rs.getBoolean(7), EmploymentTerms.HoursKind.valueOf(rs.getString(8)),
                        (Integer) rs.getObject(9), EmploymentTerms.PensionChoice.valueOf(rs.getString(10)), rs.getObject(11, LocalDate.class)))
                .list();
        if (rows.isEmpty()) {
            return new Batch(List.of(), Map.of());
        }
        String employmentIds = array(rows.stream().map(EmploymentRow::id).toList());
        jdbc.sql("""
                CREATE TEMP TABLE payroll_sheet (timesheet_id bigint NOT NULL, employment_id bigint NOT NULL, kind text NOT NULL,
                                                 rate_pence bigint NOT NULL, minutes int NOT NULL, days int NOT NULL, first_day date NOT NULL,
                                                 last_day date NOT NULL, sick_days date[]) ON COMMIT DROP""")
                .update();
        // the days to pay, by timesheet, kind and rate: approved, after what was paid of the
        // timesheet before, worked by the period's end, at the rate in force that day
        jdbc.sql("""
                        INSERT INTO payroll_sheet
                        WITH r AS (
                            SELECT employment_id, hourly_rate_pence,
                                   CASE WHEN row_number() OVER w = 1 THEN DATE '0001-01-01' ELSE effective_from END AS from_day,
                                   lead(effective_from) OVER w AS until
                            FROM pa_employment_terms WHERE employment_id = ANY(CAST(:emps AS bigint[]))
                            WINDOW w AS (PARTITION BY employment_id ORDER BY effective_from, id)),
                        s AS (
                            SELECT t.id, t.employment_id,
                                   (SELECT max(p.paid_through) FROM payslip_timesheet p WHERE p.timesheet_id = t.id) AS paid_through
                            FROM timesheet t JOIN timesheet_decision x ON x.timesheet_id = t.id AND x.decision = 'APPROVED'
                            WHERE t.employment_id = ANY(CAST(:emps AS bigint[])))
                        SELECT s.id, s.employment_id, d.kind, r.hourly_rate_pence, sum(d.minutes), count(*), min(d.worked_on), max(d.worked_on),
                               array_agg(d.worked_on ORDER BY d.worked_on) FILTER (WHERE d.kind = 'SICK')
                        FROM s
                        JOIN timesheet_day d ON d.timesheet_id = s.id
                        JOIN r ON r.employment_id = s.employment_id AND d.worked_on >= r.from_day AND (r.until IS NULL OR d.worked_on < r.until)
                        WHERE d.worked_on <= :end AND (s.paid_through IS NULL OR d.worked_on > s.paid_through)
                        GROUP BY s.id, s.employment_id, d.kind, r.hourly_rate_pence""")
                .param("emps", employmentIds).param("end", period.end()).update();
        Map<Long, List<PayslipCalculation.Line>> hours = new HashMap<>();
        Map<Long, Integer> dayCounts = new HashMap<>();
        jdbc.sql("""
                        SELECT employment_id, kind, rate_pence, sum(minutes), sum(days) FROM payroll_sheet
                        GROUP BY employment_id, kind, rate_pence ORDER BY employment_id, kind DESC, rate_pence""")
                .query((ResultSet rs) -> {
                    long e = rs.getLong(1);
                    hours.computeIfAbsent(e, k -> new ArrayList<>()).add(new PayslipCalculation.Line(
                            PayslipCalculation.LineKind.valueOf(rs.getString(2)), rs.getLong(3), rs.getInt(4), rs.getInt(5), 0));
                    dayCounts.merge(e, rs.getInt(5), Integer::sum);
                });
        Map<Long, List<LocalDate>> sick = new HashMap<>();
        jdbc.sql("SELECT employment_id, unnest(sick_days) FROM payroll_sheet WHERE sick_days IS NOT NULL")
                .query((ResultSet rs) -> {
                    sick.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getObject(2, LocalDate.class));
                });
        Map<Long, PayslipCalculation.YearToDate> ytd = new HashMap<>();
        jdbc.sql("""
                        SELECT DISTINCT ON (employment_id) employment_id, ytd_gross_pence, ytd_taxable_pence, ytd_tax_pence,
                               ytd_employee_ni_pence, ytd_employer_ni_pence, ytd_employee_pension_pence, ytd_employer_pension_pence,
                               ytd_net_pence, ytd_holiday_accrued_minutes, ytd_holiday_taken_minutes
                        FROM payslip WHERE employment_id = ANY(CAST(:emps AS bigint[])) AND tax_year = :ty
                        ORDER BY employment_id, pay_date DESC, id DESC""")
                .param("emps", employmentIds).param("ty", period.taxYear())
                .query((ResultSet rs) -> {
                    ytd.put(rs.getLong(1), new PayslipCalculation.YearToDate(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getInt(10), rs.getInt(11)));
                });
        Map<Long, Long> allowanceUsed = new HashMap<>();
        jdbc.sql("""
                        SELECT citizen_id, sum(employment_allowance_pence) FROM payslip
                        WHERE citizen_id = ANY(CAST(:ids AS bigint[])) AND tax_year = :ty GROUP BY citizen_id""")
                .param("ids", citizens).param("ty", period.taxYear())
                .query((ResultSet rs) -> {
                    allowanceUsed.put(rs.getLong(1), rs.getLong(2));
                });
        Map<Long, Long> averageWeekly = new HashMap<>();
        if (!sick.isEmpty()) {
            // average weekly earnings: pay (not SSP) on payslips in the 8 weeks before the period
            jdbc.sql("""
                            SELECT employment_id, sum(gross_pence - ssp_pence) / 8 FROM payslip
                            WHERE employment_id = ANY(CAST(:emps AS bigint[])) AND pay_date >= :from AND pay_date < :start
                            GROUP BY employment_id""")
                    .param("emps", array(new ArrayList<>(sick.keySet()))).param("from", period.start().minusWeeks(8))
                    .param("start", period.start())
                    .query((ResultSet rs) -> {
                        averageWeekly.put(rs.getLong(1), rs.getLong(2));
                    });
        }
        long yearAllowance = calculator.taxYears().year(period.taxYear()).employmentAllowancePence();
        List<PayslipRow> payslips = new ArrayList<>();
        Map<Long, String> refused = new LinkedHashMap<>();
        Map<Long, EmploymentAllowance> allowances = new HashMap<>();
        for (EmploymentRow row : rows) {
            List<PayslipCalculation.Line> lines = hours.get(row.id());
            if (lines == null || refused.containsKey(row.citizenId())) {
                continue;
            }
            if (row.insuredUntil().isBefore(period.payDate())) {
                refused.put(row.citizenId(), messages.getMessage("payroll.refused.insurance",
                        new Object[] {row.paName(), Dates.day(row.insuredUntil(), locale), Dates.day(period.payDate(), locale)}, locale));
                continue;
            }
            Optional<Money> minimum = calculation.belowMinimumWage(lines, row.dateOfBirth(), period.payDate());
            if (minimum.isPresent()) {
                refused.put(row.citizenId(), messages.getMessage("payroll.refused.minimum-wage",
                        new Object[] {row.paName(), minimum.get().formatWithPence()}, locale));
                continue;
            }
            EmploymentAllowance allowance = allowances.computeIfAbsent(row.citizenId(),
                    c -> new EmploymentAllowance(yearAllowance, allowanceUsed.getOrDefault(c, 0L)));
            PayslipCalculation.Figures figures = calculation.calculate(new PayslipCalculation.Input(period, row.dateOfBirth(), row.taxCode(),
                    row.week1Month1(), row.hoursKind(), row.contractedMinutes(), row.pension(), lines, sick.getOrDefault(row.id(), List.of()),
                    dayCounts.getOrDefault(row.id(), 0), averageWeekly.get(row.id()),
                    ytd.getOrDefault(row.id(), PayslipCalculation.YearToDate.ZERO)), allowance);
            payslips.add(new PayslipRow(row.id(), row.citizenId(), row.councilId(), row.taxCode(), row.week1Month1(), figures));
        }
        payslips.removeIf(p -> refused.containsKey(p.citizenId()));
        return new Batch(payslips, refused);
    }

    /** Writes the runs and their payslips; returns the new run of each employer. */
    private Map<Long, Long> write(Batch batch, PayPeriod period, String by) {
        Map<Long, Long> councilOf = new LinkedHashMap<>();
        batch.payslips.forEach(p -> councilOf.put(p.citizenId(), p.councilId()));
        if (councilOf.isEmpty()) {
            return Map.of();
        }
        List<Long> citizens = new ArrayList<>(councilOf.keySet());
        Map<Long, Long> runs = new HashMap<>();
        jdbc.sql("""
                        INSERT INTO payroll_run (council_id, citizen_id, tax_year, frequency, period, period_start, period_end, pay_date, created_by)
                        SELECT u.council_id, u.citizen_id, :ty, :f, :p, :start, :end, :pay, :by
                        FROM unnest(CAST(:councils AS bigint[]), CAST(:citizens AS bigint[])) AS u(council_id, citizen_id)
                        ON CONFLICT DO NOTHING RETURNING id, citizen_id""")
                .param("ty", period.taxYear()).param("f", period.frequency().name()).param("p", period.period())
                .param("start", period.start()).param("end", period.end()).param("pay", period.payDate()).param("by", by)
                .param("councils", array(citizens.stream().map(councilOf::get).toList())).param("citizens", array(citizens))
                .query((ResultSet rs) -> {
                    runs.put(rs.getLong(2), rs.getLong(1));
                });
        if (!runs.isEmpty()) {
            List<Long> made = new ArrayList<>(runs.keySet());
            audit.recordSame(made.stream().mapToLong(councilOf::get).toArray(), "payroll_run", made.stream().mapToLong(runs::get).toArray(),
                    AuditAction.CREATE, null, AuditTrail.values("taxYear", period.taxYear(), "frequency", period.frequency().name(),
                            "period", period.period(), "createdBy", by));
        }
        List<PayslipRow> toWrite = batch.payslips.stream().filter(p -> runs.containsKey(p.citizenId())).toList();
        if (toWrite.isEmpty()) {
            return runs;
        }
        List<Long> ids = jdbc.sql("SELECT nextval(pg_get_serial_sequence('payslip', 'id')) FROM generate_series(1, :n)")
                .param("n", toWrite.size()).query(Long.class).list();
        StringBuilder slips = new StringBuilder(toWrite.size() * 300);
        StringBuilder lines = new StringBuilder(toWrite.size() * 60);
        for (int i = 0; i < toWrite.size(); i++) {
            PayslipRow p = toWrite.get(i);
            PayslipCalculation.Figures f = p.figures();
            PayslipCalculation.YearToDate y = f.yearToDate();
            long id = ids.get(i);
            Object[] values = {id, runs.get(p.citizenId()), p.councilId(), p.citizenId(), p.employmentId(), period.taxYear(), period.payDate(),
                    p.taxCode(), p.week1Month1(), f.niCategory(), f.workMinutes(), f.holidayMinutes(), f.sickDays(), f.workPayPence(),
                    f.holidayPayPence(), f.sspPence(), f.grossPence(), f.taxPence(), f.employeeNiPence(), f.employerNiPence(),
                    f.employmentAllowancePence(), f.pensionStatus().name(), f.qualifyingEarningsPence(), f.employeePensionPence(),
                    f.employerPensionPence(), f.netPence(), f.holidayAccruedMinutes(),
                    f.holidayEntitlementMinutes() == null ? "\\N" : f.holidayEntitlementMinutes(), y.grossPence(), y.taxablePence(),
                    y.taxPence(), y.employeeNiPence(), y.employerNiPence(), y.employeePensionPence(), y.employerPensionPence(), y.netPence(),
                    y.holidayAccruedMinutes(), y.holidayTakenMinutes()};
            for (int v = 0; v < values.length; v++) {
                slips.append(v == 0 ? "" : "\t").append(values[v]);
            }
            slips.append('\n');
            int n = 0;
            for (PayslipCalculation.Line line : f.lines()) {
                lines.append(id).append('\t').append(++n).append('\t').append(line.kind().name()).append('\t').append(line.minutes())
                        .append('\t').append(line.days()).append('\t').append(line.ratePence()).append('\t').append(line.amountPence())
                        .append('\n');
            }
        }
        try {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            copy.copyIn("""
                    COPY payslip (id, run_id, council_id, citizen_id, employment_id, tax_year, pay_date, tax_code, week1_month1, ni_category,
                        work_minutes, holiday_minutes, sick_days, work_pay_pence, holiday_pay_pence, ssp_pence, gross_pence, tax_pence,
                        employee_ni_pence, employer_ni_pence, employment_allowance_pence, pension_status, qualifying_earnings_pence,
                        employee_pension_pence, employer_pension_pence, net_pence, holiday_accrued_minutes, holiday_entitlement_minutes,
                        ytd_gross_pence, ytd_taxable_pence, ytd_tax_pence, ytd_employee_ni_pence, ytd_employer_ni_pence,
                        ytd_employee_pension_pence, ytd_employer_pension_pence, ytd_net_pence, ytd_holiday_accrued_minutes,
                        ytd_holiday_taken_minutes) FROM STDIN""", new StringReader(slips.toString()));
            if (!lines.isEmpty()) {
                copy.copyIn("COPY payslip_line (payslip_id, line, kind, minutes, days, rate_pence, amount_pence) FROM STDIN",
                        new StringReader(lines.toString()));
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("Could not write the payslips", e);
        }
        List<Long> slipEmployments = toWrite.stream().map(PayslipRow::employmentId).toList();
        jdbc.sql("""
                        INSERT INTO payslip_timesheet (timesheet_id, paid_through, paid_from, payslip_id, days, minutes)
                        SELECT s.timesheet_id, max(s.last_day), min(s.first_day), m.payslip_id, sum(s.days), sum(s.minutes)
                        FROM payroll_sheet s
                        JOIN unnest(CAST(:emps AS bigint[]), CAST(:slips AS bigint[])) AS m(employment_id, payslip_id)
                          ON m.employment_id = s.employment_id
                        GROUP BY s.timesheet_id, m.payslip_id""")
                .param("emps", array(slipEmployments)).param("slips", array(ids)).update();
        return runs;
    }

    // ---------------------------------------------------------------- reading

    Optional<PayrollRun> find(long runId) {
        Optional<PayrollRun> run = jdbc.sql("""
                        SELECT r.id, r.council_id, r.citizen_id, r.tax_year, r.frequency, r.period, r.period_start, r.period_end, r.pay_date,
                               r.created_by, r.created_at, a.approved_by, a.approved_at
                        FROM payroll_run r LEFT JOIN payroll_run_approval a ON a.run_id = r.id WHERE r.id = :id""")
                .param("id", runId).query((rs, n) -> new PayrollRun(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        PayFrequency.valueOf(rs.getString(5)), rs.getInt(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
                        rs.getObject(9, LocalDate.class), rs.getString(10), rs.getTimestamp(11).toInstant(),
                        rs.getString(12) == null ? PayrollRun.Status.AWAITING_APPROVAL : PayrollRun.Status.APPROVED, rs.getString(12),
                        rs.getTimestamp(13) == null ? null : rs.getTimestamp(13).toInstant(), List.of(), null))
                .optional();
        return run.map(r -> {
            List<Payslip> slips = payslips("WHERE p.run_id = :r", Map.of("r", r.id()));
            PayPeriod period = PayPeriod.of(r.taxYear(), r.frequency(), r.period());
            long tax = 0, employeeNi = 0, employerNi = 0, allowance = 0, gross = 0, net = 0, employeePension = 0, employerPension = 0;
            for (Payslip p : slips) {
                tax += p.taxPence();
                employeeNi += p.employeeNiPence();
                employerNi += p.employerNiPence();
                allowance += p.employmentAllowancePence();
                gross += p.grossPence();
                net += p.netPence();
                employeePension += p.employeePensionPence();
                employerPension += p.employerPensionPence();
            }
            PayrollRun.Totals totals = new PayrollRun.Totals(gross, net, tax, employeeNi, employerNi, allowance,
                    tax + employeeNi + employerNi - allowance, period.hmrcDueBy(), employeePension, employerPension,
                    employeePension + employerPension, period.pensionDueBy(), employmentAllowanceLeft(r.citizenId(), r.taxYear()));
            return new PayrollRun(r.id(), r.councilId(), r.citizenId(), r.taxYear(), r.frequency(), r.period(), r.periodStart(),
                    r.periodEnd(), r.payDate(), r.createdBy(), r.createdAt(), r.status(), r.approvedBy(), r.approvedAt(),
                    slips.stream().map(p -> new PayrollRun.PayslipSummary(p.id(), p.employmentId(), p.paName(), p.grossPence(), p.netPence()))
                            .toList(), totals);
        });
    }

    private List<Payslip> payslips(String where, Map<String, Object> params) {
        List<Payslip> slips = jdbc.sql("""
                        SELECT p.*, r.frequency, r.period, r.period_start, r.period_end, c.given_name || ' ' || c.family_name AS employer_name,
                               e.pa_given_name || ' ' || e.pa_family_name AS pa_name, a.run_id IS NOT NULL AS approved
                        FROM payslip p JOIN payroll_run r ON r.id = p.run_id JOIN pa_employment e ON e.id = p.employment_id
                        JOIN citizen c ON c.id = p.citizen_id LEFT JOIN payroll_run_approval a ON a.run_id = p.run_id
                        """ + where + " ORDER BY p.pay_date DESC, p.id")
                .params(params).query((rs, n) -> payslip(rs)).list();
        if (slips.isEmpty()) {
            return slips;
        }
        Map<Long, List<PayslipCalculation.Line>> lines = new HashMap<>();
        jdbc.sql("SELECT payslip_id, kind, rate_pence, minutes, days, amount_pence FROM payslip_line WHERE payslip_id = ANY(CAST(:ids AS bigint[])) "
                        + "ORDER BY payslip_id, line")
                .param("ids", array(slips.stream().map(Payslip::id).toList()))
                .query((ResultSet rs) -> {
                    lines.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new PayslipCalculation.Line(
                            PayslipCalculation.LineKind.valueOf(rs.getString(2)), rs.getLong(3), rs.getInt(4), rs.getInt(5), rs.getLong(6)));
                });
        return slips.stream().map(p -> new Payslip(p.id(), p.runId(), p.councilId(), p.citizenId(), p.employerName(), p.employmentId(),
                p.paName(), p.taxYear(), p.frequency(), p.period(), p.periodStart(), p.periodEnd(), p.payDate(), p.taxCode(), p.week1Month1(),
                p.niCategory(), List.copyOf(lines.getOrDefault(p.id(), List.of())), p.workPayPence(), p.holidayPayPence(), p.sspPence(),
                p.grossPence(), p.taxPence(), p.employeeNiPence(), p.employerNiPence(), p.employmentAllowancePence(), p.pensionStatus(),
                p.qualifyingEarningsPence(), p.employeePensionPence(), p.employerPensionPence(), p.netPence(), p.holidayAccruedMinutes(),
                p.holidayEntitlementMinutes(), p.yearToDate(), p.approved())).toList();
    }

    private static Payslip payslip(ResultSet rs) throws SQLException {
        int entitlement = rs.getInt("holiday_entitlement_minutes");
        Integer holidayEntitlement = rs.wasNull() ? null : entitlement;
        return new Payslip(rs.getLong("id"), rs.getLong("run_id"), rs.getLong("council_id"), rs.getLong("citizen_id"),
                rs.getString("employer_name"), rs.getLong("employment_id"), rs.getString("pa_name"), rs.getString("tax_year"),
                PayFrequency.valueOf(rs.getString("frequency")), rs.getInt("period"), rs.getObject("period_start", LocalDate.class),
                rs.getObject("period_end", LocalDate.class), rs.getObject("pay_date", LocalDate.class), rs.getString("tax_code"),
                rs.getBoolean("week1_month1"), rs.getString("ni_category"), List.of(), rs.getLong("work_pay_pence"),
                rs.getLong("holiday_pay_pence"), rs.getLong("ssp_pence"), rs.getLong("gross_pence"), rs.getLong("tax_pence"),
                rs.getLong("employee_ni_pence"), rs.getLong("employer_ni_pence"), rs.getLong("employment_allowance_pence"),
                rs.getString("pension_status"), rs.getLong("qualifying_earnings_pence"), rs.getLong("employee_pension_pence"),
                rs.getLong("employer_pension_pence"), rs.getLong("net_pence"), rs.getInt("holiday_accrued_minutes"), holidayEntitlement,
                new PayslipCalculation.YearToDate(rs.getLong("ytd_gross_pence"), rs.getLong("ytd_taxable_pence"), rs.getLong("ytd_tax_pence"),
                        rs.getLong("ytd_employee_ni_pence"), rs.getLong("ytd_employer_ni_pence"), rs.getLong("ytd_employee_pension_pence"),
                        rs.getLong("ytd_employer_pension_pence"), rs.getLong("ytd_net_pence"), rs.getInt("ytd_holiday_accrued_minutes"),
                        rs.getInt("ytd_holiday_taken_minutes")),
                rs.getBoolean("approved"));
    }
}
