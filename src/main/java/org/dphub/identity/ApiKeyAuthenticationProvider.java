package org.dphub.identity;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Lets an API request in with {@code Authorization: Bearer dphub_…} as the key's owner: asks
 * {@link ApiKeys}, and an unknown, revoked or expired key, or a key of a switched-off account, is
 * a {@link BadCredentialsException} (401). No password is hashed on this path. The password
 * throttle is not consulted: a key cannot be guessed, and a stranger typing wrong passwords for
 * someone's username must not be able to stop that person's integrations.
 */
final class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    private final ApiKeys keys;

    ApiKeyAuthenticationProvider(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String presented = ((ApiKeyAuthentication) authentication).presentedKey();
        return keys.authenticate(presented)
                .map(user -> ApiKeyAuthentication.of(new SignInUserDetails(user, null, true)))
                .orElseThrow(() -> new BadCredentialsException("Unknown, revoked or expired API key"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiKeyAuthentication.class.isAssignableFrom(authentication);
    }

    /** Reads the header for the API chain; nothing to do without one, so HTTP Basic comes next. */
    static final class BearerKeys implements AuthenticationConverter {

        private static final String BEARER = "Bearer ";

        @Override
        public Authentication convert(HttpServletRequest request) {
            String header = request.getHeader(HttpHeaders.AUTHORIZATION);
            if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                return null;
            }
            return ApiKeyAuthentication.presented(header.substring(BEARER.length()).strip());
        }
    }
}
