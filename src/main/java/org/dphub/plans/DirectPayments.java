package org.dphub.plans;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.councils.Council;
import org.dphub.councils.CouncilSettings;
import org.dphub.councils.Councils;
import org.dphub.identity.UserAccounts;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.people.HouseholdMember;
import org.dphub.people.Representative;
import org.dphub.plans.internal.DirectPaymentRepository;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.Reads;
import org.dphub.web.Conflict;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.dphub.web.RuleRefusal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The plans module's public face for direct payments: request, rules, agreement, reviews. */
@Service
public class DirectPayments {

    private final DirectPaymentRepository repository;
    private final CarePlans plans;
    private final Citizens citizens;
    private final Councils councils;
    private final UserAccounts accounts;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;

    DirectPayments(DirectPaymentRepository repository, CarePlans plans, Citizens citizens, Councils councils,
                   UserAccounts accounts, AuditTrail audit, ApplicationEventPublisher events, MessageSource messages,
                   Clock clock) {
        this.repository = repository;
        this.plans = plans;
        this.citizens = citizens;
        this.councils = councils;
        this.accounts = accounts;
        this.audit = audit;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    /** A direct payment with what people need to see about it. */
    public record Details(DirectPayment directPayment, Citizen citizen, CarePlans.Plan plan, LocalDate nextReviewDue,
                          boolean reviewOverdue, long daysSinceRequest, int targetDaysToMoney, List<Review> reviews,
                          Optional<NecessityDecision> necessityDecision,
                          Optional<Representative> representative) {
    }

    /**
     * Checks every rule, then records the request and its necessity decision, or refuses with the
     * first rule broken (nothing saved). Field problems go into {@code errors} first.
     */
    @Transactional
    public DirectPayment request(SignedInUser practitioner, long citizenId, DirectPaymentRequest request, FormErrors errors) {
        return request(practitioner, citizenId, request, errors, null);
    }

    /** The same; {@code continues} names the child's payment an adult's continues at 18 ({@link TransitionToAdulthood}). */
    DirectPayment request(SignedInUser practitioner, long citizenId, DirectPaymentRequest request, FormErrors errors,
                          Long continues) {
        Citizen citizen = citizens.findForPractitioner(practitioner, citizenId).orElseThrow(NotFound::new);
        Council council = councils.findById(citizen.councilId()).orElseThrow();
        Optional<CarePlans.Plan> plan = plans.find(practitioner, request.planId()).filter(p -> p.citizenId() == citizenId);
        if (plan.isEmpty()) {
            errors.reject("planId", "dp.error.plan");
        }
        // only someone who still acts for the person can be named
        List<Representative> representatives = citizens.representatives(practitioner, citizenId).stream()
                .filter(Representative::current).toList();
        Representative representative = null;
        if (request.representativeId() != null) {
            representative = representatives.stream().filter(r -> r.id() == request.representativeId()).findFirst().orElse(null);
            if (representative == null) {
                errors.reject("representativeId", "dp.error.representative");
            }
        }
        // held as they are until this payment is written: a correction of one (their home, how they are related) waits,
        // then finds this payment and checks the rules again
        List<HouseholdMember> household = citizens.holdHouseholdMembers(citizen.councilId(), citizenId, request.paysHouseholdMemberIds());
        List<HouseholdMember> payees = new ArrayList<>();
        for (Long id : request.paysHouseholdMemberIds()) {
            household.stream().filter(m -> m.id() == id).findFirst().ifPresentOrElse(payees::add,
                    () -> errors.reject("paysHouseholdMemberIds", "dp.error.household"));
        }
        String reason = request.necessityReason() == null ? "" : request.necessityReason();
        reason = errors.text("necessityReason", reason, 5000, false, "dp.label.necessityReason");
        LocalDate today = LocalDate.now(clock);
        if (request.requestedOn() != null && request.requestedOn().isAfter(today)) {
            errors.reject("requestedOn", "dp.error.requestedOn.future");
        }
        if (request.requestedOn() != null && request.startDate() != null && request.startDate().isBefore(request.requestedOn())) {
            errors.reject("startDate", "dp.error.startDate.before-request");
        }
        if (request.accountType() == null) {
            errors.reject("accountType", "dp.error.accountType");
        }
        RecipientKind kind = plan.map(CarePlans.Plan::recipientKind).orElse(RecipientKind.ADULT);
        if (request.recipientKind() != null && plan.isPresent() && request.recipientKind() != kind) {
            errors.reject("recipientKind", "dp.error.recipientKind.plan");
        }
        errors.throwIfAny();

        for (RuleCheck check : rulesFor(kind, council, citizen, request, representative, payees, reason)) {
            if (!check.allowed()) {
                throw refusal(check.rule(), errors.locale());
            }
        }

        if (representative != null && !citizens.holdCurrentRepresentative(citizen.councilId(), representative.id())) {
            // recorded as no longer acting a moment ago
            errors.reject("representativeId", "dp.error.representative");
            errors.throwIfAny();
        }
        long id = repository.insert(citizen.councilId(), citizenId, request, practitioner.username(), kind,
                continues);
        if (FamilyMemberPaymentPolicy.needsDecision(council.nation(), payees)) {
            // regulation 3: the council's decision that it is necessary, who made it, why and when
            repository.insertNecessityDecision(citizen.councilId(), id, practitioner.username(), reason, today);
        }
        DirectPayment created = repository.find(id).orElseThrow();
        audit.record(citizen.councilId(), "direct_payment", id, AuditAction.CREATE, null, AuditTrail.values(
                "citizenId", citizenId, "planId", request.planId(), "status", created.status().name(),
                "hasCapacity", request.hasCapacity(), "representativeId", request.representativeId(),
                "accountType", request.accountType().name(), "requestedOn", request.requestedOn().toString(),
                "startDate", request.startDate().toString(), "paysHouseholdMemberIds", request.paysHouseholdMemberIds(),
                "necessityDecision", reason.isEmpty() ? null : reason, "recipientKind", kind.name()));
        return created;
    }

    /**
     * The rules for who the payment is for. An adult or a carer: capacity (s32), excluded persons,
     * family in the household, and for a carer {@link CarerPaymentPolicy}. A child: under 18 and held by
     * someone with parental responsibility or the young person aged 16-17 ({@link ChildPaymentPolicy});
     * excluded persons and family rules as well.
     */
    private static List<RuleCheck> rulesFor(RecipientKind kind, Council council, Citizen citizen, DirectPaymentRequest request,
                                            Representative representative, List<HouseholdMember> payees, String reason) {
        List<RuleCheck> checks = new ArrayList<>();
        if (kind == RecipientKind.CHILD) {
            checks.add(ChildPaymentPolicy.checkAge(citizen.dateOfBirth(), request.startDate()));
            checks.add(ChildPaymentPolicy.checkHolder(citizen.dateOfBirth(), request.startDate(), request.hasCapacity(),
                    representative));
        } else {
            if (kind == RecipientKind.CARER) {
                checks.add(CarerPaymentPolicy.check(council.nation(), citizen.dateOfBirth(), request.startDate()));
            }
            checks.add(CapacityPolicy.check(request.hasCapacity(), representative));
        }
        checks.add(ExcludedPersonPolicy.check(request.excludedPerson()));
        checks.add(FamilyMemberPaymentPolicy.check(council.nation(), payees, reason));
        return checks;
    }

    /** The refusal, in plain words: which rule, and what would allow it. */
    public RuleRefusal refusal(DirectPaymentRule rule, Locale locale) {
        return new RuleRefusal(rule.name(), messages.getMessage(rule.messageKey(), null, locale),
                messages.getMessage(rule.allowKey(), null, locale));
    }

    @Transactional(readOnly = true)
    public Optional<Details> find(SignedInUser user, long id) {
        return repository.find(id)
                .flatMap(dp -> citizens.find(user, dp.citizenId()).map(c -> details(user, dp, c)));
    }

    @Transactional(readOnly = true)
    public List<Details> forCitizen(SignedInUser user, long citizenId) {
        Citizen citizen = citizens.find(user, citizenId).orElseThrow(NotFound::new);
        return repository.forCitizen(citizen.councilId(), citizenId).stream().map(dp -> details(user, dp, citizen)).toList();
    }

    /**
     * Who may agree online: the person themself or someone recorded as acting for them — but when
     * the person lacks capacity, only the authorised (Wales: suitable) person named on the direct
     * payment, who receives it for them (Care Act 2014 s32). Staff record a signed paper copy instead.
     */
    public boolean mayAgreeOnline(SignedInUser user, Details details) {
        return mayAgreeOnline(user, details.directPayment(), details::representative);
    }

    private boolean mayAgreeOnline(SignedInUser user, DirectPayment dp, java.util.function.Supplier<Optional<Representative>> representative) {
        Optional<org.dphub.identity.CitizenRelationship> relationship = accounts.relationshipTo(user.userId(), dp.citizenId());
        if (relationship.isEmpty()) {
            return false;
        }
        if (dp.recipientKind() == RecipientKind.CHILD && dp.representativeId() != null) {
            // Children Act 1989 s17A(2)(a): the person with parental responsibility holds and agrees
            return representative.get().map(r -> r.userId() != null && r.userId() == user.userId()).orElse(false);
        }
        if (dp.hasCapacity()) {
            return true;
        }
        return representative.get().map(r -> r.userId() != null && r.userId() == user.userId()).orElse(false);
    }

    /**
     * A person's direct payments as the home page shows them (issue 17, bin/bench load): each with its
     * next review and whether this user may agree to it online, without reading its plan, reviews'
     * details or necessity decision as {@link #forCitizen} does.
     */
    public record AtAGlance(DirectPayment directPayment, LocalDate nextReviewDue, boolean reviewOverdue, boolean mayAgreeOnline) {
    }

    @Transactional(readOnly = true)
    public List<AtAGlance> atAGlance(SignedInUser user, long citizenId) {
        Citizen citizen = citizens.find(user, citizenId).orElseThrow(NotFound::new);
        LocalDate today = LocalDate.now(clock);
        return repository.forCitizen(citizen.councilId(), citizenId).stream().map(dp -> {
            NextReview next = nextReview(dp, repository.reviews(dp.id()), today);
            boolean mayAgree = dp.awaitingAgreement() && mayAgreeOnline(user, dp, () -> representative(user, dp));
            return new AtAGlance(dp, next.due(), next.overdue(), mayAgree);
        }).toList();
    }

    /**
     * What the home page will read here for a person ({@link #atAGlance}: their direct payments, then
     * each one's reviews), to send with the other modules' reads; who may see them is checked as
     * {@code atAGlance} reads them.
     */
    public void readAhead(long councilId, long citizenId, Reads.Together reads) {
        reads.add(repository.forCitizenRead(councilId, citizenId), found -> found.forEach(dp -> reads.add(repository.reviewsRead(dp.id()))));
    }

    /** The citizen or their representative agrees online; nothing is paid until then. Idempotent. */
    @Transactional
    public Details acceptOnline(SignedInUser user, long id) {
        Details details = find(user, id).orElseThrow(NotFound::new);
        if (!mayAgreeOnline(user, details)) {
            throw new org.springframework.security.access.AccessDeniedException(details.directPayment().hasCapacity()
                    ? "Only the person or their representative can agree online"
                    : "The person lacks capacity: their authorised person agrees for them");
        }
        return agree(user, details, "ONLINE", null);
    }

    /** A practitioner records a signed paper copy of the agreement. Idempotent. */
    @Transactional
    public Details recordPaperAgreement(SignedInUser practitioner, long id, LocalDate signedOn) {
        Details details = find(practitioner, id).orElseThrow(NotFound::new);
        if (!practitioner.isStaffOf(details.directPayment().councilId()) || !practitioner.has(Role.PRACTITIONER)) {
            throw new org.springframework.security.access.AccessDeniedException("Only a practitioner may record a paper agreement");
        }
        return agree(practitioner, details, "PAPER", signedOn);
    }

    private Details agree(SignedInUser user, Details details, String method, LocalDate paperSignedOn) {
        DirectPayment dp = details.directPayment();
        if (dp.status() != DirectPaymentStatus.AWAITING_AGREEMENT) {
            if (dp.agreedAt() != null) {
                return details; // already agreed: the same answer again
            }
            throw new Conflict("This direct payment is " + dp.status() + " and cannot be agreed");
        }
        DirectPaymentStatus next = DirectPaymentTransitions.next(dp.status(), DirectPaymentTransitions.Event.AGREEMENT_ACCEPTED)
                .orElseThrow();
        Instant now = Instant.now(clock);
        if (!repository.agree(dp.id(), dp.status(), next, now, user.username(), method, paperSignedOn)) {
            return find(user, dp.id()).orElseThrow(); // someone agreed a moment before
        }
        audit.record(dp.councilId(), "direct_payment", dp.id(), AuditAction.UPDATE,
                AuditTrail.values("status", dp.status().name()),
                AuditTrail.values("status", next.name(), "agreedBy", user.username(), "agreementMethod", method,
                        "paperSignedOn", paperSignedOn == null ? null : paperSignedOn.toString()));
        PlanVersion version = CarePlans.inForce(details.plan().versions(), dp.startDate());
        // issue 18: the parts held by individual service fund providers are paid to them, the rest to the person
        BudgetCalculation.Split split = BudgetCalculation.split(version.budgetLines(), BudgetCalculation.of(version.budgetLines(),
                version.paymentFrequency(), version.weeklyContribution(), councils.settings(dp.councilId()).settings().contributionBasis()),
                version.paymentFrequency());
        events.publishEvent(new DirectPaymentActivated(dp.id(), dp.councilId(), dp.citizenId(), dp.planId(),
                dp.accountType(), dp.startDate(), version.paymentFrequency(), split.personRegular().pence(),
                split.personWeekly().pence(), paperSignedOn != null ? paperSignedOn : LocalDate.now(clock), split.serviceFunds()));
        // plan changes made while waiting for agreement that start later (or end later) move the payments too
        for (PlanVersion later : details.plan().versions()) {
            if (later.startDate().isAfter(dp.startDate())
                    || (later.endDate() != null && !later.endDate().isBefore(dp.startDate()))) {
                plans.movePayments(details.plan(), later);
            }
        }
        return find(user, dp.id()).orElseThrow();
    }

    /**
     * A practitioner suspends, resumes or ends a direct payment from a date, with a reason (an end
     * may be a death), or withdraws one still waiting for agreement (set up wrongly, or made to a
     * representative who no longer acts; it never had an account, and counts in no figure). Only the
     * moves in {@link DirectPaymentTransitions} are allowed; the payments module stops, restarts or
     * closes the account's payments in the same transaction.
     */
    @Transactional
    public Details changeStatus(SignedInUser practitioner, long id, DirectPaymentTransitions.Event event, LocalDate asked,
                                String reason) {
        // a withdrawal has no date of its own: it happens today, before anything was paid
        LocalDate effectiveOn = event == DirectPaymentTransitions.Event.WITHDRAWN ? LocalDate.now(clock) : asked;
        Details details = find(practitioner, id).orElseThrow(NotFound::new);
        DirectPayment dp = details.directPayment();
        if (!practitioner.isStaffOf(dp.councilId()) || !practitioner.has(Role.PRACTITIONER)) {
            throw new org.springframework.security.access.AccessDeniedException("Only a practitioner may change a direct payment");
        }
        if (event == DirectPaymentTransitions.Event.AGREEMENT_ACCEPTED) {
            throw new IllegalArgumentException("Not a change a practitioner makes: " + event);
        }
        DirectPaymentStatus next = DirectPaymentTransitions.next(dp.status(), event).orElseThrow(() -> new Conflict(
                "This direct payment is " + dp.status() + ", so it cannot be " + event.name().toLowerCase(Locale.ROOT)));
        LocalDate today = LocalDate.now(clock);
        if (effectiveOn.isAfter(today.plusYears(1)) || effectiveOn.isBefore(today.minusYears(1))) {
            throw new org.dphub.web.ValidationProblem(List.of(new org.dphub.web.FormError("effectiveOn",
                    "Enter a date within a year of today")));
        }
        boolean moved = event == DirectPaymentTransitions.Event.WITHDRAWN ? repository.withdraw(id)
                : repository.transition(id, dp.status(), next);
        if (!moved) {
            throw new Conflict("Someone changed this direct payment a moment ago. Look at it again.");
        }
        repository.insertStatusChange(dp.councilId(), id, event.name(), dp.status(), next, effectiveOn, reason,
                practitioner.username());
        audit.record(dp.councilId(), "direct_payment", id, AuditAction.UPDATE, AuditTrail.values("status", dp.status().name()),
                AuditTrail.values("status", next.name(), "event", event.name(), "effectiveOn", effectiveOn.toString(),
                        "reason", reason));
        if (event == DirectPaymentTransitions.Event.WITHDRAWN) {
            // never agreed: no account was opened, so there are no payments to stop
            return find(practitioner, id).orElseThrow();
        }
        BudgetCalculation.Budget budget = CarePlans.budgetFor(details.plan().versions(), effectiveOn, dp.startDate(),
                councils.settings(dp.councilId()).settings().contributionBasis());
        BudgetCalculation.Split split = CarePlans.splitFor(details.plan().versions(), effectiveOn, dp.startDate(), budget);
        events.publishEvent(new DirectPaymentStatusChanged(id, dp.councilId(), event, effectiveOn, reason,
                split.personRegular().pence(), split.personWeekly().pence(), split.serviceFunds()));
        return find(practitioner, id).orElseThrow();
    }

    /**
     * The first payment reached the person: the time-to-money clock stops. Recorded once; later
     * calls change nothing. Called by the payments module when a run first pays the account.
     */
    @Transactional
    public boolean recordFirstPayment(long directPaymentId, LocalDate paidOn) {
        DirectPayment dp = repository.find(directPaymentId).orElseThrow(NotFound::new);
        if (!repository.recordFirstPayment(directPaymentId, paidOn)) {
            return false;
        }
        audit.record(dp.councilId(), "direct_payment", directPaymentId, AuditAction.UPDATE,
                AuditTrail.values("firstPaymentDate", null), AuditTrail.values("firstPaymentDate", paidOn.toString()));
        return true;
    }

    /**
     * The same for every direct payment a payment run paid for the first time, in two statements
     * however many there are. Returns how many clocks stopped.
     */
    @Transactional
    public int recordFirstPayments(long[] directPaymentIds, LocalDate paidOn) {
        List<long[]> changed = repository.recordFirstPayments(directPaymentIds, paidOn);
        audit.recordSame(changed.stream().mapToLong(c -> c[1]).toArray(), "direct_payment",
                changed.stream().mapToLong(c -> c[0]).toArray(), AuditAction.UPDATE,
                AuditTrail.values("firstPaymentDate", null), AuditTrail.values("firstPaymentDate", paidOn.toString()));
        return changed.size();
    }

    /** A practitioner records a review: what is working and not working; it sets the next due date. */
    @Transactional
    public Review recordReview(SignedInUser practitioner, long id, ReviewReason reason, LocalDate reviewedOn,
                               String working, String notWorking, boolean planToChange) {
        Details details = find(practitioner, id).orElseThrow(NotFound::new);
        DirectPayment dp = details.directPayment();
        if (!practitioner.isStaffOf(dp.councilId()) || !practitioner.has(Role.PRACTITIONER)) {
            throw new org.springframework.security.access.AccessDeniedException("Only a practitioner may record a review");
        }
        long reviewId = repository.insertReview(dp.councilId(), id, reason, reviewedOn, working, notWorking, planToChange,
                practitioner.username());
        audit.record(dp.councilId(), "review", reviewId, AuditAction.CREATE, null, AuditTrail.values(
                "directPaymentId", id, "reason", reason.name(), "reviewedOn", reviewedOn.toString(),
                "working", working, "notWorking", notWorking, "planToChange", planToChange));
        return repository.reviews(id).stream().filter(r -> r.id() == reviewId).findFirst().orElseThrow();
    }

    /** Active direct payments of the practitioner's council by next review date: overdue first. */
    @Transactional(readOnly = true)
    public List<Details> reviewsDue(SignedInUser staff) {
        if (!staff.isStaff()) {
            return List.of();
        }
        return repository.activeInCouncil(staff.councilId()).stream()
                .map(dp -> details(staff, dp, citizens.find(staff, dp.citizenId()).orElseThrow()))
                .sorted(Comparator.comparing(Details::nextReviewDue))
                .toList();
    }

    /**
     * The ids of the people of the staff member's council with a direct payment that has not ended
     * (issue 18: each has a named contact; the caseload lists those without one).
     */
    @Transactional(readOnly = true)
    public List<Long> holders(SignedInUser staff) {
        if (!staff.isStaff() || staff.councilId() == null) {
            return List.of();
        }
        return repository.holders(staff.councilId());
    }

    /** Requests whose money has not arrived, with days since the person asked. */
    @Transactional(readOnly = true)
    public List<Details> inProgress(SignedInUser staff) {
        if (!staff.isStaff()) {
            return List.of();
        }
        return repository.inProgress(staff.councilId()).stream()
                .map(dp -> details(staff, dp, citizens.find(staff, dp.citizenId()).orElseThrow()))
                .toList();
    }

    /**
     * What the council's staff have to act on, counted (not listed) for the home page: reviews
     * overdue and due within {@code dueSoonDays} (as {@link #reviewsDue}), requests whose money has not
     * arrived and those waiting longer than the council's target days to money (as {@link #inProgress}).
     */
    public record WorkCounts(long reviewsOverdue, long reviewsDueSoon, long inProgress, long overTarget, int targetDaysToMoney) {
    }

    @Transactional(readOnly = true)
    public WorkCounts workCounts(SignedInUser staff, int dueSoonDays) {
        if (!staff.isStaff() || staff.councilId() == null) {
            return new WorkCounts(0, 0, 0, 0, 0);
        }
        CouncilSettings settings = councils.settings(staff.councilId()).settings();
        LocalDate today = LocalDate.now(clock);
        long[] reviews = repository.reviewCounts(staff.councilId(), today, today.plusDays(dueSoonDays),
                ReviewSchedule.firstReviewMonths(settings), ReviewSchedule.reviewIntervalMonths(settings));
        long[] waiting = repository.inProgressCounts(staff.councilId(), today, settings.targetDaysToMoney());
        return new WorkCounts(reviews[0], reviews[1], waiting[0], waiting[1], settings.targetDaysToMoney());
    }

    private Details details(SignedInUser user, DirectPayment dp, Citizen citizen) {
        CouncilSettings settings = councils.settings(dp.councilId()).settings();
        List<Review> reviews = repository.reviews(dp.id());
        LocalDate today = LocalDate.now(clock);
        NextReview next = nextReview(dp, reviews, today);
        LocalDate clockStops = dp.firstPaymentDate() != null ? dp.firstPaymentDate() : today;
        CarePlans.Plan plan = plans.find(user, dp.planId()).orElseThrow();
        return new Details(dp, citizen, plan, next.due(), next.overdue(),
                ChronoUnit.DAYS.between(dp.requestedOn(), clockStops), settings.targetDaysToMoney(), reviews,
                repository.necessityDecision(dp.id()), representative(user, dp));
    }

    private Optional<Representative> representative(SignedInUser user, DirectPayment dp) {
        return dp.representativeId() == null ? Optional.empty()
                : citizens.representatives(user, dp.citizenId()).stream().filter(r -> r.id() == dp.representativeId()).findFirst();
    }

    private record NextReview(LocalDate due, boolean overdue) {
    }

    /** The next review is due a set time after the start or the last review (council settings); overdue only while paid. */
    private NextReview nextReview(DirectPayment dp, List<Review> reviews, LocalDate today) {
        CouncilSettings settings = councils.settings(dp.councilId()).settings();
        Optional<LocalDate> lastReview = reviews.stream().map(Review::reviewedOn).max(Comparator.naturalOrder());
        LocalDate due = ReviewSchedule.nextReviewDue(dp.startDate(), lastReview, settings);
        boolean reviewable = dp.status() == DirectPaymentStatus.ACTIVE || dp.status() == DirectPaymentStatus.SUSPENDED;
        return new NextReview(due, reviewable && due.isBefore(today));
    }
}
