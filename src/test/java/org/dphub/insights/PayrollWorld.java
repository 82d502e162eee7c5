package org.dphub.insights;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.dphub.councils.Council;
import org.dphub.councils.CouncilSettings;
import org.dphub.councils.Councils;
import org.dphub.councils.Nation;
import org.dphub.employment.Employment;
import org.dphub.employment.EmploymentInput;
import org.dphub.employment.Employments;
import org.dphub.employment.PayFrequency;
import org.dphub.employment.PayrollRuns;
import org.dphub.employment.Timesheets;
import org.dphub.identity.NewUserAccount;
import org.dphub.identity.UserAccounts;
import org.dphub.shared.Money;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.support.Http;
import org.dphub.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two councils of their own whose PAs are paid through dphub payroll, so every pay figure is known
 * (built once; the tests and the browser journey share them). Everything about paying goes through
 * the employment module's public services as the council's DP team would: employments, timesheets,
 * payroll runs (monthly, tax year 2026-27) and their approval. The people, plans and direct payments
 * the employers need are rows, as in InsightsIT.
 *
 * <p>{@code insights-pay-it} (England): employer 1 employs five PAs living in SY1 (£13.00, £13.50,
 * £14.00, £14.50, £15.00 an hour), employer 2 three in SY2 (£12.80, £12.90, £13.10) and one with no
 * PA profile (£13.20), each working 2 hours on 10 June 2026 (paid 5 July); the £13.00 PA also 3 hours
 * on 10 July (paid 5 August); employer 3 one PA in SY3 at £20.00, above the agency rate, 4 hours on
 * 10 September (paid 5 October). A fourth person pays their PAs outside dphub: a direct payment
 * with a plan line of 10 hours a week at £13.28. {@code insights-pay-other} (England): three PAs in
 * CH7 at £17.00, £18.00 and £19.00, 2 hours on 10 June.
 */
final class PayrollWorld {

    static final String CODE = "insights-pay-it";
    static final String OTHER = "insights-pay-other";
    static final String DP_TEAM = "dp-team@" + CODE;
    static final String ADMIN = "admin@" + CODE;
    static final String CITIZEN = "citizen@" + CODE;
    static final String PERIOD = "from=2026-06-01&to=2026-11-30";
    static final String TAX_YEAR = "2026-27";

    private final JdbcClient jdbc;
    private final Councils councils;
    private final UserAccounts users;
    private final Employments employments;
    private final Timesheets timesheets;
    private final PayrollRuns payroll;
    private final MessageSource messages;
    private int pas;

    PayrollWorld(JdbcClient jdbc, Councils councils, UserAccounts users, Employments employments, Timesheets timesheets,
                 PayrollRuns payroll, MessageSource messages) {
        this.jdbc = jdbc;
        this.councils = councils;
        this.users = users;
        this.employments = employments;
        this.timesheets = timesheets;
        this.payroll = payroll;
        this.messages = messages;
    }

