package org.dphub.employment.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dphub.shared.personaldata.PersonalDataRows;
import org.dphub.shared.personaldata.PersonalDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Employing PAs (issue 17): the person as an employer (employments, terms, timesheets, payroll
 * runs, payslips, insurance), and a PA's own employments and payslips. Payroll records are kept:
 * HMRC asks employers to keep them for 3 years after the tax year, and they are money records.
 */
@Component
class EmploymentPersonalData implements PersonalDataSource {

    private static final String EMPLOYER = " WHERE e.council_id = :council AND e.citizen_id = :citizen";

    private final JdbcClient jdbc;

    EmploymentPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "employment";
    }

    @Override
    public Set<String> tables() {
        return Set.of("pa_employment", "pa_employment_terms", "timesheet", "payroll_run", "payslip", "insurance_reminder");
    }

    @Override
    public Optional<Section> forCitizen(long councilId, long citizenId) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("pa_employment", "SELECT e.id, e.pa_given_name, e.pa_family_name, e.pa_date_of_birth, e.pa_email, e.started_on, e.created_at"
                + " FROM pa_employment e" + EMPLOYER + " ORDER BY e.id");
        q.put("pa_employment_terms", "SELECT t.* FROM pa_employment_terms t JOIN pa_employment e ON e.id = t.employment_id" + EMPLOYER
                + " ORDER BY t.id");
        q.put("timesheet", "SELECT t.* FROM timesheet t JOIN pa_employment e ON e.id = t.employment_id" + EMPLOYER + " ORDER BY t.id");
        q.put("payroll_run", "SELECT e.* FROM payroll_run e" + EMPLOYER + " ORDER BY e.id");
        q.put("payslip", "SELECT e.* FROM payslip e" + EMPLOYER + " ORDER BY e.id");
        q.put("insurance_reminder", "SELECT e.* FROM insurance_reminder e" + EMPLOYER + " ORDER BY e.id");
        return PersonalDataRows.section(jdbc, section(), Map.of("council", councilId, "citizen", citizenId), q);
    }

    @Override
    public Optional<Section> forUser(long userId) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("pa_employment", "SELECT id, pa_given_name, pa_family_name, pa_date_of_birth, pa_email, started_on FROM pa_employment"
                + " WHERE pa_user_id = :user ORDER BY id");
        q.put("payslip", "SELECT s.* FROM payslip s JOIN pa_employment e ON e.id = s.employment_id WHERE e.pa_user_id = :user ORDER BY s.id");
        return PersonalDataRows.section(jdbc, section(), Map.of("user", userId), q);
    }

    @Override
    public Redacted erase(Redaction r) {
        return Redacted.kept("rights.kept.payroll", "rights.why.payroll");
    }

    /** After the retention time the employer's records no longer name the PAs they paid. */
    @Override
    public Redacted anonymiseMoneyRecords(Redaction r) {
        jdbc.sql("UPDATE pa_employment SET pa_given_name = 'Erased', pa_family_name = 'PA',"
                        + " pa_date_of_birth = make_date(extract(year FROM pa_date_of_birth)::int, 1, 1), pa_email = NULL"
                        + " WHERE council_id = :council AND citizen_id = :citizen AND pa_given_name <> 'Erased'")
                .param("council", r.councilId()).param("citizen", r.citizenId()).update();
        return new Redacted(List.of("rights.removed.pa-names"), List.of());
    }

    /** A PA is not erased while an employer still employs them, or pay worked out for them is not yet approved. */
    @Override
    public List<String> blocksPaErasure(long paProfileId, long userId, LocalDate today) {
        List<String> blocks = new java.util.ArrayList<>();
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM pa_employment WHERE pa_user_id = :user AND (ended_on IS NULL OR ended_on > :today))")
                .param("user", userId).param("today", today).query(Boolean.class).single()) {
            blocks.add("rights.block.pa-employment");
        }
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM payslip s JOIN pa_employment e ON e.id = s.employment_id"
                        + " WHERE e.pa_user_id = :user AND NOT EXISTS (SELECT 1 FROM payroll_run_approval a WHERE a.run_id = s.run_id))")
                .param("user", userId).query(Boolean.class).single()) {
            blocks.add("rights.block.pa-payroll");
        }
        return blocks;
    }

    /** The employers' payroll records name the PA: the employer must keep them (PAYE), so they stay. */
    @Override
    public Redacted erasePa(PaRedaction r) {
        return Redacted.kept("rights.kept.pa-payroll", "rights.why.pa-payroll");
    }

    @Override
    public Optional<LocalDate> paMoneyRecordsFrom(long paProfileId, long userId) {
        return jdbc.sql("SELECT max(ended_on) FROM pa_employment WHERE pa_user_id = :user").param("user", userId)
                .query(LocalDate.class).optional();
    }

    /** After the retention time the employers' records no longer name the PA (the figures stay). */
    @Override
    public Redacted anonymisePaMoneyRecords(PaRedaction r) {
        jdbc.sql("UPDATE pa_employment SET pa_given_name = 'Erased', pa_family_name = 'PA',"
                        + " pa_date_of_birth = make_date(extract(year FROM pa_date_of_birth)::int, 1, 1), pa_email = NULL"
                        + " WHERE pa_user_id = :user AND pa_given_name <> 'Erased'")
                .param("user", r.userId()).update();
        return Redacted.removed("rights.removed.pa-payroll-names");
    }
}
