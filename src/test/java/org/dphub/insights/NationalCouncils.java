package org.dphub.insights;

import java.time.LocalDate;
import org.dphub.councils.CouncilSettings;
import org.dphub.councils.Councils;
import org.dphub.councils.Nation;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Councils of a test's own for the national view, with known numbers: each person has a plan and,
 * when asked, a direct payment agreed on {@code agreed} whose first payment came {@code days} after
 * the request, on {@link #FIRST_PAID}. Made once; a second call finds the council already there.
 */
final class NationalCouncils {

    static final LocalDate FIRST_PAID = LocalDate.of(2026, 3, 1);

    private final JdbcClient jdbc;
    private final Councils councils;

    NationalCouncils(JdbcClient jdbc, Councils councils) {
        this.jdbc = jdbc;
        this.councils = councils;
    }

    /** A council with a direct payment for each of {@code daysToMoney} and {@code withoutPayment} people with a plan only. */
    long council(String code, String name, String nameCy, Nation nation, String referencePrefix, int withoutPayment,
                 int... daysToMoney) {
        if (councils.findByCode(code).isPresent()) {
            return councils.findByCode(code).get().id();
        }
        long council = councils.create(code, name, nameCy, nation, CouncilSettings.defaults(nation == Nation.WALES)).id();
        int n = 0;
        for (int days : daysToMoney) {
            long person = person(council, referencePrefix + "-" + (++n));
            long plan = plan(council, person, "DIRECT_PAYMENT");
            jdbc.sql("""
                            INSERT INTO direct_payment (council_id, citizen_id, plan_id, status, has_capacity, account_type,
                                requested_on, start_date, agreed_at, agreed_by, agreement_method, first_payment_date, created_by)
                            VALUES (:c, :p, :plan, 'ACTIVE', true, 'BANK_ACCOUNT', CAST(:requested AS date), DATE '2026-02-01',
                                DATE '2026-02-01' + time '12:00', 'test', 'ONLINE', CAST(:paid AS date), 'test')""")
                    .param("c", council).param("p", person).param("plan", plan)
                    .param("requested", FIRST_PAID.minusDays(days)).param("paid", FIRST_PAID).update();
        }
        for (int i = 0; i < withoutPayment; i++) {
            plan(council, person(council, referencePrefix + "-" + (++n)), "COUNCIL_COMMISSIONED");
        }
        return council;
    }

    private long person(long council, String reference) {
        return jdbc.sql("""
                        INSERT INTO citizen (council_id, reference, given_name, family_name, date_of_birth, postcode)
                        VALUES (:c, :ref, 'National', :ref, DATE '1960-01-01', 'SY1 1AA') RETURNING id""")
                .param("c", council).param("ref", reference).query(Long.class).single();
    }

    /** A plan from 1 January 2026 with one weekly line taken as {@code mechanism}. */
    private long plan(long council, long citizen, String mechanism) {
        long plan = jdbc.sql("INSERT INTO care_plan (council_id, citizen_id) VALUES (:c, :p) RETURNING id")
                .param("c", council).param("p", citizen).query(Long.class).single();
        long version = jdbc.sql("""
                        INSERT INTO care_plan_version (plan_id, council_id, version, start_date, how_needs_met, payment_frequency,
                            weekly_contribution_pence, weekly_budget_pence, annual_budget_pence, regular_payment_pence, created_by)
                        VALUES (:plan, :c, 1, DATE '2026-01-01', 'DIRECT_PAYMENT_PART', 'FOUR_WEEKLY', 0, 13280, 690560, 53120, 'test')
                        RETURNING id""")
                .param("plan", plan).param("c", council).query(Long.class).single();
        jdbc.sql("""
                        INSERT INTO plan_budget_line (plan_version_id, position, description, kind, hours_per_week,
                            hourly_rate_pence, delivery_mechanism)
                        VALUES (:v, 1, 'Support', 'HOURLY', 10, 1328, :m)""")
                .param("v", version).param("m", mechanism).update();
        return plan;
    }
}
