package org.dphub.shared;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ReferenceDataConfiguration {

    @Bean
    PostcodeDirectory postcodeDirectory() {
        return PostcodeDirectory.fromClasspath();
    }

    /**
     * One clock for the whole application, so tests can fix "today"; in UK time, so that a day is
     * the UK's day (a due date, a timesheet's day, "today" on a page) on a server that keeps UTC,
     * as most do: otherwise from midnight to one in the morning in summer it would be yesterday.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(java.time.ZoneId.of("Europe/London"));
    }
}
