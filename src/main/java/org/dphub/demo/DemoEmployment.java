package org.dphub.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dphub.employment.Employment;
import org.dphub.employment.EmploymentInput;
import org.dphub.employment.Employments;
import org.dphub.employment.MinimumWagePolicy;
import org.dphub.employment.PayFrequency;
import org.dphub.employment.PayPeriod;
import org.dphub.employment.PayrollApproved;
import org.dphub.employment.PayrollCalculator;
import org.dphub.employment.PayrollRun;
import org.dphub.employment.PayrollRuns;
import org.dphub.employment.Timesheets;
import org.dphub.people.Citizen;
import org.dphub.plans.CarePlans;
import org.dphub.plans.PlanVersion;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo citizen employs the demo PA they hired, through the employment module's public face:
 * the employment from the hire's start, monthly timesheets (sent by the PA, approved by the
 * citizen) paid by last month's payroll run, approved, with payslips; and this month's timesheet
 * sent and waiting for the citizen to approve it.
 *
 * <p>A payroll run works in a temporary table dropped at commit, so it cannot run twice in one
 * transaction: the runs are made after the rest of the demo commits, one transaction each
 * ({@link #pay}). Approving one sends {@link PayrollApproved}, and the payments module posts the
 * spending after that commits; {@link #awaitSpending} waits for it, so the demo's money is whole
 * before anyone signs in.
 */
@Component
class DemoEmployment {

    /** What is left to do once the demo has committed: the demo citizen's payroll for a period. */
    record Payroll(SignedInUser employer, long citizenId, PayPeriod period, Locale locale) {
    }

    private static final Logger log = LoggerFactory.getLogger(DemoEmployment.class);
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final Employments employments;
    private final Timesheets timesheets;
    private final PayrollRuns payrollRuns;
    private final PayrollCalculator calculator;
    private final CarePlans plans;
    private final MessageSource messages;
    private final TransactionTemplate transaction;
    private final ObjectProvider<CompletedEventPublications> publications;
    private final Clock clock;

    DemoEmployment(Employments employments, Timesheets timesheets, PayrollRuns payrollRuns, PayrollCalculator calculator,
                   CarePlans plans, MessageSource messages, TransactionTemplate transaction,
                   ObjectProvider<CompletedEventPublications> publications, Clock clock) {
        this.employments = employments;
        this.timesheets = timesheets;
        this.payrollRuns = payrollRuns;
        this.calculator = calculator;
        this.plans = plans;
        this.messages = messages;
        this.transaction = transaction;
        this.publications = publications;
        this.clock = clock;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(UK));
    }

    /** The monthly pay period that holds the day. */
    private static PayPeriod monthHolding(LocalDate day) {
        String taxYear = MinimumWagePolicy.taxYearOf(day);
        for (int p = 1; p <= PayFrequency.MONTHLY.ordinaryPeriods(); p++) {
            PayPeriod period = PayPeriod.of(taxYear, PayFrequency.MONTHLY, p);
            if (!day.isAfter(period.end())) {
                return period;
            }
        }
        throw new IllegalStateException("No tax month holds " + day);
    }

    /** The PA started at the start of last month's pay period (or when the person's plan started, if later). */
    LocalDate startFor(SignedInUser practitioner, Citizen person) {
        LocalDate lastMonth = monthHolding(monthHolding(today()).start().minusDays(1)).start();
        LocalDate planStart = plans.plansOf(practitioner, person.id()).stream().findFirst()
                .map(p -> p.versions().stream().map(PlanVersion::startDate).min(LocalDate::compareTo).orElse(lastMonth))
                .orElse(lastMonth);
        return planStart.isAfter(lastMonth) ? planStart : lastMonth;
    }

    /**
     * The employment and its timesheets. The PA works on Tuesday mornings and Saturday
     * afternoons; last month's two timesheets are approved, this month's is waiting. Returns the
     * payroll to run once this has committed.
     */
    Payroll employ(SignedInUser citizen, SignedInUser pa, Citizen person, String paGiven, String paFamily,
                   DemoMarketplace.Hired hired, boolean wales) {
        Locale locale = Locale.forLanguageTag(person.preferredLanguage());
        LocalDate today = today();
        LocalDate start = hired.startDate();
        Employment employment = employments.create(citizen, person.id(), new EmploymentInput(paGiven, paFamily,
                        wales ? LocalDate.of(1991, 7, 22) : LocalDate.of(1988, 3, 14), pa.username(), start, hired.hourlyRate(),
                        "IRREGULAR", null, "MONTHLY", wales ? "C1257L" : "1257L", false, null, "ASSESS", "Care Employers Mutual",
                        wales ? "EL-CY-204518" : "EL-204517", start.plusYears(1).isAfter(today) ? start.plusYears(1) : today.plusMonths(9)),
                new FormErrors(messages, locale));
        PayPeriod thisMonth = monthHolding(today);
        PayPeriod lastMonth = monthHolding(thisMonth.start().minusDays(1));
        // last month, in two timesheets, approved
        if (!start.isAfter(lastMonth.end())) {
            LocalDate middle = lastMonth.start().plusDays(14);
            for (List<Timesheets.DayInput> days : List.of(workDays(start, middle.minusDays(1), wales),
                    workDays(start.isAfter(middle) ? start : middle, lastMonth.end(), wales))) {
                if (!days.isEmpty()) {
                    Timesheets.Timesheet sheet = timesheets.submit(pa, employment.id(), days, locale);
                    timesheets.decide(citizen, sheet.id(), Timesheets.Status.APPROVED, null, locale);
                }
            }
        }
        // this month so far: sent, waiting for the citizen
        LocalDate from = start.isAfter(thisMonth.start()) ? start : thisMonth.start();
        List<Timesheets.DayInput> sofar = workDays(from, today.minusDays(1), wales);
        timesheets.submit(pa, employment.id(), sofar.isEmpty() ? List.of(new Timesheets.DayInput(today, "3", "")) : sofar, locale);
        return new Payroll(citizen, person.id(), lastMonth, locale);
    }

    private static List<Timesheets.DayInput> workDays(LocalDate from, LocalDate to, boolean wales) {
        List<Timesheets.DayInput> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (day.getDayOfWeek() == DayOfWeek.TUESDAY) {
                days.add(new Timesheets.DayInput(day, "3.5", wales ? "Siopa a chinio yn y dref" : "Shopping and lunch in town"));
            } else if (day.getDayOfWeek() == DayOfWeek.SATURDAY) {
                days.add(new Timesheets.DayInput(day, "3", wales ? "Mynd am dro ar lan yr afon" : "A walk by the river"));
            }
        }
        return days;
    }

    /** Last month's payroll, run and approved by the demo citizen, in a transaction of its own; the run's id, or empty when left out. */
    Optional<Long> pay(Payroll payroll) {
        PayPeriod period = payroll.period();
        if (!calculator.taxYears().has(period.taxYear())) {
            log.warn("Demo payroll left out: there are no tax tables for {}", period.taxYear());
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(transaction.execute(status -> {
                PayrollRuns.Started started = payrollRuns.run(payroll.employer(), payroll.citizenId(), period.taxYear(),
                        period.frequency(), period.period(), payroll.locale());
                if (started.run().status() == PayrollRun.Status.AWAITING_APPROVAL) {
                    payrollRuns.approve(payroll.employer(), started.run().id(), payroll.locale());
                }
                return started.run().id();
            }));
        } catch (RuntimeException e) {
            // the employment before it was paid: the demo still works, the payroll page offers the period
            log.warn("Demo payroll for {} period {} not run: {}", period.taxYear(), period.period(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Waits (up to 30 seconds) until the payments module has posted these approved payroll runs' spending. */
    void awaitSpending(List<Long> runIds) {
        CompletedEventPublications completed = publications.getIfAvailable();
        if (completed == null || runIds.isEmpty()) {
            return;
        }
        long until = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < until) {
            java.util.Set<Long> done = new java.util.HashSet<>();
            completed.findAll().forEach(p -> {
                if (p.getEvent() instanceof PayrollApproved approved) {
                    done.add(approved.runId());
                }
            });
            if (done.containsAll(runIds)) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        log.warn("The demo payroll's spending is not in the ledger yet; it will be when the event is delivered");
    }
}
