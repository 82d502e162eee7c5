package org.dphub.directory;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Charges the regular payments to providers that have fallen due, daily (cron in UK time,
 * DPHUB_REGULAR_PROVIDER_PAYMENTS; "-" turns it off). db-scheduler runs a recurring task on one
 * instance at a time; each instalment's key ("regular:{id}:{n}") covers the rest.
 */
@Configuration(proxyBeanMethods = false)
class RegularPaymentJob {

    static final String SETTING = "${dphub.directory.regular-payments:0 30 6 * * *}";

    @Bean
    @ConditionalOnExpression("'" + SETTING + "' != '-'")
    RecurringTask<Void> regularProviderPaymentsTask(RegularPayments payments, @Value(SETTING) String cron) {
        return Tasks.recurring("regular-provider-payments", Schedules.cron(cron, ZoneId.of("Europe/London")))
                .execute((instance, context) -> payments.chargeDue(payments.today()));
    }
}
