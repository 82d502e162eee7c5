package org.dphub.identity;

import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderNotFoundException;
import org.springframework.security.core.Authentication;

/**
 * Identity's one {@link AuthenticationProvider} bean: each kind of credentials goes to the one
 * provider that checks it — a username and password to the throttled password check, an API key
 * to the key check, the code a council's OpenID Connect provider sends staff back with to Spring's
 * OIDC check and then {@link CouncilAccountSignIn}. One bean, so no other provider (nor Spring's unthrottled default) can be
 * configured beside it by accident.
 */
final class SignInProviders implements AuthenticationProvider {

    private final List<AuthenticationProvider> providers;

    SignInProviders(AuthenticationProvider... providers) {
        this.providers = List.of(providers);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        return providers.stream().filter(p -> p.supports(authentication.getClass())).findFirst()
                .orElseThrow(() -> new ProviderNotFoundException("No check for " + authentication.getClass().getSimpleName()))
                .authenticate(authentication);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return providers.stream().anyMatch(p -> p.supports(authentication));
    }
}
