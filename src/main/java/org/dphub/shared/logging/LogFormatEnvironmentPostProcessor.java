package org.dphub.shared.logging;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code DPHUB_LOG_FORMAT=json} switches console logs to structured JSON (Elastic Common Schema),
 * for log collectors; anything else keeps the readable default.
 */
public class LogFormatEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String format = environment.getProperty("dphub.log-format", environment.getProperty("DPHUB_LOG_FORMAT", "text"));
        if ("json".equalsIgnoreCase(format.strip())) {
            environment.getPropertySources().addFirst(
                    new MapPropertySource("dphubLogFormat", Map.of("logging.structured.format.console", "ecs")));
        }
    }
}