    /** Builds both councils unless a test before did. */
    synchronized void build() {
        if (councils.findByCode(CODE).isPresent()) {
            return;
        }
        long council = council(CODE, "Pay Figures Borough Council", "Cyngor Bwrdeistref Ffigurau Tâl");
        users.create(new NewUserAccount(DP_TEAM, Http.DEMO_PASSWORD, "Dee Pay", council, EnumSet.of(Role.DP_TEAM), "en"));
        users.create(new NewUserAccount(ADMIN, Http.DEMO_PASSWORD, "Ada Pay", council, EnumSet.of(Role.COUNCIL_ADMIN), "en"));
        users.create(new NewUserAccount(CITIZEN, Http.DEMO_PASSWORD, "Cy Pay", council, EnumSet.of(Role.CITIZEN), "en"));
        SignedInUser team = users.findByUsername(DP_TEAM).orElseThrow();

        long first = employer(council, "PAY-1");
        List<Employment> sy1 = List.of(pa(team, council, first, 1300, "SY1 1AA"), pa(team, council, first, 1350, "SY1 2AB"),
                pa(team, council, first, 1400, "SY1 3AD"), pa(team, council, first, 1450, "SY1 4AE"),
                pa(team, council, first, 1500, "SY1 1AA"));
        long second = employer(council, "PAY-2");
        List<Employment> others = List.of(pa(team, council, second, 1280, "SY2 5AA"), pa(team, council, second, 1290, "SY2 6AB"),
                pa(team, council, second, 1310, "SY2 5AA"), pa(team, council, second, 1320, null));
        for (Employment e : sy1) {
            work(team, e, LocalDate.of(2026, 6, 10), "2");
        }
        for (Employment e : others) {
            work(team, e, LocalDate.of(2026, 6, 10), "2");
        }
        pay(team, first, 3);
        pay(team, second, 3);
        work(team, sy1.get(0), LocalDate.of(2026, 7, 10), "3");
        pay(team, first, 4);
        long third = employer(council, "PAY-3");
        work(team, pa(team, council, third, 2000, "SY3 8AA"), LocalDate.of(2026, 9, 10), "4");
        pay(team, third, 6);

        // paid outside dphub payroll: a direct payment with 10 hours a week at £13.28, and no PA employed here
        long outside = person(council, "PAY-4");
        directPayment(council, outside, plan(council, outside, "HOURLY"));

        long other = council(OTHER, "Other Pay Figures Council", "Cyngor Ffigurau Tâl Arall");
        String otherTeam = "dp-team@" + OTHER;
        users.create(new NewUserAccount(otherTeam, Http.DEMO_PASSWORD, "Dai Pay", other, EnumSet.of(Role.DP_TEAM), "en"));
        SignedInUser theirTeam = users.findByUsername(otherTeam).orElseThrow();
        long theirs = employer(other, "OTHER-1");
        for (long rate : new long[] {1700, 1800, 1900}) {
            work(theirTeam, pa(theirTeam, other, theirs, rate, "CH7 1XY"), LocalDate.of(2026, 6, 10), "2");
        }
        pay(theirTeam, theirs, 3);
    }

    private long council(String code, String name, String nameCy) {
        Council council = councils.create(code, name, nameCy, Nation.ENGLAND, CouncilSettings.defaults(false));
        return council.id();
    }

    /** A person with a plan, an active direct payment and an open account (payroll spending needs one). */
    private long employer(long council, String reference) {
        long person = person(council, reference);
        long dp = directPayment(council, person, plan(council, person, "WEEKLY"));
        jdbc.sql("""
                        INSERT INTO dp_account (council_id, citizen_id, direct_payment_id, type, status, opened_on)
                        VALUES (:c, :p, :dp, 'BANK_ACCOUNT', 'OPEN', DATE '2026-01-01')""")
                .param("c", council).param("p", person).param("dp", dp).update();
        return person;
    }

    private long person(long council, String reference) {
        return jdbc.sql("""
                        INSERT INTO citizen (council_id, reference, given_name, family_name, date_of_birth, postcode)
                        VALUES (:c, :ref, 'Employer', :ref, DATE '1960-01-01', 'SY1 1AA') RETURNING id""")
                .param("c", council).param("ref", reference).query(Long.class).single();
    }

