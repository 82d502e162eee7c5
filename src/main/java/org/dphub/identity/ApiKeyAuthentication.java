package org.dphub.identity;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;

/**
 * An API request's {@code Authorization: Bearer …}: first the key as presented (not yet trusted),
 * then, once {@link ApiKeyAuthenticationProvider} has found its live owner, the owner as principal
 * with the key dropped. Nothing here is kept in a session: the API chain is stateless.
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    private final transient String presentedKey;
    private final SignInUserDetails owner;

    private ApiKeyAuthentication(String presentedKey, SignInUserDetails owner, java.util.Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.presentedKey = presentedKey;
        this.owner = owner;
        setAuthenticated(owner != null);
    }

    static ApiKeyAuthentication presented(String key) {
        return new ApiKeyAuthentication(key, null, List.of());
    }

    static ApiKeyAuthentication of(SignInUserDetails owner) {
        return new ApiKeyAuthentication(null, owner, owner.getAuthorities());
    }

    String presentedKey() {
        return presentedKey;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Object getPrincipal() {
        return owner;
    }

    /** Whether this request came in with an API key rather than a password. */
    static boolean isCurrent() {
        return org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication()
                instanceof ApiKeyAuthentication;
    }
}
