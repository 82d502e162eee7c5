package org.dphub.shared.database;

import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Each app instance's name in db-scheduler's table ({@code scheduled_tasks.picked_by}): which
 * instance is running a job. db-scheduler's own default is the host's name, the same for two
 * instances on one machine, so the default here adds the process id. {@code DPHUB_INSTANCE_NAME}
 * sets it (bin/cluster names its instances app1 and app2).
 */
@Configuration(proxyBeanMethods = false)
class SchedulerInstanceName {

    @Bean
    DbSchedulerCustomizer dbSchedulerInstanceName(@Value("${dphub.instance-name:}") String configured) {
        String name = configured == null || configured.isBlank()
                ? new SchedulerName.Hostname().getName() + "-" + ProcessHandle.current().pid()
                : configured.strip();
        return new DbSchedulerCustomizer() {
            @Override
            public Optional<SchedulerName> schedulerName() {
                return Optional.of(new SchedulerName.Fixed(name));
            }
        };
    }
}
