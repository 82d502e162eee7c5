package org.dphub.plans;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.dphub.councils.Councils;
import org.dphub.councils.PaymentFrequency;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.plans.internal.DirectPaymentRepository;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.web.Conflict;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Moving to adult support at 18 (issue 18). A child's direct payment (Children Act 1989 s17A; SSWBA
 * 2014 s51) stops when the child becomes an adult; their support then comes under the Care Act 2014
 * s31-32 (SSWBA s50) as an adult's own plan and payment. The DP team sees each child whose 18th
 * birthday is within the council's notice period ({@code transition_notice_days}, default 90), and a
 * practitioner sets up the adult's plan (a copy of the child's, to be reviewed) and direct payment in
 * one step. No gap and nothing twice: payments are made in advance for each period, so the child's
 * payment ends, and the adult's starts, on the child's first payment date on or after the birthday —
 * the child's last payment, made before the birthday, covers the days up to then.
 */
@Service
public class TransitionToAdulthood {

    private final DirectPaymentRepository repository;
    private final DirectPayments directPayments;
    private final CarePlans plans;
    private final Citizens citizens;
    private final Councils councils;
    private final Clock clock;

    TransitionToAdulthood(DirectPaymentRepository repository, DirectPayments directPayments, CarePlans plans,
                          Citizens citizens, Councils councils, Clock clock) {
        this.repository = repository;
        this.directPayments = directPayments;
        this.plans = plans;
        this.citizens = citizens;
        this.councils = councils;
        this.clock = clock;
    }

    /** A child's payment whose child turns 18 soon (or has), and the adult's payment that continues it, once set up. */
    public record MovingToAdultSupport(DirectPayment childPayment, Citizen person, LocalDate eighteenthBirthday,
                                       LocalDate adultStart, Optional<DirectPayment> adultPayment) {
    }

    /** What the practitioner chooses for the adult's payment; nulls keep the defaults. */
    public record AdultPaymentChoice(Boolean hasCapacity, Long representativeId, AccountType accountType) {
    }

    /** The child's payment (now ended from {@code adultStart}), the adult's new plan and payment; {@code created} false when it was already done. */
    public record Continued(DirectPayment childPayment, CarePlans.Plan adultPlan, DirectPayment adultPayment, boolean created) {
    }

    /** The day the adult's payment starts: the child's first payment date on or after the 18th birthday. */
    public static LocalDate adultStart(LocalDate childPaymentStart, PaymentFrequency frequency, LocalDate eighteenthBirthday) {
        LocalDate due = childPaymentStart;
        for (int period = 1; due.isBefore(eighteenthBirthday); period++) {
            due = switch (frequency) {
                case WEEKLY -> childPaymentStart.plusWeeks(period);
                case FOUR_WEEKLY -> childPaymentStart.plusWeeks(4L * period);
                case MONTHLY -> childPaymentStart.plusMonths(period);
            };
        }
        return due;
    }

    /** The council's children's payments whose child turns 18 within its notice period, soonest first. Council staff only. */
    @Transactional(readOnly = true)
    public List<MovingToAdultSupport> dueSoon(SignedInUser staff) {
        if (!staff.isStaff() || staff.councilId() == null) {
            return List.of();
        }
        LocalDate by = LocalDate.now(clock).plusDays(councils.transitionNoticeDays(staff.councilId()));
        List<MovingToAdultSupport> due = new ArrayList<>();
        for (DirectPayment dp : repository.liveChildPayments(staff.councilId())) {
            Citizen person = citizens.find(staff, dp.citizenId()).orElse(null);
            if (person == null) {
                continue;
            }
            LocalDate birthday = person.dateOfBirth().plusYears(18);
            if (!birthday.isAfter(by)) {
                due.add(moving(staff, dp, person));
            }
        }
        due.sort(Comparator.comparing(MovingToAdultSupport::eighteenthBirthday));
        return due;
    }

