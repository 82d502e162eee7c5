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

    @Bean
    RecurringTask<Void> paymentRunsTask(PaymentRuns runs) {
        return Tasks.recurring(PaymentRuns.TASK, FixedDelay.of(Duration.ofSeconds(15)))
                .execute((instance, context) -> runs.processRunning());
    }
}
