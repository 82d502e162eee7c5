package org.dphub.shared.database;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.CompletedEventPublications;

/**
 * Spring Modulith keeps every module event it has delivered in {@code event_publication}, whole:
 * some name people (an approved payroll names each PA paid), and none is needed once delivered
 * (those not yet delivered are kept, to be sent again). Daily (cron in UK time,
 * {@code DPHUB_EVENTS_PURGE}; "-" turns it off) this deletes those delivered more than
 * {@code DPHUB_EVENTS_KEEP_COMPLETED} ago (7 days): the table does not grow for ever, and an
 * erasure or the retention job is not undone by a copy of a name kept there (issue 17).
 */
@Configuration(proxyBeanMethods = false)
class CompletedEventsPurge {

    private static final Logger log = LoggerFactory.getLogger(CompletedEventsPurge.class);
    static final ZoneId UK = ZoneId.of("Europe/London");

    @Bean
    @ConditionalOnExpression("'${dphub.events.purge-job:0 15 3 * * *}' != '-'")
    RecurringTask<Void> completedEventsPurgeTask(CompletedEventPublications completed,
                                                 @Value("${dphub.events.purge-job:0 15 3 * * *}") String cron,
                                                 @Value("${dphub.events.keep-completed:7d}") Duration keep) {
        if (keep.isNegative() || keep.compareTo(Duration.ofDays(366)) > 0) {
            throw new IllegalArgumentException("DPHUB_EVENTS_KEEP_COMPLETED is " + keep + ": set it from 0 to 366d (for example 7d), "
                    + "how long a delivered module event is kept");
        }
        return Tasks.recurring("completed-events-purge", Schedules.cron(cron, UK)).execute((instance, context) -> purge(completed, keep));
    }

    /** Deletes the events delivered more than {@code keep} ago. */
    static void purge(CompletedEventPublications completed, Duration keep) {
        completed.deletePublicationsOlderThan(keep);
        log.info("Delivered module events older than {} deleted", keep);
    }
}
