package org.dphub.identity;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Duration;
import org.dphub.councils.Councils;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.web.authentication.AuthenticationConverter;

@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    /** bcrypt by default, behind the delegating encoder so hashes can be upgraded later. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * Passwords (throttled), API keys, and the code a council's OpenID Connect provider sends staff
     * back with (issue 17: exchanged for tokens, the ID token checked, then {@link CouncilAccountSignIn}),
     * each checked by its own provider.
     */
    @Bean
    AuthenticationProvider signInAuthenticationProvider(SignInUserDetailsService users, PasswordEncoder encoder,
                                                        SignInThrottle throttle, ApiKeys keys, CouncilAccountSignIn councilAccounts,
                                                        PasswordsForStaff staffPasswords, org.dphub.identity.internal.UserRepository userRepository,
                                                        UserAccounts accounts) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        OidcAuthorizationCodeAuthenticationProvider councilAccount = new OidcAuthorizationCodeAuthenticationProvider(
                new RestClientAuthorizationCodeTokenResponseClient(), councilAccounts);
        return new SignInProviders(new ThrottledAuthenticationProvider(passwords, throttle, staffPasswords, userRepository,
                accounts.temporaryPasswordLifetime()), new ApiKeyAuthenticationProvider(keys),
                councilAccount);
    }

    /**
     * The breached-password check of new passwords ({@code DPHUB_BREACHED_PASSWORDS_URL}, empty: off);
     * a value that is not an http(s) address ending in {@code /} stops the start.
     */
    @Bean
    BreachedPasswords breachedPasswords(@Value("${dphub.sign-in.breached-passwords-url:}") String url) {
        String trimmed = url.strip();
        if (!trimmed.isEmpty() && !trimmed.matches("https?://[^\\s?#]+/")) {
            throw new IllegalArgumentException("DPHUB_BREACHED_PASSWORDS_URL is " + trimmed
                    + ": set it to the Pwned Passwords range address ending in /, for example https://api.pwnedpasswords.com/range/, or leave it empty");
        }
        BreachedPasswords breached = new BreachedPasswords(trimmed);
        if (breached.on()) {
            // the council's IT team sees from the log that new passwords are sent (as 5 characters of a hash) to this service
            LoggerFactory.getLogger(IdentityConfiguration.class).info(
                    "New passwords are also checked against the breached passwords at {} (the first 5 characters of each one's SHA-1 are sent)",
                    trimmed);
        }
        return breached;
    }

    /** Each council's provider, as its administrator set it in the council's settings (the registration id is the council's code). */
    @Bean
    CouncilClientRegistrations councilClientRegistrations(Councils councils, Environment environment,
                                                          @Value("${dphub.single-sign-on.local-issuers:false}") boolean localIssuers) {
        return new CouncilClientRegistrations(councils, environment, localIssuers);
    }

    /** Reads {@code Authorization: Bearer dphub_…} for the API chain (web.SecurityConfiguration). */
    @Bean
    AuthenticationConverter apiKeyConverter() {
        return new ApiKeyAuthenticationProvider.BearerKeys();
    }

    /** Hourly, on one instance only (db-scheduler coordinates through the database); also forgets dead password reset links. */
    @Bean
    RecurringTask<Void> forgetOldSignInFailures(SignInThrottle throttle, OneTimeCodeThrottle codes, PasswordResets resets) {
        return Tasks.recurring("forget-old-sign-in-failures", FixedDelay.of(Duration.ofHours(1)))
                .execute((instance, context) -> {
                    throttle.forgetOldFailures();
                    codes.forgetOldFailures();
                    resets.forgetOldLinks();
                });
    }
}