    /** A plan from 1 January 2026 with one direct payment line: 10 hours a week at £13.28, or £132.80 a week. */
    private long plan(long council, long citizen, String kind) {
        long plan = jdbc.sql("INSERT INTO care_plan (council_id, citizen_id) VALUES (:c, :p) RETURNING id")
                .param("c", council).param("p", citizen).query(Long.class).single();
        long version = jdbc.sql("""
                        INSERT INTO care_plan_version (plan_id, council_id, version, start_date, how_needs_met, payment_frequency,
                            weekly_contribution_pence, weekly_budget_pence, annual_budget_pence, regular_payment_pence, created_by)
                        VALUES (:plan, :c, 1, DATE '2026-01-01', 'DIRECT_PAYMENT_FULL', 'FOUR_WEEKLY', 0, 13280, 690560, 53120, 'test')
                        RETURNING id""")
                .param("plan", plan).param("c", council).query(Long.class).single();
        if ("HOURLY".equals(kind)) {
            jdbc.sql("""
                            INSERT INTO plan_budget_line (plan_version_id, position, description, kind, hours_per_week,
                                hourly_rate_pence, delivery_mechanism)
                            VALUES (:v, 1, 'PA support', 'HOURLY', 10, 1328, 'DIRECT_PAYMENT')""").param("v", version).update();
        } else {
            jdbc.sql("""
                            INSERT INTO plan_budget_line (plan_version_id, position, description, kind, weekly_amount_pence,
                                delivery_mechanism)
                            VALUES (:v, 1, 'PA support', 'WEEKLY', 13280, 'DIRECT_PAYMENT')""").param("v", version).update();
        }
        return plan;
    }

    private long directPayment(long council, long citizen, long plan) {
        return jdbc.sql("""
                        INSERT INTO direct_payment (council_id, citizen_id, plan_id, status, has_capacity, account_type,
                            requested_on, start_date, agreed_at, agreed_by, agreement_method, first_payment_date, created_by)
                        VALUES (:c, :p, :plan, 'ACTIVE', true, 'BANK_ACCOUNT', DATE '2025-12-01', DATE '2026-01-01',
                            TIMESTAMP '2025-12-20 12:00', 'test', 'ONLINE', DATE '2026-01-01', 'test')
                        RETURNING id""")
                .param("c", council).param("p", citizen).param("plan", plan).query(Long.class).single();
    }

    /**
     * A PA employed from 1 June 2026 at this rate, paid monthly; with a PA register profile at this
     * home postcode (not live, not visible: no search finds it), or none when the postcode is null.
     */
    private Employment pa(SignedInUser team, long council, long employer, long ratePence, String homePostcode) {
        int n = ++pas;
        String email = null;
        if (homePostcode != null) {
            email = "pa" + n + "@" + councils.findById(council).orElseThrow().code() + ".example";
            users.create(new NewUserAccount(email, Http.DEMO_PASSWORD, "Pay PA " + n, null, EnumSet.of(Role.PERSONAL_ASSISTANT), "en"));
            long user = users.findByUsername(email).orElseThrow().userId();
            jdbc.sql("""
                            INSERT INTO pa_profile (user_id, registered_council_id, display_name, home_postcode, travel_km,
                                hourly_rate_pence, employment_basis, visible)
                            VALUES (:u, :c, :name, :postcode, 10, :rate, 'EMPLOYED', false)""")
                    .param("u", user).param("c", council).param("name", "Pay PA " + n).param("postcode", homePostcode)
                    .param("rate", ratePence).update();
        }
        EmploymentInput input = new EmploymentInput("Pay", "Assistant " + n, LocalDate.of(1990, 1, 1), email,
                LocalDate.of(2026, 6, 1), Money.ofPence(ratePence), "IRREGULAR", null, "MONTHLY", "1257L", false, null,
                "ASSESS", "Mutual Care Cover", "EL-PAY-" + n, LocalDate.now().plusYears(1));
        return employments.create(team, employer, input, new FormErrors(messages, Locale.ENGLISH));
    }

    private void work(SignedInUser team, Employment employment, LocalDate day, String hours) {
        var sheet = timesheets.submit(team, employment.id(), List.of(new Timesheets.DayInput(day, hours, "")), Locale.ENGLISH);
        timesheets.decide(team, sheet.id(), Timesheets.Status.APPROVED, "", Locale.ENGLISH);
    }

    /** Runs and approves the employer's payroll for a monthly period of 2026-27 (period 3 is paid on 5 July). */
    private void pay(SignedInUser team, long employer, int period) {
        var run = payroll.run(team, employer, TAX_YEAR, PayFrequency.MONTHLY, period, Locale.ENGLISH).run();
        payroll.approve(team, run.id(), Locale.ENGLISH);
    }
}
