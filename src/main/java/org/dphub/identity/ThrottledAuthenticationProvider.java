package org.dphub.identity;

import java.time.Duration;
import java.util.Optional;
import org.dphub.identity.internal.UserRepository;
import org.dphub.shared.SignedInUser;
import org.dphub.web.CouncilAccountRequired;
import org.dphub.web.TooManyFailedSignInsFromAddress;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Username-and-password sign-in (form and HTTP Basic alike) with throttling: a locked account
 * is refused before the password is even checked. A right password of a member of staff whose
 * council has turned staff passwords off (issue 17) is refused after the check, with
 * {@link CouncilAccountRequired}: only someone who knows the password learns that the account is
 * such a member of staff, and the password then opens nothing. A right temporary password given
 * longer ago than {@code DPHUB_TEMPORARY_PASSWORD_LIFETIME} is refused the same way, with
 * {@link CredentialsExpiredException}. A client address that has made too many failed sign-ins within
 * the lockout period, whatever the usernames, is refused before anything is checked, with
 * {@link TooManyFailedSignInsFromAddress}.
 */
class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final SignInThrottle throttle;
    private final PasswordsForStaff staffPasswords;
    private final UserRepository users;
    private final Duration temporaryPasswordLifetime;

    ThrottledAuthenticationProvider(DaoAuthenticationProvider passwords, SignInThrottle throttle, PasswordsForStaff staffPasswords,
                                    UserRepository users, Duration temporaryPasswordLifetime) {
        this.passwords = passwords;
        this.throttle = throttle;
        this.staffPasswords = staffPasswords;
        this.users = users;
        this.temporaryPasswordLifetime = temporaryPasswordLifetime;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        // the address the attempt came from (behind a trusted proxy, the one it forwards): null for none
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        if (throttle.isBlocked(address)) {
            throw new TooManyFailedSignInsFromAddress();
        }
        if (throttle.isLocked(username)) {
            throw new LockedException("Too many failed sign-in attempts");
        }
        try {
            Authentication result = passwords.authenticate(authentication);
            throttle.recordSuccess(username);
            if (result.getPrincipal() instanceof SignedInUser.Holder holder) {
                Optional<String> council = staffPasswords.councilAccountRequired(holder.signedInUser());
                if (council.isPresent()) {
                    throw new CouncilAccountRequired(council.get());
                }
                // ASVS 2.3.1: a temporary password works for a while only; then staff give another
                if (holder.signedInUser().mustChangePassword()
                        && users.temporaryPasswordOlderThan(holder.signedInUser().userId(), temporaryPasswordLifetime)) {
                    throw new CredentialsExpiredException("The temporary password is older than " + temporaryPasswordLifetime);
                }
            }
            return result;
        } catch (BadCredentialsException e) {
            boolean locked = throttle.recordFailure(username);
            boolean blocked = throttle.recordFailureFrom(address);
            if (locked) {
                throw new LockedException("Too many failed sign-in attempts", e);
            }
            if (blocked) {
                throw new TooManyFailedSignInsFromAddress();
            }
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
