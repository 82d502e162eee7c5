package org.dphub.payments;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The background side of payment runs: every 15 seconds (and at once when a run is started) one
 * app instance picks up every run still RUNNING. A run interrupted by a crash is RUNNING after the
 * restart and is simply done again: its selection is idempotent.
 */
@Configuration(proxyBeanMethods = false)
class PaymentRunJob {

    /**
     * The nightly run for every council (cron in UK time, DPHUB_NIGHTLY_PAYMENT_RUN; "-" turns it
     * off). db-scheduler runs a recurring task on one instance per time, so each night's runs are
     * started once; the table allows one run per council and date in any case.
     */
    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnExpression("'${dphub.payment-runs.nightly:0 0 2 * * *}' != '-'")
    RecurringTask<Void> nightlyPaymentRunsTask(PaymentRuns runs, org.dphub.councils.Councils councils, java.time.Clock clock,
                                               @org.springframework.beans.factory.annotation.Value("${dphub.payment-runs.nightly:0 0 2 * * *}") String cron) {
        return Tasks.recurring("nightly-payment-runs", com.github.kagkarlsson.scheduler.task.schedule.Schedules.cron(cron,
                        java.time.ZoneId.of("Europe/London")))
                .execute((instance, context) -> runs.startNightly(
                        councils.all().stream().map(org.dphub.councils.Council::id).toList(),
                        java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/London")))));
    }

    @Bean
    RecurringTask<Void> paymentRunsTask(PaymentRuns runs) {
        return Tasks.recurring(PaymentRuns.TASK, FixedDelay.of(Duration.ofSeconds(15)))
                .execute((instance, context) -> runs.processRunning());
    }
}
