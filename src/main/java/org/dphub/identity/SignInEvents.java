package org.dphub.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.dphub.web.CouncilAccountRequired;
import org.dphub.web.SecurityLog;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Sign-ins and refused sign-ins, on the security log (issue 17, ASVS 7.1.3, 7.2.1): a person signing
 * in on the site ({@code event=sign-in}, by password or council account; a one-time code, where
 * asked for, follows and is in the audit trail as {@code one_time_codes}), and every refused attempt,
 * on the site or the API ({@code event=sign-in-refused}: a wrong password, a locked username — with
 * {@code reason=locked-now} at the failure that locks it — an unknown or revoked API key, a password
 * of staff who must use their council account, a council account refused). A name typed that is no
 * account's is not written (it is often a password typed in the wrong box): {@code user=?}. API
 * calls that succeed are not logged one by one.
 */
@Component
class SignInEvents {

    private final UserAccounts accounts;

    SignInEvents(UserAccounts accounts) {
        this.accounts = accounts;
    }

    /**
     * Logs the sign-in, and keeps in the new session the device it was made from, for "Where you are
     * signed in" ({@link SignedInSessions}).
     */
    @EventListener
    void signedIn(InteractiveAuthenticationSuccessEvent event) {
        Authentication who = event.getAuthentication();
        SecurityLog.info("sign-in", "by=" + by(who) + " user=" + SecurityLog.who(who));
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            HttpServletRequest request = servlet.getRequest();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.setAttribute(SignedInSessions.DEVICE, Device.from(request.getHeader("User-Agent")));
            }
        }
    }

    @EventListener
    void refused(AbstractAuthenticationFailureEvent event) {
        Authentication attempt = event.getAuthentication();
        Exception e = event.getException();
        String reason = e instanceof org.dphub.web.TooManyFailedSignInsFromAddress ? "too-many-from-address"
                : e instanceof LockedException ? (e.getCause() != null ? "locked-now" : "locked")
                : e instanceof CouncilAccountRequired ? "council-account-required"
                : e instanceof org.springframework.security.authentication.CredentialsExpiredException ? "temporary-password-expired"
                : attempt instanceof ApiKeyAuthentication ? "unknown-api-key"
                : "wrong-password";
        String user = "-";
        if (attempt instanceof UsernamePasswordAuthenticationToken) {
            String typed = attempt.getName();
            user = typed != null && accounts.findByUsername(typed).isPresent() ? SecurityLog.clean(typed) : "?";
        } else if (attempt instanceof OAuth2LoginAuthenticationToken) {
            reason = "council-account-refused" + (e instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException oauth
                    ? " code=" + SecurityLog.clean(oauth.getError().getErrorCode()) : "");
        }
        SecurityLog.warn("sign-in-refused", "by=" + by(attempt) + " reason=" + reason + " user=" + user);
    }

    private static String by(Authentication authentication) {
        return authentication instanceof ApiKeyAuthentication ? "api-key"
                : authentication instanceof OAuth2LoginAuthenticationToken
                        || authentication instanceof org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken
                        ? "council-account" : "password";
    }
}
