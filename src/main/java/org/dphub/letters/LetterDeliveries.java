package org.dphub.letters;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.dphub.letters.internal.LetterRepository;
import org.dphub.letters.internal.NotifyAnswer;
import org.dphub.letters.internal.NotifyGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends letters after the transaction that wrote them has committed: a db-scheduler job (every 30
 * seconds, on one instance at a time, and at once when a letter is written) claims each letter
 * that is due, asks GOV.UK Notify outside any transaction, and records the attempt.
 *
 * <p><b>Once.</b> A claim ({@code FOR UPDATE SKIP LOCKED}, then SENDING with a claim id until a
 * time) means two workers never send the same letter. Notify's 201 and SENT are recorded together
 * in one transaction, and a SENT letter is never claimed again. What cannot be made atomic is
 * Notify's 201 and our commit: if the app stops after Notify accepted a letter but before SENT
 * was recorded (or Notify's answer never arrived), the letter is SENDING with a claim that runs
 * out, or PENDING after NO_ANSWER. Before such a letter is sent again, Notify is asked for a
 * notification with its reference ({@code dphub-letter-{id}}); if there is one, the letter is SENT
 * and nothing is sent twice. Only if Notify has not yet listed a letter it accepted (or the
 * notification is older than Notify keeps, 7 days) could the person get it twice: at least once,
 * with a window of seconds.
 */
@Component
class LetterDeliveries {

    static final String TASK = "letter-deliveries";
    /** Longer than two Notify calls at their timeout (a lookup and a send), so a live worker never loses its claim. */
    static final Duration CLAIM = Duration.ofMinutes(5);
    /** Letters sent in one run at most; the rest are due at the next run, 30 seconds later. */
    static final int MOST_PER_RUN = 500;

    private static final Logger log = LoggerFactory.getLogger(LetterDeliveries.class);
    private static final Object WAKE_UP = new Object();

    private final LetterRepository repository;
    private final NotifyGateway notify;
    private final LetterPdf pdf;
    private final TransactionTemplate transaction;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final Clock clock;
    private final RetryPolicy retries;

    LetterDeliveries(LetterRepository repository, NotifyGateway notify, LetterPdf pdf, TransactionTemplate transaction,
                     ObjectProvider<SchedulerClient> scheduler, Clock clock, @Value("${dphub.notify.max-attempts:6}") int maxAttempts) {
        this.repository = repository;
        this.notify = notify;
        this.pdf = pdf;
        this.transaction = transaction;
        this.scheduler = scheduler;
        this.clock = clock;
        this.retries = RetryPolicy.of(maxAttempts);
    }

    /**
     * Sends every letter due by the time {@code time} gives (the job passes the real clock; a test
     * passes a later one instead of waiting for the back-off). Returns how many letters moved.
     */
    int sendDue(Clock time) {
        if (!notify.configured()) {
            return 0; // letters written while Notify was set up wait, PENDING, until it is again
        }
        int moved = 0;
        for (int i = 0; i < MOST_PER_RUN; i++) {
            Instant now = time.instant();
            Optional<LetterRepository.Claim> claim = transaction.execute(status -> repository.claimNext(now, now.plus(CLAIM)));
            if (claim == null || claim.isEmpty()) {
                break;
            }
            deliver(claim.get(), time);
            moved++;
        }
        return moved;
    }

    /** One letter: asks Notify (no transaction open), then records what happened in one short transaction. */
    private void deliver(LetterRepository.Claim claim, Clock time) {
        Letter letter = claim.letter();
        NotifyAnswer answer = null;
        boolean found = false;
        FailureReason before = letter.delivery().failureReason();
        if (claim.reclaimed() || (before != null && before.outcomeUnknown())) {
            Optional<NotifyAnswer> atNotify = notify.findSent(letter);
            if (atNotify.isPresent()) {
                answer = atNotify.get();
                found = answer.isAccepted();
            }
        }
        if (answer == null) {
            try {
                answer = notify.send(letter, letter.channel().equals("LETTER") ? pdf.render(letter) : null);
            } catch (RuntimeException e) {
                log.warn("Letter {} could not be sent", letter.id(), e);
                answer = NotifyAnswer.notAccepted(400, "The letter could not be made ready to send: " + e.getMessage());
            }
        }
        NotifyAnswer said = answer;
        boolean foundAtNotify = found;
        transaction.executeWithoutResult(status -> record(claim, said, foundAtNotify, time.instant()));
    }

    private void record(LetterRepository.Claim claim, NotifyAnswer answer, boolean foundAtNotify, Instant at) {
        Letter letter = claim.letter();
        int attempt = letter.delivery().attempts();
        if (answer.isAccepted()) {
            DeliveryStatus to = DeliveryTransitions.apply(DeliveryStatus.SENDING, DeliveryTransitions.Event.ACCEPT).orElseThrow();
            repository.recordAttempt(letter, attempt, at, foundAtNotify ? LetterAttempt.Outcome.FOUND_AT_NOTIFY : LetterAttempt.Outcome.SENT,
                    null, foundAtNotify ? null : answer.httpStatus(), answer.notifyId(), null, null);
            repository.finish(claim, to, at, answer.notifyId(), null, null, null);
            return;
        }
        Optional<Instant> next = retries.nextAttempt(attempt, answer.reason(), at);
        DeliveryStatus to = DeliveryTransitions.apply(DeliveryStatus.SENDING,
                next.isPresent() ? DeliveryTransitions.Event.TRY_LATER : DeliveryTransitions.Event.GIVE_UP).orElseThrow();
        repository.recordAttempt(letter, attempt, at, next.isPresent() ? LetterAttempt.Outcome.WILL_RETRY : LetterAttempt.Outcome.FAILED,
                answer.reason(), answer.httpStatus() == 0 ? null : answer.httpStatus(), null, answer.detail(), next.orElse(null));
        if (!repository.finish(claim, to, at, null, answer.reason(), answer.detail(), next.orElse(null))) {
            log.info("Letter {}: its claim ran out and was taken over; the attempt is recorded, the other worker decides", letter.id());
        }
    }

    /**
     * Wakes the job once the current transaction commits (once however many letters it wrote), so
     * a letter goes at once rather than at the next run; nothing happens if it rolls back.
     */
    void wakeUpAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            wakeUp();
            return;
        }
        if (TransactionSynchronizationManager.hasResource(WAKE_UP)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(WAKE_UP, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wakeUp();
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(WAKE_UP);
            }
        });
    }

    private void wakeUp() {
        SchedulerClient client = scheduler.getIfAvailable();
        if (client != null) {
            try {
                client.reschedule(TaskInstanceId.of(TASK, RecurringTask.INSTANCE), clock.instant());
            } catch (RuntimeException runningOrNotScheduledYet) {
                log.debug("Letter job running or not scheduled yet; it picks the letter up at its next run", runningOrNotScheduledYet);
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Job {

        @Bean
        RecurringTask<Void> letterDeliveriesTask(LetterDeliveries deliveries, Clock clock) {
            return Tasks.recurring(TASK, FixedDelay.of(Duration.ofSeconds(30)))
                    .execute((instance, context) -> deliveries.sendDue(clock));
        }
    }
}
