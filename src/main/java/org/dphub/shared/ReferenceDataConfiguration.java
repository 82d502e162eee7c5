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

    /** One clock for the whole application, so tests can fix "today". */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
