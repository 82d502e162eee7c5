package org.dphub.monitoring;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.councils.Councils;
import org.dphub.monitoring.internal.CheckRepository;
import org.dphub.payments.Accounts;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.web.NotFound;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proportionate checks: accounts are selected for a stated reason (a new direct payment, money
 * left over, spending not linked to the plan, no statements, a concern) and everyone else is left
 * alone. Officers record what they found and how long it took, so the council can see effort
 * against findings.
 */
@Service
public class Checks {

    private final CheckRepository repository;
    private final Accounts accounts;
    private final Councils councils;
    private final AuditTrail audit;
    private final Clock clock;
    private final long unlinkedThresholdPence;
    private final int quietDays;

    Checks(CheckRepository repository, Accounts accounts, Councils councils, AuditTrail audit, Clock clock,
           @Value("${dphub.monitoring.unlinked-spending-pence:25000}") long unlinkedThresholdPence,
           @Value("${dphub.monitoring.quiet-days:90}") int quietDays) {
        this.repository = repository;
        this.accounts = accounts;
        this.councils = councils;
        this.audit = audit;
        this.clock = clock;
        this.unlinkedThresholdPence = unlinkedThresholdPence;
        this.quietDays = quietDays;
    }

    @Transactional(readOnly = true)
    public List<CheckRepository.Due> due(SignedInUser staff) {
        requireMonitoring(staff);
        return repository.due(staff.councilId(), LocalDate.now(clock), councils.settings(staff.councilId()).settings().surplusWeeks(),
                unlinkedThresholdPence, quietDays);
    }

    /** How many accounts are due a check (as {@link #due} lists them), counted in SQL for the home page. */
    @Transactional(readOnly = true)
    public long countDue(SignedInUser staff) {
        requireMonitoring(staff);
        return repository.countDue(staff.councilId(), LocalDate.now(clock), councils.settings(staff.councilId()).settings().surplusWeeks(),
                unlinkedThresholdPence, quietDays);
    }

    /** Records a check of an account: the reasons it was selected for (now), what was found, minutes spent. */
    @Transactional
    public long record(SignedInUser staff, long accountId, CheckOutcome outcome, int minutes, String notes) {
        requireMonitoring(staff);
        accounts.find(staff, accountId).filter(s -> staff.isStaffOf(s.account().councilId())).orElseThrow(NotFound::new);
        List<CheckReason> reasons = due(staff).stream().filter(d -> d.accountId() == accountId).findFirst()
                .map(CheckRepository.Due::reasons).orElse(List.of());
        long id = repository.record(staff.councilId(), accountId, reasons, outcome.name(), minutes, notes, staff.username());
        audit.record(staff.councilId(), "monitoring_check", id, AuditAction.CREATE, null, AuditTrail.values(
                "accountId", accountId, "reasons", reasons, "outcome", outcome.name(), "minutes", minutes, "notes", notes));
        return id;
    }

    /** Any staff member of the council raises a concern about an account: it is checked next. */
    @Transactional
    public long raiseConcern(SignedInUser staff, long accountId, String concern) {
        accounts.find(staff, accountId).filter(s -> staff.isStaffOf(s.account().councilId())).orElseThrow(NotFound::new);
        long id = repository.raiseConcern(staff.councilId(), accountId, concern, staff.username());
        audit.record(staff.councilId(), "monitoring_concern", id, AuditAction.CREATE, null,
                AuditTrail.values("accountId", accountId, "concern", concern));
        return id;
    }

    @Transactional(readOnly = true)
    public List<CheckRepository.Done> done(SignedInUser staff) {
        requireMonitoring(staff);
        return repository.done(staff.councilId(), 200);
    }

    /** Effort against findings over the last 12 months: outcome, checks, minutes. */
    public record Effort(CheckOutcome outcome, long checks, long minutes) {
    }

    @Transactional(readOnly = true)
    public List<Effort> effort(SignedInUser staff) {
        requireMonitoring(staff);
        return repository.effort(staff.councilId(), LocalDate.now(clock).minusYears(1)).stream()
                .map(r -> new Effort(CheckOutcome.valueOf((String) r[0]), (Long) r[1], (Long) r[2])).toList();
    }

    private static void requireMonitoring(SignedInUser user) {
        if (!(user.has(Role.FINANCE) || user.has(Role.DP_TEAM)) || user.councilId() == null) {
            throw new AccessDeniedException("Only finance officers and the direct payments team do checks");
        }
    }
}
