package org.dphub.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.dphub.shared.SignedInUser;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * The security principal of a member of staff signed in with their council's provider (issue 17):
 * the ID token and user info as Spring Security keeps them, and the dphub account they are. Its
 * name is the dphub username (the audit trail names people by it), not the provider's subject.
 * Kept in the session (PostgreSQL), so serializable.
 */
final class CouncilAccountUser extends DefaultOidcUser implements SignedInUser.Holder {

    private static final long serialVersionUID = 1L;

    private final SignedInUser user;

    CouncilAccountUser(SignedInUser user, OidcIdToken idToken, OidcUserInfo userInfo) {
        super(authorities(user), idToken, userInfo);
        this.user = user;
    }

    /** The same authorities as a password sign-in gives: each role, and STAFF for council staff. */
    static Collection<GrantedAuthority> authorities(SignedInUser user) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        user.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority(role.authority())));
        if (user.isStaff()) {
            authorities.add(new SimpleGrantedAuthority("ROLE_STAFF"));
        }
        return authorities;
    }

    @Override
    public SignedInUser signedInUser() {
        return user;
    }

    @Override
    public String getName() {
        return user.username();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CouncilAccountUser that && super.equals(that) && user.equals(that.user);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + user.hashCode();
    }
}
