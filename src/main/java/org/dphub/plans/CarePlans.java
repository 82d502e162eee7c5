package org.dphub.plans;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.councils.CouncilSettings;
import org.dphub.councils.Councils;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.plans.internal.PlanRepository;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.web.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The plans module's public face for care and support plans. */
@Service
public class CarePlans {

    private final PlanRepository plans;
    private final org.dphub.plans.internal.DirectPaymentRepository directPayments;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Citizens citizens;
    private final Councils councils;
    private final AuditTrail audit;
    private final Clock clock;

    CarePlans(PlanRepository plans, org.dphub.plans.internal.DirectPaymentRepository directPayments,
              org.springframework.context.ApplicationEventPublisher events, Citizens citizens, Councils councils,
              AuditTrail audit, Clock clock) {
        this.plans = plans;
        this.directPayments = directPayments;
        this.events = events;
        this.citizens = citizens;
        this.councils = councils;
        this.audit = audit;
        this.clock = clock;
    }

    /** A plan with all its versions, oldest first, and which one is in force today. */
    public record Plan(long id, long citizenId, long councilId, List<PlanVersion> versions, PlanVersion inForce,
                       PlanRecipient recipient) {

        /** An adult's plan. */
        public Plan(long id, long citizenId, long councilId, List<PlanVersion> versions, PlanVersion inForce) {
            this(id, citizenId, councilId, versions, inForce, PlanRecipient.ADULT);
        }

        public RecipientKind recipientKind() {
            return recipient.kind();
        }

        public PlanVersion latest() {
            return versions.get(versions.size() - 1);
        }
    }

    /** A practitioner writes a new plan for a person in their council. */
    @Transactional
    public Plan create(SignedInUser practitioner, long citizenId, NewPlanVersion first) {
        return create(practitioner, citizenId, first, PlanRecipient.ADULT, null);
    }

    /**
     * A plan for an adult, a carer (linked to the person they care for) or a child. Checks who it is
     * for first: a carer's plan names someone else of the same council as the person cared for; a
     * child's plan is for someone under 18 on its start date. Problems go into {@code errors}
     * and are thrown as a validation problem (nothing saved); {@code errors} may be null for an adult's plan.
     */
    @Transactional
    public Plan create(SignedInUser practitioner, long citizenId, NewPlanVersion first, PlanRecipient recipient,
                       org.dphub.web.FormErrors errors) {
        Citizen citizen = citizens.findForPractitioner(practitioner, citizenId).orElseThrow(NotFound::new);
        if (recipient.kind() != RecipientKind.ADULT) {
            checkRecipient(practitioner, citizen, first.startDate(), recipient, errors);
            errors.throwIfAny();
        }
        long planId = plans.insertPlan(citizen.councilId(), citizenId, recipient);
        addVersion(practitioner, planId, citizen.councilId(), first);
        return find(practitioner, planId).orElseThrow();
    }

    /** Who a plan is for must fit the person: see {@link #create(SignedInUser, long, NewPlanVersion, PlanRecipient, org.dphub.web.FormErrors)}. */
    public void checkRecipient(SignedInUser practitioner, Citizen citizen, LocalDate startDate, PlanRecipient recipient,
                               org.dphub.web.FormErrors errors) {
        if (recipient.kind() == RecipientKind.CARER) {
            Long caredFor = recipient.caredForCitizenId();
            if (caredFor == null) {
                errors.reject("caredForCitizenId", "plans.error.caredFor.required");
            } else if (caredFor == citizen.id()) {
                errors.reject("caredForCitizenId", "plans.error.caredFor.self");
            } else if (citizens.findForPractitioner(practitioner, caredFor)
                    .filter(c -> c.councilId() == citizen.councilId()).isEmpty()) {
                errors.reject("caredForCitizenId", "plans.error.caredFor.unknown");
            }
        }
        if (recipient.kind() == RecipientKind.CHILD && startDate != null
                && !ChildPaymentPolicy.isChild(citizen.dateOfBirth(), startDate)) {
            errors.reject("recipientKind", "plans.error.child.age");
        }
    }

    /** A change makes a new version; with an end date it is temporary and falls back by itself. */
    @Transactional
    public Plan change(SignedInUser practitioner, long planId, NewPlanVersion change) {
        Plan plan = find(practitioner, planId).orElseThrow(NotFound::new);
        if (!practitioner.isStaffOf(plan.councilId()) || !practitioner.has(Role.PRACTITIONER)) {
            throw new NotFound();
        }
        addVersion(practitioner, planId, plan.councilId(), change);
        Plan changed = find(practitioner, planId).orElseThrow();
        movePayments(changed, changed.latest());
        return changed;
    }

