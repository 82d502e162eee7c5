package org.dphub.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.dphub.councils.CouncilSettings;
import org.dphub.councils.Councils;
import org.dphub.councils.Nation;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the figures read that is kept by triggers at the scale of issue 16 (docs/PERFORMANCE.md) must
 * always agree with the rows it is kept from, whatever order those were written in: each plan
 * version's mechanisms and money (plan_version_support), each review's days before and after
 * (review), the PA register's own history of status changes (pa_profile_status_history, from the
 * audit trail), and the work paid through payroll (payslip_paid_work, from approved payslips). Rows are written here out of order, one at a time and several in one statement; then
 * every kept row in the database (this test's and every other test's so far) is checked against the
 * same thing worked out from the source rows, and the reviews figure against what a person would
 * expect from a review entered late.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InsightsKeptRowsIT {

    static final String CODE = "insights-kept-it";

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Councils councils;
    @Autowired
    Insights insights;
    @Autowired
    ApplicationContext context;

    long council;
    long lateReviewed;

    @BeforeAll
    void rowsWrittenOutOfOrder() {
        if (councils.findByCode(CODE).isPresent()) {
            council = councils.findByCode(CODE).get().id();
            lateReviewed = jdbc.sql("SELECT min(id) FROM direct_payment WHERE council_id = :c").param("c", council)
                    .query(Long.class).single();
            return;
        }
        council = councils.create(CODE, "Kept Rows Borough Council", "Cyngor Bwrdeistref Rhesi a Gadwyd", Nation.ENGLAND,
                CouncilSettings.defaults(false)).id();
        long citizen = jdbc.sql("""
                        INSERT INTO citizen (council_id, reference, given_name, family_name, date_of_birth, postcode)
                        VALUES (:c, 'KEPT-1', 'Kept', 'Rows', DATE '1960-01-01', 'ZE2 9KA') RETURNING id""")
                .param("c", council).query(Long.class).single();
        long plan = jdbc.sql("INSERT INTO care_plan (council_id, citizen_id) VALUES (:c, :p) RETURNING id")
                .param("c", council).param("p", citizen).query(Long.class).single();
        // two versions; the first's lines one statement each, the second's in one statement, one with no hours
        long first = version(plan, 1);
        line(first, 1, "HOURLY", "DIRECT_PAYMENT", "10.50", 1500L, null);
        line(first, 2, "WEEKLY", "COUNCIL_MANAGED_BUDGET", null, null, 4000L);
        long second = version(plan, 2);
        jdbc.sql("""
                        INSERT INTO plan_budget_line (plan_version_id, position, description, kind, hours_per_week, hourly_rate_pence,
                            weekly_amount_pence, amount_pence, delivery_mechanism)
                        VALUES (:v, 1, 'PA', 'HOURLY', 7.25, 1333, NULL, NULL, 'DIRECT_PAYMENT'),
                               (:v, 2, 'PA, no hours yet', 'HOURLY', 0, 1400, NULL, NULL, 'DIRECT_PAYMENT'),
                               (:v, 3, 'Day centre', 'WEEKLY', NULL, NULL, 2500, NULL, 'COUNCIL_COMMISSIONED'),
                               (:v, 4, 'Chair', 'ONE_OFF', NULL, NULL, NULL, 30000, 'INDIVIDUAL_SERVICE_FUND')""")
                .param("v", second).update();
        version(plan, 3); // a version with no lines at all
        // a direct payment started on 1 January 2025 (first review due 1 July 2025); its reviews are entered
        // out of order: 1 March 2026 first, then 15 June 2025 late, then two on the same day in one statement
        lateReviewed = jdbc.sql("""
                        INSERT INTO direct_payment (council_id, citizen_id, plan_id, status, has_capacity, account_type,
                            requested_on, start_date, agreed_at, agreed_by, agreement_method, created_by)
                        VALUES (:c, :p, :plan, 'ACTIVE', true, 'BANK_ACCOUNT', DATE '2024-12-01', DATE '2025-01-01',
                            TIMESTAMPTZ '2025-01-01 09:00:00+00', 'test', 'ONLINE', 'test') RETURNING id""")
                .param("c", council).param("p", citizen).param("plan", plan).query(Long.class).single();
        review(lateReviewed, "2026-03-01");
        review(lateReviewed, "2025-06-15");
        jdbc.sql("""
                        INSERT INTO review (council_id, direct_payment_id, reason, reviewed_on, working, not_working, reviewed_by)
                        VALUES (:c, :dp, 'CONCERN', DATE '2026-09-01', '', '', 'test'), (:c, :dp, 'OTHER', DATE '2026-09-01', '', '', 'test')""")
                .param("c", council).param("dp", lateReviewed).update();
        // a PA profile whose status changes reach the audit trail out of order, one at a time and two at once
        long profile = jdbc.sql("""
                        INSERT INTO pa_profile (display_name, home_postcode, travel_km, hourly_rate_pence, employment_basis, status)
                        VALUES ('Kept P.', 'ZE2 9KB', 10, 1400, 'EITHER', 'LIVE') RETURNING id""").query(Long.class).single();
        statusChanges(profile, "('AWAITING_CHECKS', 'LIVE', '2026-02-01 10:00')");
        statusChanges(profile, "(NULL, 'AWAITING_CHECKS', '2026-01-01 10:00')");
        statusChanges(profile, "('LIVE', 'SUSPENDED', '2026-04-01 10:00'), ('SUSPENDED', 'LIVE', '2026-03-01 10:00')");
        statusChanges(profile, "('LIVE', 'LIVE', '2026-05-01 10:00')"); // not a change of status
        // a PA paid through payroll: run 1 approved before its payslip's lines are written, run 2 approved after
        // them, run 3 not approved; each payslip has a WORK line and a HOLIDAY line, written in one statement
        long employment = jdbc.sql("""
                        INSERT INTO pa_employment (council_id, citizen_id, pa_given_name, pa_family_name, pa_date_of_birth, started_on,
                            created_by)
                        VALUES (:c, :p, 'Pat', 'Kept', DATE '1990-01-01', DATE '2026-01-01', 'test') RETURNING id""")
                .param("c", council).param("p", citizen).query(Long.class).single();
        long run1 = payrollRun(citizen, 1);
        approve(run1);
        payslipLines(payslip(run1, employment), 600);
        long run2 = payrollRun(citizen, 2);
        payslipLines(payslip(run2, employment), 660);
        approve(run2);
        payslipLines(payslip(payrollRun(citizen, 3), employment), 720);
    }

    @Test
    void eachPlanVersionsKeptMechanismsAndMoneyAreItsLinesAddedUp() {
        assertThat(jdbc.sql("""
                        WITH kept AS (
                            SELECT version_id, council_id, plan_id, citizen_id, version, start_date, end_date, recipient_kind, mechanisms,
                                   dp_weekly_pence, isf_weekly_pence, cmb_weekly_pence, cc_weekly_pence, dp_hourly_hours, dp_hourly_rate_hours
                            FROM plan_version_support),
                        worked_out AS (
                            SELECT v.id, v.council_id, v.plan_id, p.citizen_id, v.version, v.start_date, v.end_date, p.recipient_kind,
                                   coalesce(bit_or(CASE l.delivery_mechanism WHEN 'DIRECT_PAYMENT' THEN 1 WHEN 'INDIVIDUAL_SERVICE_FUND' THEN 2
                                        WHEN 'COUNCIL_MANAGED_BUDGET' THEN 4 WHEN 'COUNCIL_COMMISSIONED' THEN 8 END), 0)::smallint,
                                   coalesce(sum(l.weekly_cost_pence) FILTER (WHERE l.delivery_mechanism = 'DIRECT_PAYMENT'), 0),
                                   coalesce(sum(l.weekly_cost_pence) FILTER (WHERE l.delivery_mechanism = 'INDIVIDUAL_SERVICE_FUND'), 0),
                                   coalesce(sum(l.weekly_cost_pence) FILTER (WHERE l.delivery_mechanism = 'COUNCIL_MANAGED_BUDGET'), 0),
                                   coalesce(sum(l.weekly_cost_pence) FILTER (WHERE l.delivery_mechanism = 'COUNCIL_COMMISSIONED'), 0),
                                   coalesce(sum(l.hours_per_week) FILTER (WHERE l.kind = 'HOURLY' AND l.delivery_mechanism = 'DIRECT_PAYMENT'
                                        AND l.hours_per_week > 0 AND l.hourly_rate_pence IS NOT NULL), 0),
                                   coalesce(sum(l.hours_per_week * l.hourly_rate_pence) FILTER (WHERE l.kind = 'HOURLY'
                                        AND l.delivery_mechanism = 'DIRECT_PAYMENT' AND l.hours_per_week > 0 AND l.hourly_rate_pence IS NOT NULL), 0)
                            FROM care_plan_version v JOIN care_plan p ON p.id = v.plan_id
                            LEFT JOIN insights_budget_line l ON l.version_id = v.id
                            GROUP BY v.id, p.citizen_id, p.recipient_kind)
                        SELECT (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM worked_out) a)
                             + (SELECT count(*) FROM (SELECT * FROM worked_out EXCEPT SELECT * FROM kept) b)""")
                .query(Long.class).single()).as("versions whose kept row differs from their lines").isZero();
        // this test's plan: version 1 has a direct payment and a council-managed budget line, version 2 a
        // direct payment, council-commissioned support and an individual service fund (one-off: no weekly money)
        assertThat(jdbc.sql("""
                        SELECT s.version || ':' || s.mechanisms || ':' || s.dp_weekly_pence || '/' || s.isf_weekly_pence || '/'
                               || s.cmb_weekly_pence || '/' || s.cc_weekly_pence || ':' || s.dp_hourly_hours || ':' || s.dp_hourly_rate_hours
                        FROM plan_version_support s WHERE s.council_id = :c ORDER BY s.version""")
                .param("c", council).query(String.class).list())
                .containsExactly("1:5:15750/0/4000/0:10.50:15750.00", "2:11:9664/0/0/2500:7.25:9664.25", "3:0:0/0/0/0:0:0");
    }

    @Test
    void eachReviewKeepsTheDaysOfTheReviewsBeforeAndAfterItInTheOrderDone() {
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM review r JOIN (
                            SELECT x.id, lag(x.reviewed_on) OVER w AS previous_on, lead(x.reviewed_on) OVER w AS next_on FROM review x
                            WINDOW w AS (PARTITION BY x.direct_payment_id ORDER BY x.reviewed_on, x.id)) n ON n.id = r.id
                        WHERE r.previous_reviewed_on IS DISTINCT FROM n.previous_on OR r.next_reviewed_on IS DISTINCT FROM n.next_on""")
                .query(Long.class).single()).as("reviews whose kept days differ").isZero();
        assertThat(jdbc.sql("""
                        SELECT coalesce(previous_reviewed_on::text, '-') || ' ' || reviewed_on || ' ' || coalesce(next_reviewed_on::text, '-')
                        FROM review WHERE direct_payment_id = :dp ORDER BY reviewed_on, id""")
                .param("dp", lateReviewed).query(String.class).list())
                .containsExactly("- 2025-06-15 2026-03-01", "2025-06-15 2026-03-01 2026-09-01", "2026-03-01 2026-09-01 2026-09-01",
                        "2026-09-01 2026-09-01 -");
    }

    @Test
    void aReviewEnteredLateCountsTheNextOneAsDueAYearAfterIt() {
        // 15 June 2025 met the first review (due 1 July 2025), so the one done on 1 March 2026 was due a year
        // after it, on 15 June 2026, and was on time; overdue at no month end (June's review was not due yet)
        @SuppressWarnings("unchecked")
        Figure<Reviews> figure = context.getBeansOfType(Figure.class).values().stream()
                .filter(f -> f.key().equals("reviews")).findFirst().orElseThrow();
        Reviews reviews = insights.compute(figure, new Figure.CouncilFacts(council, CODE, true, 28),
                new Period(LocalDate.parse("2026-01-01"), LocalDate.parse("2026-06-30")));
        assertThat(reviews.done()).isEqualTo(1);
        assertThat(reviews.doneOnTime()).isEqualTo(1);
        assertThat(reviews.due()).as("the review due 15 June 2026").isEqualTo(1);
        assertThat(reviews.overdue()).isZero();
    }

    @Test
    void theRegistersHistoryIsTheAuditTrailsStatusChangesInOrder() {
        // a PA erased from the register (PaErasureIT) has the values of their audit events blanked; the
        // history keeps only their statuses, which say nothing about them, so they are left out of the comparison
        assertThat(jdbc.sql("""
                        WITH erased AS (SELECT id FROM pa_profile WHERE status = 'ERASED'),
                        trail AS (
                            SELECT CAST(e.entity_id AS bigint) AS profile_id, e.id AS event_id, e.occurred_at,
                                   e.before_state ->> 'status' AS before_status, e.after_state ->> 'status' AS after_status
                            FROM audit_event e
                            WHERE e.entity_type = 'pa_profile' AND (e.after_state -> 'status') IS NOT NULL
                              AND (e.before_state IS NULL OR (e.before_state ->> 'status') IS DISTINCT FROM (e.after_state ->> 'status'))
                              AND CAST(e.entity_id AS bigint) NOT IN (SELECT id FROM erased)),
                        worked_out AS (
                            SELECT t.*, row_number() OVER w = 1 AS first_change, lead(t.occurred_at) OVER w AS next_occurred_at FROM trail t
                            WINDOW w AS (PARTITION BY t.profile_id ORDER BY t.occurred_at, t.event_id)),
                        kept AS (
                            SELECT profile_id, event_id, occurred_at, before_status, after_status, first_change, next_occurred_at
                            FROM pa_profile_status_history WHERE profile_id NOT IN (SELECT id FROM erased))
                        SELECT (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM worked_out) a)
                             + (SELECT count(*) FROM (SELECT * FROM worked_out EXCEPT SELECT * FROM kept) b)""")
                .query(Long.class).single()).as("status changes whose kept row differs from the audit trail").isZero();
        assertThat(jdbc.sql("""
                        SELECT h.after_status || CASE WHEN h.first_change THEN ' first' ELSE '' END
                        FROM pa_profile_status_history h JOIN pa_profile p ON p.id = h.profile_id
                        WHERE p.display_name = 'Kept P.' ORDER BY h.occurred_at""").query(String.class).list())
                .containsExactly("AWAITING_CHECKS first", "LIVE", "LIVE", "SUSPENDED");
    }

    @Test
    void theWorkPaidThroughPayrollIsEveryWorkLineOfAnApprovedRun() {
        assertThat(jdbc.sql("""
                        WITH kept AS (
                            SELECT payslip_id, line, council_id, citizen_id, employment_id, pay_date, minutes, rate_pence, amount_pence
                            FROM payslip_paid_work),
                        worked_out AS (
                            SELECT l.payslip_id, l.line, s.council_id, s.citizen_id, s.employment_id, s.pay_date, l.minutes, l.rate_pence,
                                   l.amount_pence
                            FROM payslip s JOIN payroll_run_approval a ON a.run_id = s.run_id
                            JOIN payslip_line l ON l.payslip_id = s.id AND l.kind = 'WORK')
                        SELECT (SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM worked_out) a)
                             + (SELECT count(*) FROM (SELECT * FROM worked_out EXCEPT SELECT * FROM kept) b)""")
                .query(Long.class).single()).as("paid work lines that differ from the approved payslips' WORK lines").isZero();
        // this test's PA: the WORK lines of the two approved runs, whichever was written first; not run 3's
        assertThat(jdbc.sql("""
                        SELECT w.pay_date || ' ' || w.minutes || ' ' || w.amount_pence FROM insights_paid_work w
                        WHERE w.council_id = :c ORDER BY w.pay_date""")
                .param("c", council).query(String.class).list())
                .containsExactly("2026-01-31 600 14000", "2026-02-28 660 15400");
    }

    long payrollRun(long citizen, int period) {
        LocalDate start = LocalDate.of(2026, period, 1);
        return jdbc.sql("""
                        INSERT INTO payroll_run (council_id, citizen_id, tax_year, frequency, period, period_start, period_end, pay_date,
                            created_by)
                        VALUES (:c, :p, '2025-26', 'MONTHLY', :n, :start, :end, :end, 'test') RETURNING id""")
                .param("c", council).param("p", citizen).param("n", period).param("start", start)
                .param("end", start.withDayOfMonth(start.lengthOfMonth())).query(Long.class).single();
    }

    void approve(long run) {
        jdbc.sql("INSERT INTO payroll_run_approval (run_id, approved_by) VALUES (:r, 'test')").param("r", run).update();
    }

    long payslip(long run, long employment) {
        return jdbc.sql("""
                        INSERT INTO payslip (run_id, council_id, citizen_id, employment_id, tax_year, pay_date, tax_code, week1_month1,
                            ni_category, work_minutes, holiday_minutes, sick_days, work_pay_pence, holiday_pay_pence, ssp_pence,
                            gross_pence, tax_pence, employee_ni_pence, employer_ni_pence, employment_allowance_pence, pension_status,
                            qualifying_earnings_pence, employee_pension_pence, employer_pension_pence, net_pence, holiday_accrued_minutes,
                            ytd_gross_pence, ytd_taxable_pence, ytd_tax_pence, ytd_employee_ni_pence, ytd_employer_ni_pence,
                            ytd_employee_pension_pence, ytd_employer_pension_pence, ytd_net_pence, ytd_holiday_accrued_minutes,
                            ytd_holiday_taken_minutes)
                        SELECT r.id, r.council_id, r.citizen_id, :e, r.tax_year, r.pay_date, '1257L', false, 'A', 0, 0, 0, 0, 0, 0, 0, 0,
                               0, 0, 0, 'NON_ELIGIBLE', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
                        FROM payroll_run r WHERE r.id = :r RETURNING id""")
                .param("r", run).param("e", employment).query(Long.class).single();
    }

    void payslipLines(long payslip, int workMinutes) {
        jdbc.sql("""
                        INSERT INTO payslip_line (payslip_id, line, kind, minutes, days, rate_pence, amount_pence)
                        VALUES (:s, 1, 'WORK', :m, 0, 1400, :m * 1400 / 60), (:s, 2, 'HOLIDAY', 120, 0, 1400, 2800)""")
                .param("s", payslip).param("m", workMinutes).update();
    }

    long version(long plan, int number) {
        return jdbc.sql("""
                        INSERT INTO care_plan_version (plan_id, council_id, version, start_date, how_needs_met, payment_frequency,
                            weekly_contribution_pence, weekly_budget_pence, annual_budget_pence, regular_payment_pence, created_by)
                        VALUES (:plan, :c, :n, DATE '2025-01-01' + :n, 'DIRECT_PAYMENT_PART', 'FOUR_WEEKLY', 0, 0, 0, 0, 'test')
                        RETURNING id""")
                .param("plan", plan).param("c", council).param("n", number).query(Long.class).single();
    }

    void line(long version, int position, String kind, String mechanism, String hours, Long ratePence, Long weeklyPence) {
        jdbc.sql("""
                        INSERT INTO plan_budget_line (plan_version_id, position, description, kind, hours_per_week, hourly_rate_pence,
                            weekly_amount_pence, delivery_mechanism)
                        VALUES (:v, :p, 'A line', :kind, CAST(:hours AS numeric), :rate, :weekly, :m)""")
                .param("v", version).param("p", position).param("kind", kind).param("hours", hours).param("rate", ratePence)
                .param("weekly", weeklyPence).param("m", mechanism).update();
    }

    void review(long directPayment, String on) {
        jdbc.sql("""
                        INSERT INTO review (council_id, direct_payment_id, reason, reviewed_on, working, not_working, reviewed_by)
                        VALUES (:c, :dp, 'SCHEDULED', CAST(:on AS date), 'Going well', '', 'test')""")
                .param("c", council).param("dp", directPayment).param("on", on).update();
    }

    /** Audit events of status changes, as PaProfiles records them; {@code rows} are (before, after, London time) tuples. */
    void statusChanges(long profile, String rows) {
        jdbc.sql("""
                        INSERT INTO audit_event (occurred_at, actor, action, entity_type, entity_id, before_state, after_state)
                        SELECT CAST(r.at AS timestamp) AT TIME ZONE 'Europe/London', 'test', 'UPDATE', 'pa_profile', :id,
                               CASE WHEN r.before IS NULL THEN NULL ELSE jsonb_build_object('status', r.before) END,
                               jsonb_build_object('status', r.after)
                        FROM (VALUES %s) AS r(before, after, at)""".formatted(rows))
                .param("id", Long.toString(profile)).update();
    }
}