    /**
     * How many of the council's children turn 18 within its notice period (or have) with no adult's
     * payment set up yet: what the home page prompts practitioners and the DP team about. Council staff only.
     */
    @Transactional(readOnly = true)
    public long stillToSetUp(SignedInUser staff) {
        if (!staff.isStaff() || staff.councilId() == null) {
            return 0;
        }
        LocalDate by = LocalDate.now(clock).plusDays(councils.transitionNoticeDays(staff.councilId()));
        long count = 0;
        for (DirectPayment dp : repository.liveChildPayments(staff.councilId())) {
            Optional<Citizen> person = citizens.find(staff, dp.citizenId());
            if (person.isPresent() && !person.get().dateOfBirth().plusYears(18).isAfter(by) && repository.continuationOf(dp.id()).isEmpty()) {
                count++;
            }
        }
        return count;
    }

    private MovingToAdultSupport moving(SignedInUser user, DirectPayment dp, Citizen person) {
        LocalDate birthday = person.dateOfBirth().plusYears(18);
        CarePlans.Plan plan = plans.find(user, dp.planId()).orElseThrow();
        PaymentFrequency frequency = CarePlans.inForce(plan.versions(), dp.startDate()).paymentFrequency();
        return new MovingToAdultSupport(dp, person, birthday, adultStart(dp.startDate(), frequency, birthday),
                repository.continuationOf(dp.id()));
    }

    /**
     * Sets up the adult's own plan and direct payment, starting the day the child's payment ends, and
     * ends the child's payment from that day. Doing it again changes nothing and returns what was made.
     * Refused (409) for a payment that is not a child's, or one not yet agreed or already ended.
     */
    @Transactional
    public Continued continueAsAdult(SignedInUser practitioner, long childPaymentId, AdultPaymentChoice choice, FormErrors errors) {
        DirectPayments.Details details = directPayments.find(practitioner, childPaymentId).orElseThrow(NotFound::new);
        DirectPayment child = details.directPayment();
        if (!practitioner.isStaffOf(child.councilId()) || !practitioner.has(Role.PRACTITIONER)) {
            throw new org.springframework.security.access.AccessDeniedException("Only a practitioner may set up adult support");
        }
        if (child.recipientKind() != RecipientKind.CHILD) {
            throw new Conflict("This is not a child's direct payment");
        }
        Optional<DirectPayment> done = repository.continuationOf(child.id());
        if (done.isPresent()) {
            return new Continued(repository.find(child.id()).orElseThrow(), plans.find(practitioner, done.get().planId()).orElseThrow(),
                    done.get(), false);
        }
        if (child.status() != DirectPaymentStatus.ACTIVE && child.status() != DirectPaymentStatus.SUSPENDED) {
            throw new Conflict("This child's direct payment is " + child.status()
                    + ": only an agreed payment that has not ended moves to adult support");
        }
        MovingToAdultSupport moving = moving(practitioner, child, details.citizen());
        LocalDate start = moving.adultStart();
        PlanVersion last = CarePlans.inForce(details.plan().versions(), start.minusDays(1));
        NewPlanVersion adultPlan = new NewPlanVersion(start, null, last.eligibleNeeds(), last.howNeedsMet(),
                last.paymentFrequency(), last.weeklyContribution(), last.contingencyPlan(),
                "Moving to adult support at 18 (from the child's plan " + details.plan().id() + ")", last.outcomes(),
                last.budgetLines(), last.outcomeTerms());
        CarePlans.Plan plan = plans.create(practitioner, child.citizenId(), adultPlan);
        LocalDate today = LocalDate.now(clock);
        DirectPaymentRequest request = new DirectPaymentRequest(plan.id(),
                choice.hasCapacity() == null || choice.hasCapacity(), choice.representativeId(), false, List.of(), null,
                choice.accountType() == null ? child.accountType() : choice.accountType(),
                start.isBefore(today) ? start : today, start, RecipientKind.ADULT);
        DirectPayment adult = directPayments.request(practitioner, child.citizenId(), request, errors, child.id());
        directPayments.changeStatus(practitioner, child.id(), DirectPaymentTransitions.Event.ENDED, start,
                "Turned 18 on " + moving.eighteenthBirthday() + ": continues as the adult's direct payment " + adult.id());
        return new Continued(repository.find(child.id()).orElseThrow(), plan, adult, true);
    }
}
