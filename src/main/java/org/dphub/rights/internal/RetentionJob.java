package org.dphub.rights.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import org.dphub.rights.PersonalDataRights;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The retention job (issue 17): daily, it anonymises the money records kept at erasure once the
 * retention time has passed since the person's last direct payment ended (cron in UK time,
 * DPHUB_RIGHTS_RETENTION; "-" turns it off). db-scheduler runs a recurring task on one instance
 * at a time, and each person's step is recorded once (unique per person and step). Before that it
 * tries again the erasures of PAs with no council that a restore undid and that were refused when
 * dphub started ({@link UndoneErasuresAtStart}).
 */
@Configuration(proxyBeanMethods = false)
class RetentionJob {

    static final ZoneId UK = ZoneId.of("Europe/London");

    @Bean
    @ConditionalOnExpression("'${dphub.rights.retention-job:0 30 2 * * *}' != '-'")
    RecurringTask<Void> personalDataRetentionTask(PersonalDataRights rights, Clock clock,
                                                  @Value("${dphub.rights.retention-job:0 30 2 * * *}") String cron) {
        return Tasks.recurring("personal-data-retention", Schedules.cron(cron, UK))
                .execute((instance, context) -> {
                    // a restore's undone erasure of a PA that was refused at start-up (still employed then) is tried again
                    rights.carryOutAgainWhatPasDidThemselves();
                    rights.applyRetention(LocalDate.now(clock.withZone(UK)));
                });
    }
}
