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

@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    /** bcrypt by default, behind the delegating encoder so hashes can be upgraded later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    AuthenticationProvider signInAuthenticationProvider(SignInUserDetailsService users, PasswordEncoder encoder,
                                                        SignInThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        return new ThrottledAuthenticationProvider(passwords, throttle);
    }

    /**
     * API keys (Authorization: Bearer dphub_…): the provider that checks them, and the converter
     * the API chain uses to read the header, in one bean.
     */
    @Bean
    ApiKeyAuthenticationProvider apiKeyAuthentication(ApiKeys keys) {
        return new ApiKeyAuthenticationProvider(keys);
    }

    /** Hourly, on one instance only (db-scheduler coordinates through the database). */
    @Bean
    RecurringTask<Void> forgetOldSignInFailures(SignInThrottle throttle) {
        return Tasks.recurring("forget-old-sign-in-failures", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> throttle.forgetOldFailures());
    }
}
