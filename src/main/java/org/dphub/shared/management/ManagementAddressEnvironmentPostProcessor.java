package org.dphub.shared.management;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A management port of its own ({@code DPHUB_MANAGEMENT_PORT}, or Spring's
 * {@code management.server.port}) listens on this machine only — {@code DPHUB_MANAGEMENT_ADDRESS},
 * 127.0.0.1 by default — unless {@code management.server.address} is given. Spring Boot refuses an
 * address without a port of its own, so the address is only set when there is one.
 */
public class ManagementAddressEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String port = environment.getProperty("management.server.port", "").strip();
        if (port.isEmpty() || port.equals("-1") || port.equals(environment.getProperty("server.port", "8080").strip())
                || environment.containsProperty("management.server.address")) {
            return; // no port of its own (actuator is on the app's port, or off), or an address was chosen
        }
        environment.getPropertySources().addLast(new MapPropertySource("dphubManagementAddress",
                Map.of("management.server.address", environment.getProperty("dphub.management-address", "127.0.0.1"))));
    }
}
