package org.dphub.approvals;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.dphub.approvals.internal.OneOffRepository;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.councils.Councils;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.plans.AccountType;
import org.dphub.shared.Money;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.web.Conflict;
import org.dphub.web.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The approvals module's public face: Connect and Enable one-off payments. */
@Service
public class OneOffPayments {

    private final OneOffRepository repository;
    private final Citizens citizens;
    private final Councils councils;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OneOffPayments(OneOffRepository repository, Citizens citizens, Councils councils, AuditTrail audit,
                   ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.citizens = citizens;
        this.councils = councils;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    public record NewOneOff(long citizenId, Money amount, String purpose, String outcome, OneOffReason reason,
                            AccountType accountType) {
    }

    /**
     * A practitioner asks for a one-off payment: approved on the spot up to and including the
     * council's limit, otherwise waiting for a budget holder. No direct payment is needed.
     */
    @Transactional
    public OneOffPayment request(SignedInUser practitioner, NewOneOff request) {
        Citizen citizen = citizens.findForPractitioner(practitioner, request.citizenId()).orElseThrow(NotFound::new);
        var settings = councils.settings(citizen.councilId()).settings();
        // the pages and the API say this in the reader's language first; this keeps any other caller honest
        if (!request.amount().isGreaterThan(Money.ZERO)) {
            throw new org.dphub.web.ValidationProblem(List.of(new org.dphub.web.FormError("amountPence",
                    "Enter an amount more than £0")));
        }
        if (request.amount().isGreaterThan(settings.oneOffMaximum())) {
            throw new org.dphub.web.ValidationProblem(List.of(new org.dphub.web.FormError("amountPence",
                    "Enter an amount of " + settings.oneOffMaximum().formatWithPence() + " or less")));
        }
        Money limit = settings.selfApprovalLimit();
        SelfApprovalLimitPolicy.Outcome outcome = SelfApprovalLimitPolicy.decide(request.amount(), limit);
        boolean approved = outcome == SelfApprovalLimitPolicy.Outcome.APPROVED_BY_PRACTITIONER;
        long id = repository.insert(citizen.councilId(), citizen.id(), request.amount(), request.purpose(), request.outcome(),
                request.reason(), request.accountType(), approved ? OneOffStatus.APPROVED : OneOffStatus.AWAITING_APPROVAL,
                limit, practitioner.username(), approved ? practitioner.username() : null);
        OneOffPayment created = repository.find(id).orElseThrow();
        audit.record(citizen.councilId(), "one_off_payment", id, AuditAction.CREATE, null, AuditTrail.values(
                "citizenId", citizen.id(), "amount", request.amount().formatWithPence(), "purpose", request.purpose(),
                "outcome", request.outcome(), "reason", request.reason().name(), "status", created.status().name(),
                "limit", limit.formatWithPence()));
        if (approved) {
            published(created);
        }
        return created;
    }

    /** A budget holder of the same council approves or declines (a reason is needed to decline). */
    @Transactional
    public OneOffPayment decide(SignedInUser budgetHolder, long id, boolean approve, String reason) {
        OneOffPayment payment = find(budgetHolder, id).orElseThrow(NotFound::new);
        if (!budgetHolder.has(Role.BUDGET_HOLDER)) {
            throw new AccessDeniedException("Only a budget holder decides payments over the practitioner's limit");
        }
        if (payment.status() != OneOffStatus.AWAITING_APPROVAL) {
            throw new Conflict("This payment was " + payment.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + " by " + payment.decidedBy() + " already");
        }
        OneOffStatus decision = approve ? OneOffStatus.APPROVED : OneOffStatus.DECLINED;
        if (!repository.decide(id, decision, budgetHolder.username(), reason)) {
            throw new Conflict("Someone decided this payment a moment ago");
        }
        OneOffPayment decided = repository.find(id).orElseThrow();
        audit.record(payment.councilId(), "one_off_payment", id, AuditAction.UPDATE,
                AuditTrail.values("status", payment.status().name()),
                AuditTrail.values("status", decision.name(), "decidedBy", budgetHolder.username(), "decisionReason", reason));
        if (approve) {
            published(decided);
        }
        return decided;
    }

    private void published(OneOffPayment payment) {
        events.publishEvent(new OneOffPaymentApproved(payment.id(), payment.councilId(), payment.citizenId(),
                payment.amount().pence(), payment.accountType(), LocalDate.now(clock), payment.purpose()));
    }

    /** Staff of the council see it; so do the citizen and their representatives. */
    @Transactional(readOnly = true)
    public Optional<OneOffPayment> find(SignedInUser user, long id) {
        return repository.find(id).filter(p -> citizens.find(user, p.citizenId()).isPresent());
    }

    /** A person's one-off payments, newest first, for those who may see the person. */
    @Transactional(readOnly = true)
    public List<OneOffPayment> forCitizen(SignedInUser user, long citizenId) {
        return citizens.find(user, citizenId).map(c -> repository.forCitizen(c.councilId(), c.id())).orElse(List.of());
    }

    /** The council's self-approval limit, for the practitioner's form. */
    @Transactional(readOnly = true)
    public Money selfApprovalLimit(long councilId) {
        return councils.settings(councilId).settings().selfApprovalLimit();
    }

    /** The most anyone may ask for in one one-off payment (a council setting, £10,000.00 by default). */
    @Transactional(readOnly = true)
    public Money oneOffMaximum(long councilId) {
        return councils.settings(councilId).settings().oneOffMaximum();
    }

    /** Counted for the home page: one-offs waiting for a budget holder in the council, and those this user asked for. */
    public record Waiting(long forDecision, long askedByYou) {
    }

    @Transactional(readOnly = true)
    public Waiting waiting(SignedInUser staff) {
        if (!staff.isStaff() || staff.councilId() == null) {
            return new Waiting(0, 0);
        }
        long[] counts = repository.awaitingCounts(staff.councilId(), staff.username());
        return new Waiting(counts[0], counts[1]);
    }

    /** A page of the one-off payments a practitioner asked for, newest first, with how many there are in all. */
    public record Asked(List<OneOffPayment> payments, long total) {
    }

    @Transactional(readOnly = true)
    public Asked askedBy(SignedInUser practitioner, int page, int pageSize) {
        if (!practitioner.isStaff() || !practitioner.has(Role.PRACTITIONER) || practitioner.councilId() == null) {
            return new Asked(List.of(), 0);
        }
        return new Asked(repository.requestedBy(practitioner.councilId(), practitioner.username(), pageSize, page * pageSize),
                repository.countRequestedBy(practitioner.councilId(), practitioner.username()));
    }

    @Transactional(readOnly = true)
    public List<OneOffPayment> awaitingDecision(SignedInUser staff) {
        return staff.isStaff() ? repository.awaiting(staff.councilId()) : List.of();
    }
}
