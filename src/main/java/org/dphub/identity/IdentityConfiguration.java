package org.dphub.identity;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.AuthenticationConverter;

@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    /** bcrypt by default, behind the delegating encoder so hashes can be upgraded later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Passwords (throttled) and API keys, each checked by its own provider. */
    @Bean
    AuthenticationProvider signInAuthenticationProvider(SignInUserDetailsService users, PasswordEncoder encoder,
                                                        SignInThrottle throttle, ApiKeys keys) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        return new SignInProviders(new ThrottledAuthenticationProvider(passwords, throttle), new ApiKeyAuthenticationProvider(keys));
    }

    /** Reads {@code Authorization: Bearer dphub_…} for the API chain (web.SecurityConfiguration). */
    @Bean
    AuthenticationConverter apiKeyConverter() {
        return new ApiKeyAuthenticationProvider.BearerKeys();
    }

    /** Hourly, on one instance only (db-scheduler coordinates through the database). */
    @Bean
    RecurringTask<Void> forgetOldSignInFailures(SignInThrottle throttle, OneTimeCodeThrottle codes) {
        return Tasks.recurring("forget-old-sign-in-failures", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> {
                    throttle.forgetOldFailures();
                    codes.forgetOldFailures();
                });
    }
}
