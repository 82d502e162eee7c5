package org.dphub.employment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.identity.UserAccounts;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.shared.Money;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * PA employments: the employer (the person with the direct payment, someone acting for them, or
 * the council's direct payments team on their behalf) records each PA they employ and the terms.
 * The PA sees their own employments (linked by their sign-in email). Terms change by new versions.
 */
@Service
public class Employments {

    private final JdbcClient jdbc;
    private final Citizens citizens;
    private final UserAccounts users;
    private final AuditTrail audit;
    private final MinimumWagePolicy minimumWage;
    private final TaxYears taxYears;
    private final Clock clock;

    Employments(JdbcClient jdbc, Citizens citizens, UserAccounts users, AuditTrail audit, PayrollCalculator calculator, Clock clock) {
        this.jdbc = jdbc;
        this.citizens = citizens;
        this.users = users;
        this.audit = audit;
        this.minimumWage = new MinimumWagePolicy(calculator.taxYears());
        this.taxYears = calculator.taxYears();
        this.clock = clock;
    }

    /** Today in the UK, by the application's clock: what pages and rules count days from. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/London")));
    }

    /**
     * Checks an employment's details, adding what to fix to {@code errors} (English for the API,
     * the page's language on pages). New terms for an existing employment skip the PA's details.
     */
    public void check(EmploymentInput in, FormErrors errors, boolean newEmployment, LocalDate paDateOfBirth) {
        LocalDate today = today();
        LocalDate dob = paDateOfBirth;
        if (newEmployment) {
            errors.text("paGivenName", in.paGivenName(), 100, true, "employment.label.given-name");
            errors.text("paFamilyName", in.paFamilyName(), 100, true, "employment.label.family-name");
            String email = errors.text("paEmail", in.paEmail(), 254, false, "employment.label.email");
            if (email != null && !email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+")) {
                errors.reject("paEmail", "employment.error.email");
            }
            dob = in.paDateOfBirth();
            if (dob == null) {
                errors.reject("paDateOfBirth", "date.error.required", errors.messages().getMessage("employment.label.dob", null, errors.locale()));
            }
        }
        LocalDate start = in.startedOn();
        if (start == null) {
            errors.reject("startedOn", "date.error.required", errors.messages().getMessage("employment.label.start", null, errors.locale()));
        } else if (start.isAfter(today.plusYears(1))) {
            errors.reject("startedOn", "employment.error.start-far");
        }
        if (dob != null && start != null) {
            int age = java.time.Period.between(dob, start).getYears();
            if (age < 16 || age > 100) {
                errors.reject("paDateOfBirth", "employment.error.age");
            }
        }
        Money rate = in.hourlyRate();
        if (rate == null) {
            errors.reject("hourlyRate", "employment.error.rate");
        } else if (!rate.isGreaterThan(Money.ZERO) || rate.isGreaterThan(Money.ofPounds(1000))) {
            errors.reject("hourlyRate", "employment.error.rate");
        } else if (dob != null && start != null) {
            LocalDate payDay = start.isAfter(today) ? start : today;
            MinimumWagePolicy.Result result = minimumWage.check(rate, java.time.Period.between(dob, payDay).getYears(), payDay);
            if (!result.allowed()) {
                errors.reject("hourlyRate", "employment.error.minimum-wage", result.minimum().formatWithPence());
            }
        }
        EmploymentTerms.HoursKind kind = parse(EmploymentTerms.HoursKind.class, in.hoursKind());
        if (kind == null) {
            errors.reject("hoursKind", "employment.error.hours-kind");
        } else if (kind == EmploymentTerms.HoursKind.CONTRACTED
                && (in.contractedMinutesPerWeek() == null || in.contractedMinutesPerWeek() < 1 || in.contractedMinutesPerWeek() > 100 * 60)) {
            errors.reject("contractedHours", "employment.error.contracted-hours");
        }
        if (parse(PayFrequency.class, in.payFrequency()) == null) {
            errors.reject("payFrequency", "employment.error.frequency");
        }
        if (in.taxCode() == null || in.taxCode().isBlank()) {
            errors.reject("taxCode", "employment.error.tax-code-missing");
        } else {
            try {
                TaxCode.parse(in.taxCode());
            } catch (InvalidTaxCodeException e) {
                errors.reject("taxCode", "employment.error.tax-code", in.taxCode().strip());
            }
        }
        if (in.starterDeclaration() != null && !in.starterDeclaration().isBlank() && !in.starterDeclaration().matches("[ABC]")) {
            errors.reject("starterDeclaration", "employment.error.starter");
        }
        if (parse(EmploymentTerms.PensionChoice.class, in.pension()) == null) {
            errors.reject("pension", "employment.error.pension");
        }
        errors.text("elInsurer", in.elInsurer(), 200, true, "employment.label.insurer");
        errors.text("elPolicyNumber", in.elPolicyNumber(), 100, true, "employment.label.policy");
        if (in.elExpiresOn() == null) {
            errors.reject("elExpiresOn", "date.error.required", errors.messages().getMessage("employment.label.policy-ends", null, errors.locale()));
        } else if (in.elExpiresOn().isBefore(today)) {
            errors.reject("elExpiresOn", "employment.error.insurance-expired");
        }
    }

    /** Records a PA's employment for a person (the employer). {@code errors} may hold what the caller found already; throws every problem at once. */
    @Transactional
    public Employment create(SignedInUser user, long citizenId, EmploymentInput typed, FormErrors errors) {
        Citizen employer = employerSide(user, citizenId);
        EmploymentInput in = withStarterTaxCode(typed);
        check(in, errors, true, null);
        errors.throwIfAny();
        String email = in.paEmail() == null || in.paEmail().isBlank() ? null : in.paEmail().strip().toLowerCase(Locale.ROOT);
        Long paUser = email == null ? null : users.findByUsername(email).filter(u -> u.has(Role.PERSONAL_ASSISTANT))
                .map(SignedInUser::userId).orElse(null);
        long id = jdbc.sql("""
                        INSERT INTO pa_employment (council_id, citizen_id, pa_user_id, pa_given_name, pa_family_name, pa_date_of_birth,
                                                   pa_email, started_on, created_by)
                        VALUES (:c, :p, :u, :g, :f, :dob, :e, :s, :by) RETURNING id""")
                .param("c", employer.councilId()).param("p", citizenId).param("u", paUser).param("g", in.paGivenName().strip())
                .param("f", in.paFamilyName().strip()).param("dob", in.paDateOfBirth()).param("e", email).param("s", in.startedOn())
                .param("by", user.username()).query(Long.class).single();
        insertTerms(user, id, in.startedOn(), in);
        audit.record(employer.councilId(), "pa_employment", id, AuditAction.CREATE, null, AuditTrail.values("citizenId", citizenId,
                "paName", in.paGivenName().strip() + " " + in.paFamilyName().strip(), "startedOn", in.startedOn(),
                "hourlyRate", in.hourlyRate().formatWithPence(), "taxCode", in.taxCode().strip().toUpperCase(Locale.ROOT)));
        return find(id).orElseThrow();
    }

    /**
     * No tax code typed, but a starter checklist statement: the code HMRC's checklist says to use
     * until HMRC sends one. A: the emergency code (the tax year's personal allowance, e.g. 1257L),
     * cumulative; B: the emergency code on a week 1/month 1 basis; C: 0T on a week 1/month 1 basis.
     */
    EmploymentInput withStarterTaxCode(EmploymentInput in) {
        if ((in.taxCode() != null && !in.taxCode().isBlank()) || in.starterDeclaration() == null) {
            return in;
        }
        String year = MinimumWagePolicy.taxYearOf(in.startedOn() == null ? today() : in.startedOn());
        if (!taxYears.has(year)) {
            return in;
        }
        String emergency = (taxYears.year(year).personalAllowancePounds() / 10) + "L";
        String code;
        boolean week1Month1;
        switch (in.starterDeclaration().strip()) {
            case "A" -> { code = emergency; week1Month1 = false; }
            case "B" -> { code = emergency; week1Month1 = true; }
            case "C" -> { code = "0T"; week1Month1 = true; }
            default -> { return in; }
        }
        return new EmploymentInput(in.paGivenName(), in.paFamilyName(), in.paDateOfBirth(), in.paEmail(), in.startedOn(), in.hourlyRate(),
                in.hoursKind(), in.contractedMinutesPerWeek(), in.payFrequency(), code, week1Month1, in.starterDeclaration(), in.pension(),
                in.elInsurer(), in.elPolicyNumber(), in.elExpiresOn());
    }

    /**
     * Cover (issue 18): the employer's terms a cover PA's casual employment copies — how often they
     * pay and their employer's liability insurance — from the employer's newest employment whose
     * insurance has not run out. Empty when they employ nobody yet with insurance in force.
     */
    @Transactional(readOnly = true)
    public Optional<EmploymentTerms> termsForCover(long citizenId) {
        LocalDate today = today();
        return jdbc.sql("SELECT e.id FROM pa_employment e WHERE e.citizen_id = :c ORDER BY e.started_on DESC, e.id DESC")
                .param("c", citizenId).query(Long.class).list().stream()
                .map(id -> termsOn(id, today))
                .filter(t -> !t.elExpiresOn().isBefore(today))
                .findFirst();
    }

    /** A cover PA's employment with an employer: the one they have, or a new casual one made when the PA accepts cover. */
    public record CoverEngagement(Employment employment, boolean created) {
    }

    /**
     * Cover (issue 18): when a cover PA accepts, they are engaged by the employer — the employment
     * they already have with this employer, or a new casual one (irregular hours, holiday accruing
     * as it is worked) from the cover day at the rate the employer offered, paid as often as the
     * employer pays and under the employer's insurance ({@link #termsForCover}). The PA gives their
     * legal name, date of birth (the minimum wage for their age is checked, {@link MinimumWagePolicy})
     * and HMRC starter statement (A, B or C: the tax code until HMRC sends one). The employer agreed
     * when they asked; the cover booking has checked that {@code pa} is the PA asked. Throws what to fix.
     */
    @Transactional
    public CoverEngagement engageForCover(SignedInUser pa, long citizenId, String givenName, String familyName, LocalDate dateOfBirth,
                                          String starterDeclaration, LocalDate coverDay, Money hourlyRate, FormErrors errors) {
        Optional<Employment> existing = jdbc.sql(SELECT + " WHERE e.citizen_id = :c AND e.pa_user_id = :u "
                        + "AND (e.ended_on IS NULL OR e.ended_on >= :day) ORDER BY e.id LIMIT 1")
                .param("c", citizenId).param("u", pa.userId()).param("day", coverDay).param("today", today()).query(Employments::row).optional();
        if (existing.isPresent()) {
            return new CoverEngagement(existing.get(), false);
        }
        long councilId = jdbc.sql("SELECT council_id FROM citizen WHERE id = :c").param("c", citizenId).query(Long.class).optional()
                .orElseThrow(NotFound::new);
        EmploymentTerms template = termsForCover(citizenId).orElse(null);
        if (template == null) {
            errors.reject("elInsurer", "cover.error.no-insurance");
        }
        if (starterDeclaration == null || !starterDeclaration.strip().matches("[ABC]")) {
            errors.reject("starterDeclaration", "employment.error.starter");
        }
        errors.throwIfAny();
        EmploymentInput in = withStarterTaxCode(new EmploymentInput(givenName, familyName, dateOfBirth, pa.username(), coverDay, hourlyRate,
                EmploymentTerms.HoursKind.IRREGULAR.name(), null, template.payFrequency().name(), null, false, starterDeclaration.strip(),
                EmploymentTerms.PensionChoice.ASSESS.name(), template.elInsurer(), template.elPolicyNumber(), template.elExpiresOn()));
        check(in, errors, true, null);
        errors.throwIfAny();
        long id = jdbc.sql("""
                        INSERT INTO pa_employment (council_id, citizen_id, pa_user_id, pa_given_name, pa_family_name, pa_date_of_birth,
                                                   pa_email, started_on, created_by)
                        VALUES (:c, :p, :u, :g, :f, :dob, :e, :s, :by) RETURNING id""")
                .param("c", councilId).param("p", citizenId).param("u", pa.userId()).param("g", in.paGivenName().strip())
                .param("f", in.paFamilyName().strip()).param("dob", in.paDateOfBirth())
                .param("e", pa.username().toLowerCase(Locale.ROOT)).param("s", coverDay)
                .param("by", pa.username()).query(Long.class).single();
        insertTerms(pa, id, coverDay, in);
        audit.record(councilId, "pa_employment", id, AuditAction.CREATE, null, AuditTrail.values("citizenId", citizenId,
                "paName", in.paGivenName().strip() + " " + in.paFamilyName().strip(), "startedOn", coverDay,
                "hourlyRate", in.hourlyRate().formatWithPence(), "taxCode", in.taxCode(), "cover", true));
        return new CoverEngagement(find(id).orElseThrow(), true);
    }

    /** New terms from a day on (a pay rise, a new tax code, renewed insurance): a new version; the old ones stay. */
    @Transactional
    public Employment changeTerms(SignedInUser user, long employmentId, LocalDate from, EmploymentInput in, FormErrors errors) {
        Employment employment = find(user, employmentId).orElseThrow(NotFound::new);
        employerSide(user, employment.citizenId());
        EmploymentInput withStart = new EmploymentInput(null, null, null, null, from == null ? null : from, in.hourlyRate(), in.hoursKind(),
                in.contractedMinutesPerWeek(), in.payFrequency(), in.taxCode(), in.week1Month1(), in.starterDeclaration(), in.pension(),
                in.elInsurer(), in.elPolicyNumber(), in.elExpiresOn());
        check(withStart, errors, false, employment.paDateOfBirth());
        if (from != null && from.isBefore(employment.startedOn())) {
            errors.reject("startedOn", "employment.error.terms-before-start");
        }
        errors.throwIfAny();
        EmploymentTerms before = employment.terms();
        insertTerms(user, employmentId, from, withStart);
        Employment after = find(employmentId).orElseThrow();
        audit.record(employment.councilId(), "pa_employment_terms", employmentId, AuditAction.UPDATE, before, after.terms());
        return after;
    }

    /**
     * The employment ends: the PA's last day (once). The payroll records stay; a PA whose every
     * employment has ended may ask to leave the register and be erased (issue 17). The last day is
     * not before the start, nor before a day on a timesheet the PA sent that was not queried (work
     * recorded is work done while employed, and pay comes only from timesheets, so no payslip pays
     * a day after the last one; {@link Timesheets#submit} refuses days after it), and within a
     * year from today (notice). Throws what to fix; {@link org.dphub.web.Conflict} once it has ended.
     */
    @Transactional
    public void end(SignedInUser user, long employmentId, LocalDate lastDay, FormErrors errors) {
        Employment employment = find(user, employmentId).orElseThrow(NotFound::new);
        employerSide(user, employment.citizenId());
        // the row locked, so no timesheet is sent while the last day is checked (Timesheets.submit locks it too)
        LocalDate endedOn = jdbc.sql("SELECT ended_on FROM pa_employment WHERE id = :id FOR UPDATE").param("id", employmentId)
                .query((rs, n) -> rs.getObject(1, LocalDate.class)).list().get(0);
        if (endedOn != null) {
            throw new org.dphub.web.Conflict("This employment has already ended: the PA's last day is " + endedOn + ".");
        }
        if (lastDay == null) {
            if (!errors.has("lastDay")) {
                errors.reject("lastDay", "date.error.required", errors.messages().getMessage("employment.label.last-day", null,
                        errors.locale()));
            }
        } else if (lastDay.isBefore(employment.startedOn())) {
            errors.reject("lastDay", "employment.error.end-before-start");
        } else if (lastDay.isAfter(today().plusYears(1))) {
            errors.reject("lastDay", "employment.error.end-far");
        } else {
            LocalDate lastWorked = jdbc.sql("""
                            SELECT max(d.worked_on) FROM timesheet_day d JOIN timesheet t ON t.id = d.timesheet_id
                            LEFT JOIN timesheet_decision x ON x.timesheet_id = t.id
                            WHERE t.employment_id = :e AND (x.decision IS NULL OR x.decision = 'APPROVED')""")
                    .param("e", employmentId).query((rs, n) -> rs.getObject(1, LocalDate.class)).list().get(0);
            if (lastWorked != null && lastDay.isBefore(lastWorked)) {
                errors.reject("lastDay", "employment.error.end-before-timesheet", Dates.day(lastWorked, errors.locale()));
            }
        }
        errors.throwIfAny();
        jdbc.sql("UPDATE pa_employment SET ended_on = :last WHERE id = :id").param("last", lastDay).param("id", employmentId).update();
        audit.record(employment.councilId(), "pa_employment", employmentId, AuditAction.UPDATE, AuditTrail.values("endedOn", null),
                AuditTrail.values("endedOn", lastDay.toString()));
    }

    /**
     * Renewed (or corrected) employer's liability insurance, from today (or the start, if later):
     * the terms in force then, and every version that starts later (a pay rise already agreed),
     * again with the new policy, so the renewal holds on every day from now. Pay, hours and tax are
     * copied as they are. Throws every problem at once.
     */
    @Transactional
    public Employment renewInsurance(SignedInUser user, long employmentId, String insurer, String policyNumber, LocalDate expiresOn,
                                     FormErrors errors) {
        Employment employment = find(user, employmentId).orElseThrow(NotFound::new);
        employerSide(user, employment.citizenId());
        String newInsurer = errors.text("elInsurer", insurer, 200, true, "employment.label.insurer");
        String newPolicy = errors.text("elPolicyNumber", policyNumber, 100, true, "employment.label.policy");
        LocalDate today = today();
        if (expiresOn == null) {
            if (!errors.has("elExpiresOn")) {
                errors.reject("elExpiresOn", "date.error.required", errors.messages().getMessage("employment.label.policy-ends", null,
                        errors.locale()));
            }
        } else if (expiresOn.isBefore(today)) {
            errors.reject("elExpiresOn", "employment.error.insurance-expired");
        }
        errors.throwIfAny();
        LocalDate from = employment.startedOn().isAfter(today) ? employment.startedOn() : today;
        List<LocalDate> days = new java.util.ArrayList<>(List.of(from));
        days.addAll(jdbc.sql("SELECT DISTINCT effective_from FROM pa_employment_terms WHERE employment_id = :e AND effective_from > :from "
                + "ORDER BY effective_from").param("e", employmentId).param("from", from).query(LocalDate.class).list());
        for (LocalDate day : days) {
            EmploymentTerms t = termsOn(employmentId, day);
            insertTerms(user, employmentId, day, new EmploymentInput(null, null, null, null, day, t.hourlyRate(), t.hoursKind().name(),
                    t.contractedMinutesPerWeek(), t.payFrequency().name(), t.taxCode(), t.week1Month1(), t.starterDeclaration(),
                    t.pension().name(), newInsurer, newPolicy, expiresOn));
        }
        Employment after = find(employmentId).orElseThrow();
        audit.record(employment.councilId(), "pa_employment_terms", employmentId, AuditAction.UPDATE, employment.terms(), after.terms());
        return after;
    }

    private void insertTerms(SignedInUser user, long employmentId, LocalDate from, EmploymentInput in) {
        EmploymentTerms.HoursKind kind = parse(EmploymentTerms.HoursKind.class, in.hoursKind());
        jdbc.sql("""
                        INSERT INTO pa_employment_terms (employment_id, effective_from, hourly_rate_pence, hours_kind, contracted_minutes_per_week,
                            pay_frequency, tax_code, week1_month1, starter_declaration, pension, el_insurer, el_policy_number, el_expires_on,
                            created_by)
                        VALUES (:e, :from, :rate, :kind, :mins, :freq, :code, :w1, :starter, :pension, :insurer, :policy, :expires, :by)""")
                .param("e", employmentId).param("from", from).param("rate", in.hourlyRate().pence()).param("kind", kind.name())
                .param("mins", kind == EmploymentTerms.HoursKind.CONTRACTED ? in.contractedMinutesPerWeek() : null)
                .param("freq", parse(PayFrequency.class, in.payFrequency()).name())
                .param("code", TaxCode.parse(in.taxCode()).text()).param("w1", in.week1Month1())
                .param("starter", in.starterDeclaration() == null || in.starterDeclaration().isBlank() ? null : in.starterDeclaration())
                .param("pension", parse(EmploymentTerms.PensionChoice.class, in.pension()).name())
                .param("insurer", in.elInsurer().strip()).param("policy", in.elPolicyNumber().strip()).param("expires", in.elExpiresOn())
                .param("by", user.username()).update();
    }

    /** The person the employment is for, if this user may act as their employer: themself, someone acting for them, or DP team/practitioner of the council. */
    public Citizen employerSide(SignedInUser user, long citizenId) {
        Citizen citizen = citizens.find(user, citizenId).orElseThrow(NotFound::new);
        if (user.isStaff() && !(user.has(Role.DP_TEAM) || user.has(Role.PRACTITIONER))) {
            throw new AccessDeniedException("Only the employer, someone acting for them, or the direct payments team records employments");
        }
        if (!user.isStaff() && user.has(Role.PERSONAL_ASSISTANT) && !(user.has(Role.CITIZEN) || user.has(Role.REPRESENTATIVE))) {
            throw new AccessDeniedException("A PA cannot act as the employer");
        }
        return citizen;
    }

    /** Whether this user is on the employer's side of this person (not a PA, not staff other than the DP team and practitioners). */
    public boolean isEmployerSideOf(SignedInUser user, long citizenId) {
        try {
            employerSide(user, citizenId);
            return true;
        } catch (NotFound | AccessDeniedException e) {
            return false;
        }
    }

    /** Whether this user is on the employer's side of this employment (not the PA). */
    public boolean isEmployerSide(SignedInUser user, Employment employment) {
        try {
            employerSide(user, employment.citizenId());
            return true;
        } catch (NotFound | AccessDeniedException e) {
            return false;
        }
    }

    /** An employment this user may see: the employer's side, staff of the council, or the PA themself. */
    @Transactional(readOnly = true)
    public Optional<Employment> find(SignedInUser user, long id) {
        return find(id).filter(e -> (e.paUserId() != null && e.paUserId() == user.userId())
                || citizens.find(user, e.citizenId()).isPresent());
    }

    @Transactional(readOnly = true)
    public List<Employment> forCitizen(SignedInUser user, long citizenId) {
        citizens.find(user, citizenId).orElseThrow(NotFound::new);
        return jdbc.sql(SELECT + " WHERE e.citizen_id = :p ORDER BY e.started_on, e.id").param("p", citizenId).param("today", today())
                .query(Employments::row).list();
    }

    /** The employments of everyone this person is or acts for. */
    @Transactional(readOnly = true)
    public List<Employment> asEmployer(SignedInUser user) {
        return citizens.actingFor(user).stream().flatMap(c -> forCitizen(user, c.citizen().id()).stream()).toList();
    }

    /** A PA's own employments. */
    @Transactional(readOnly = true)
    public List<Employment> asPa(SignedInUser pa) {
        return jdbc.sql(SELECT + " WHERE e.pa_user_id = :u ORDER BY e.started_on, e.id").param("u", pa.userId()).param("today", today())
                .query(Employments::row).list();
    }

    /** The terms in force on a day (the newest version that had started by then; the first one before that). */
    @Transactional(readOnly = true)
    public EmploymentTerms termsOn(long employmentId, LocalDate day) {
        return jdbc.sql(TERMS + " WHERE t.employment_id = :e ORDER BY (t.effective_from <= :d) DESC, "
                        + "CASE WHEN t.effective_from <= :d THEN t.effective_from END DESC, t.effective_from, t.id DESC LIMIT 1")
                .param("e", employmentId).param("d", day).query((rs, n) -> terms(rs)).single();
    }

    Optional<Employment> find(long id) {
        return jdbc.sql(SELECT + " WHERE e.id = :id").param("id", id).param("today", today()).query(Employments::row).optional();
    }

    private static final String TERMS = """
            SELECT t.id, t.effective_from, t.hourly_rate_pence, t.hours_kind, t.contracted_minutes_per_week, t.pay_frequency, t.tax_code,
                   t.week1_month1, t.starter_declaration, t.pension, t.el_insurer, t.el_policy_number, t.el_expires_on
            FROM pa_employment_terms t""";

    private static final String SELECT = """
            SELECT e.id, e.council_id, e.citizen_id, c.given_name || ' ' || c.family_name AS employer_name, e.pa_user_id, e.pa_given_name,
                   e.pa_family_name, e.pa_date_of_birth, e.pa_email, e.started_on, e.ended_on, t.*
            FROM pa_employment e
            JOIN citizen c ON c.id = e.citizen_id
            JOIN LATERAL (SELECT t.id, t.effective_from, t.hourly_rate_pence, t.hours_kind, t.contracted_minutes_per_week, t.pay_frequency,
                                 t.tax_code, t.week1_month1, t.starter_declaration, t.pension, t.el_insurer, t.el_policy_number, t.el_expires_on
                          FROM pa_employment_terms t WHERE t.employment_id = e.id
                          ORDER BY (t.effective_from <= CAST(:today AS date)) DESC,
                                   CASE WHEN t.effective_from <= CAST(:today AS date) THEN t.effective_from END DESC, t.effective_from, t.id DESC
                          LIMIT 1) t ON true""";

    private static Employment row(ResultSet rs, int n) throws SQLException {
        long paUser = rs.getLong("pa_user_id");
        Long paUserId = rs.wasNull() ? null : paUser;
        return new Employment(rs.getLong(1), rs.getLong("council_id"), rs.getLong("citizen_id"), rs.getString("employer_name"), paUserId,
                rs.getString("pa_given_name"), rs.getString("pa_family_name"), rs.getObject("pa_date_of_birth", LocalDate.class),
                rs.getString("pa_email"), rs.getObject("started_on", LocalDate.class), rs.getObject("ended_on", LocalDate.class), terms(rs));
    }

    private static EmploymentTerms terms(ResultSet rs) throws SQLException {
        int minutes = rs.getInt("contracted_minutes_per_week");
        Integer contracted = rs.wasNull() ? null : minutes;
        return new EmploymentTerms(rs.getLong("id"), rs.getObject("effective_from", LocalDate.class), Money.ofPence(rs.getLong("hourly_rate_pence")),
                EmploymentTerms.HoursKind.valueOf(rs.getString("hours_kind")), contracted, PayFrequency.valueOf(rs.getString("pay_frequency")),
                rs.getString("tax_code"), rs.getBoolean("week1_month1"), rs.getString("starter_declaration"),
                EmploymentTerms.PensionChoice.valueOf(rs.getString("pension")), rs.getString("el_insurer"), rs.getString("el_policy_number"),
                rs.getObject("el_expires_on", LocalDate.class));
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