    /**
     * The direct payments of a changed plan are paid the new amount from the change's start date
     * (and, for a temporary change, the amount it falls back to from the day after it ends), in
     * each direct payment's own payment frequency.
     */
    void movePayments(Plan plan, PlanVersion added) {
        var basis = councils.settings(plan.councilId()).settings().contributionBasis();
        for (DirectPayment dp : directPayments.liveForPlan(plan.id())) {
            List<LocalDate> from = new java.util.ArrayList<>(List.of(added.startDate().isBefore(dp.startDate())
                    ? dp.startDate() : added.startDate()));
            if (added.endDate() != null) {
                from.add(added.endDate().plusDays(1));
            }
            for (LocalDate day : from) {
                PlanVersion inForce = inForce(plan.versions(), day);
                BudgetCalculation.Budget budget = budgetFor(plan.versions(), day, dp.startDate(), basis);
                events.publishEvent(new DirectPaymentAmountChanged(dp.id(), dp.councilId(), day, budget.regularPayment().pence(),
                        inForce.weeklyBudget().pence(), "Plan version " + inForce.version()));
            }
        }
    }

    /**
     * The budget in force on a day, worked out for the payment frequency the direct payment
     * started with (its schedule keeps that frequency whatever later versions choose).
     */
    static BudgetCalculation.Budget budgetFor(List<PlanVersion> versions, LocalDate day, LocalDate directPaymentStart,
                                             org.dphub.councils.ContributionBasis basis) {
        PlanVersion inForce = inForce(versions, day);
        PlanVersion atStart = inForce(versions, directPaymentStart);
        return BudgetCalculation.of(inForce.budgetLines(), atStart.paymentFrequency(), inForce.weeklyContribution(), basis);
    }

    private void addVersion(SignedInUser practitioner, long planId, long councilId, NewPlanVersion v) {
        CouncilSettings settings = councils.settings(councilId).settings();
        BudgetCalculation.Budget budget = BudgetCalculation.of(v.budgetLines(), v.paymentFrequency(),
                v.weeklyContribution(), settings.contributionBasis());
        long versionId = plans.insertVersion(planId, councilId, v, budget.weekly(), budget.annual(),
                budget.regularPayment(), practitioner.username());
        PlanVersion saved = plans.version(versionId).orElseThrow();
        audit.record(councilId, "care_plan_version", versionId, AuditAction.CREATE, null, AuditTrail.values(
                "planId", planId, "version", saved.version(), "startDate", String.valueOf(v.startDate()),
                "endDate", String.valueOf(v.endDate()), "outcomes", v.outcomes(),
                "weeklyBudget", budget.weekly().formatWithPence(), "annualBudget", budget.annual().formatWithPence(),
                "regularPayment", budget.regularPayment().formatWithPence(),
                "weeklyContribution", v.weeklyContribution().formatWithPence(), "paymentFrequency", v.paymentFrequency().name(),
                "deliveryMechanisms", v.budgetLines().stream().map(l -> l.deliveryMechanism().name()).toList()));
    }

    /** The plan, if this user may see its citizen. */
    @Transactional(readOnly = true)
    public Optional<Plan> find(SignedInUser user, long planId) {
        Optional<long[]> owner = plans.planOwner(planId);
        if (owner.isEmpty() || citizens.find(user, owner.get()[0]).isEmpty()) {
            return Optional.empty();
        }
        List<PlanVersion> versions = plans.versionsOf(planId);
        if (versions.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Plan(planId, owner.get()[0], owner.get()[1], versions, inForce(versions, LocalDate.now(clock)),
                plans.recipient(planId)));
    }

    @Transactional(readOnly = true)
    public List<Plan> plansOf(SignedInUser user, long citizenId) {
        Citizen citizen = citizens.find(user, citizenId).orElseThrow(NotFound::new);
        return plans.plansOf(citizen.councilId(), citizenId).stream()
                .map(id -> find(user, id).orElseThrow())
                .toList();
    }

    @Transactional(readOnly = true)
    public Optional<PlanVersion> version(SignedInUser user, long versionId) {
        return plans.version(versionId).filter(v -> citizens.find(user, v.citizenId()).isPresent());
    }

    /** A directory term (outcome or need) that an outcome in a person's live plan is tagged with. */
    public record LiveOutcomeTerm(long citizenId, java.util.UUID termId) {
    }

    /**
     * For the gaps in the market: each person in the council with an active direct payment, and the
     * directory terms the outcomes of their plan in force today are tagged with. Council staff only.
     */
    @Transactional(readOnly = true)
    public List<LiveOutcomeTerm> liveOutcomeTerms(SignedInUser staff, long councilId) {
        if (!staff.isStaffOf(councilId)) {
            return List.of();
        }
        return plans.liveOutcomeTerms(councilId, LocalDate.now(clock)).stream()
                .map(t -> new LiveOutcomeTerm(t.citizenId(), t.termId())).toList();
    }

    /**
     * The version in force on a day: the newest version that covers it. A temporary version
     * covers only its dates, so afterwards the newest permanent one applies again. Before the
     * first start date, the first version (the plan as agreed) is shown.
     */
    public static PlanVersion inForce(List<PlanVersion> versions, LocalDate day) {
        return versions.stream()
                .filter(v -> v.coversDay(day))
                .max(Comparator.comparingInt(PlanVersion::version))
                .orElseGet(() -> versions.stream()
                        .filter(v -> v.endDate() == null && !v.startDate().isAfter(day))
                        .max(Comparator.comparingInt(PlanVersion::version))
                        .orElse(versions.get(0)));
    }
}
