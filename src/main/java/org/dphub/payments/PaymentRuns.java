package org.dphub.payments;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.payments.internal.PaymentRunRepository;
import org.dphub.plans.DirectPayments;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.web.Conflict;
import org.dphub.web.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Payment runs: a finance officer starts one for a date; the work runs in the background (a
 * db-scheduler job, so it survives a crash and runs on one instance); a second finance officer
 * approves it, which posts every payment to the ledger exactly once.
 */
@Service
public class PaymentRuns {

    static final String TASK = "payment-runs";
    static final int BATCHES = 20;

    private static final Logger log = LoggerFactory.getLogger(PaymentRuns.class);

    private final PaymentRunRepository runs;
    private final DirectPayments directPayments;
    private final org.dphub.people.Citizens citizens;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final Clock clock;
    private final int parallelism;

    PaymentRuns(PaymentRunRepository runs, DirectPayments directPayments, org.dphub.people.Citizens citizens, AuditTrail audit,
                TransactionTemplate transaction,
                ObjectProvider<SchedulerClient> scheduler, Clock clock,
                @org.springframework.beans.factory.annotation.Value("${dphub.payment-runs.parallelism:2}") int parallelism) {
        this.parallelism = Math.max(1, parallelism);
        this.runs = runs;
        this.directPayments = directPayments;
        this.citizens = citizens;
        this.audit = audit;
        this.transaction = transaction;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    public record Started(PaymentRun run, boolean created) {
    }

    /**
     * Starts the run for a date (at most a year ahead), or returns the one already there — the
     * same date never makes a second run. A failed run is started again.
     */
    public Started start(SignedInUser finance, LocalDate paymentDate) {
        requireFinance(finance);
        LocalDate today = LocalDate.now(clock);
        if (paymentDate.isAfter(today.plusYears(1)) || paymentDate.isBefore(today.minusYears(1))) {
            throw new org.dphub.web.ValidationProblem(List.of(new org.dphub.web.FormError("paymentDate",
                    "Choose a payment date within a year of today")));
        }
        Started started = startFor(finance.councilId(), paymentDate, finance.username());
        if (started.created()) {
            wakeUp();
        }
        return started;
    }

    /** Who starts the nightly runs (any finance officer may approve them). */
    public static final String NIGHTLY = "nightly";

    /**
     * The nightly run: for every council, the run for the date (created once, whatever the number
     * of app instances — db-scheduler runs the job on one, and the database allows one run per
     * council and date). Returns the runs it started.
     */
    public List<PaymentRun> startNightly(List<Long> councilIds, LocalDate paymentDate) {
        List<PaymentRun> started = new java.util.ArrayList<>();
        for (long councilId : councilIds) {
            Started run = startFor(councilId, paymentDate, NIGHTLY);
            if (run.created()) {
                started.add(run.run());
            }
        }
        if (!started.isEmpty()) {
            wakeUp();
        }
        return started;
    }

    private Started startFor(long councilId, LocalDate paymentDate, String by) {
        boolean[] created = {false};
        long id = transaction.execute(status -> {
            Optional<Long> inserted = runs.start(councilId, paymentDate, by);
            long runId = inserted.orElseGet(() -> runs.existing(councilId, paymentDate));
            created[0] = inserted.isPresent();
            if (created[0]) {
                audit.record(councilId, "payment_run", runId, AuditAction.CREATE, null,
                        AuditTrail.values("paymentDate", paymentDate.toString(), "startedBy", by));
            } else if (runs.restart(runId)) {
                audit.record(councilId, "payment_run", runId, AuditAction.UPDATE,
                        AuditTrail.values("status", "FAILED"), AuditTrail.values("status", "RUNNING"));
                created[0] = true;
            }
            return runId;
        });
        return new Started(runs.find(id).orElseThrow(), created[0]);
    }

    /** Asks the scheduler to look for running runs now rather than at its next turn. */
    private void wakeUp() {
        SchedulerClient client = scheduler.getIfAvailable();
        if (client != null) {
            try {
                client.reschedule(TaskInstanceId.of(TASK, "recurring"), Instant.now(clock));
            } catch (RuntimeException notScheduledYet) {
                log.debug("Payment run job not scheduled yet; it will pick the run up at start", notScheduledYet);
            }
        }
    }

    /** Does the selection for every run still RUNNING (new, or interrupted by a crash). */
    void processRunning() {
        for (long id : runs.running()) {
            process(id);
        }
    }

    /** Selects the run's payments in batches (progress after each), then makes it ready for approval. */
    void process(long runId) {
        PaymentRun run = runs.find(runId).orElseThrow();
        long started = System.nanoTime();
        log.info("Payment run {}: selecting the payments on this instance", runId);
        try {
            long[] range = runs.accountIdRange(run.councilId());
            long span = Math.max(1, range[1] - range[0] + 1);
            long step = Math.max(1, (span + BATCHES - 1) / BATCHES);
            List<long[]> batches = new java.util.ArrayList<>();
            for (long from = range[0]; from <= range[1]; from += step) {
                batches.add(new long[] {from, Math.min(range[1], from + step - 1)});
            }
            // batches are independent (their own accounts, their own transaction, idempotent keys),
            // so they run side by side on as many connections as the machine has cores for
            java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
            java.util.concurrent.ExecutorService workers = java.util.concurrent.Executors.newFixedThreadPool(parallelism);
            try {
                List<java.util.concurrent.Future<?>> pending = new java.util.ArrayList<>();
                for (long[] batch : batches) {
                    pending.add(workers.submit(() -> transaction.executeWithoutResult(status -> {
                        runs.selectDuePayments(runId, run.councilId(), run.paymentDate(), batch[0], batch[1]);
                        runs.progress(runId, (int) Math.min(99, done.incrementAndGet() * 100L / batches.size()));
                    })));
                }
                for (java.util.concurrent.Future<?> batch : pending) {
                    batch.get();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } finally {
                workers.shutdownNow();
            }
            transaction.executeWithoutResult(status -> {
                runs.selectOneOffs(runId, run.councilId(), run.paymentDate());
                runs.selectProviderRefunds(runId, run.councilId(), run.paymentDate());
                long providers = System.nanoTime();
                // charges promised to providers come off the people's payments; the providers are paid them
                runs.netProviderCharges(runId, run.councilId(), run.paymentDate());
                runs.selectProviderPayouts(runId, run.councilId(), run.paymentDate());
                log.info("Payment run {}: provider payouts selected in {} ms", runId, (System.nanoTime() - providers) / 1_000_000);
                runs.recordExceptions(runId, run.councilId(), run.paymentDate());
                runs.ready(runId);
            });
            log.info("Payment run {} selected in {} ms", runId, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.error("Payment run {} failed", runId, e);
            transaction.executeWithoutResult(status -> runs.fail(runId, "The run stopped: " + e.getClass().getSimpleName()
                    + ". Start it again for the same date; nothing will be paid twice."));
        }
    }

    /**
     * Four eyes: a different finance officer approves; the payments are posted to the ledger
     * (each once, by its key) and the first payments stop the time-to-money clock.
     */
    @Transactional
    public PaymentRun approve(SignedInUser finance, long runId) {
        requireFinance(finance);
        PaymentRun run = find(finance, runId).orElseThrow(NotFound::new);
        if (run.startedBy().equals(finance.username())) {
            throw new AccessDeniedException("A different finance officer must approve the run (four eyes)");
        }
        if (run.status() == PaymentRunStatus.APPROVED) {
            throw new Conflict("This run was approved by " + run.approvedBy() + " already");
        }
        if (run.status() != PaymentRunStatus.READY_FOR_APPROVAL || !runs.approve(runId, finance.username())) {
            throw new Conflict("This run is " + run.status() + " and cannot be approved");
        }
        long started = System.nanoTime();
        int posted = runs.postToLedger(runId, finance.username());
        long postedAt = System.nanoTime();
        // the time-to-money clock stops on the day each first payment is paid (its own due date, issue 14)
        int firsts = 0;
        var byDay = runs.firstPayments(runId).stream().collect(java.util.stream.Collectors.groupingBy(
                PaymentRunRepository.FirstPayment::paidOn, java.util.TreeMap::new, java.util.stream.Collectors.toList()));
        for (var day : byDay.entrySet()) {
            firsts += directPayments.recordFirstPayments(day.getValue().stream()
                    .mapToLong(PaymentRunRepository.FirstPayment::directPaymentId).toArray(), day.getKey());
        }
        log.info("Payment run {} approved: {} ledger transactions in {} ms, {} first payments in {} ms", runId, posted,
                (postedAt - started) / 1_000_000, firsts, (System.nanoTime() - postedAt) / 1_000_000);
        audit.record(run.councilId(), "payment_run", runId, AuditAction.UPDATE,
                AuditTrail.values("status", run.status().name()),
                AuditTrail.values("status", PaymentRunStatus.APPROVED.name(), "approvedBy", finance.username(),
                        "paymentsPosted", posted, "total", run.total().formatWithPence()));
        return runs.find(runId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<PaymentRun> find(SignedInUser staff, long runId) {
        return runs.find(runId).filter(r -> staff.isStaffOf(r.councilId()));
    }

    @Transactional(readOnly = true)
    public List<PaymentRun> recent(SignedInUser staff) {
        return staff.isStaff() ? runs.forCouncil(staff.councilId()) : List.of();
    }

    /** A finance officer's work: runs waiting for a second officer (and how many this one may approve), runs that stopped. */
    public record Waiting(long toApprove, long thisOfficerMayApprove, long stopped) {
    }

    @Transactional(readOnly = true)
    public Waiting waiting(SignedInUser finance) {
        if (!finance.has(Role.FINANCE) || finance.councilId() == null) {
            return new Waiting(0, 0, 0);
        }
        long[] counts = runs.waitingCounts(finance.councilId(), finance.username());
        return new Waiting(counts[0], counts[1], counts[2]);
    }

    /**
     * An account the run could not pay, and why (ACCOUNT_SUSPENDED, MISSING_BANK_DETAILS), with the
     * person it belongs to (name and reference), so finance can put it right.
     */
    public record RunException(long accountId, long citizenId, String citizenName, String citizenReference, String reason) {
    }

    @Transactional(readOnly = true)
    public List<RunException> exceptions(SignedInUser staff, long runId) {
        find(staff, runId).orElseThrow(NotFound::new);
        List<Object[]> rows = runs.exceptions(runId);
        var people = citizens.findAll(staff, rows.stream().map(r -> (Long) r[1]).toList());
        return rows.stream().map(r -> {
            var person = people.get((Long) r[1]);
            return new RunException((Long) r[0], (Long) r[1], person == null ? null : person.fullName(),
                    person == null ? null : person.reference(), (String) r[2]);
        }).toList();
    }

    /** A provider the run could not pay (PROVIDER_MISSING_BANK_DETAILS): its charges wait for the next run. */
    public record ProviderException(java.util.UUID organizationId, String organizationName, String reason, int charges,
                                    org.dphub.shared.Money amount) {
    }

    @Transactional(readOnly = true)
    public List<ProviderException> providerExceptions(SignedInUser staff, long runId) {
        find(staff, runId).orElseThrow(NotFound::new);
        return runs.providerExceptions(runId);
    }

    /** The run's payments to providers: one a provider, the sum of the parts of the council's people. */
    @Transactional(readOnly = true)
    public List<ProviderPayout> providerPayouts(SignedInUser staff, long runId) {
        find(staff, runId).orElseThrow(NotFound::new);
        return runs.providerPayouts(runId);
    }

    /** What the run took off people's payments to pay providers for them: how many payments, how much. */
    public record Netted(long payments, org.dphub.shared.Money amount) {
    }

    @Transactional(readOnly = true)
    public Netted netted(SignedInUser staff, long runId) {
        find(staff, runId).orElseThrow(NotFound::new);
        long[] n = runs.netted(runId);
        return new Netted(n[0], org.dphub.shared.Money.ofPence(n[1]));
    }

    /** A payout with each person's part (by reference), for the provider's remittance. */
    public record Remittance(PaymentRun run, ProviderPayout payout, List<ProviderPayout.Part> parts) {
    }

    @Transactional(readOnly = true)
    public Remittance remittance(SignedInUser staff, long runId, long payoutId) {
        PaymentRun run = find(staff, runId).orElseThrow(NotFound::new);
        ProviderPayout payout = runs.providerPayouts(runId).stream().filter(p -> p.id() == payoutId).findFirst()
                .orElseThrow(NotFound::new);
        return new Remittance(run, payout, runs.remittance(payoutId));
    }

    /** The run's payments by the day each is paid (its due date, or the approval day if that had passed). */
    @Transactional(readOnly = true)
    public List<PayDayTotal> totalsByPayDate(SignedInUser staff, long runId) {
        find(staff, runId).orElseThrow(NotFound::new);
        return runs.totalsByPayDate(runId);
    }

    @Transactional(readOnly = true)
    public List<TypeTotal> totalsByType(SignedInUser staff, long runId) {
        find(staff, runId).orElseThrow(NotFound::new);
        return runs.totalsByType(runId);
    }

    private static void requireFinance(SignedInUser user) {
        if (!user.has(Role.FINANCE) || user.councilId() == null) {
            throw new AccessDeniedException("Only finance officers run payments");
        }
    }
}
