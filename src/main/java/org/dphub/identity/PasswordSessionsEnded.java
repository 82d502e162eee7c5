package org.dphub.identity;

import org.dphub.councils.Councils;
import org.dphub.councils.StaffPasswordsTurnedOff;
import org.dphub.identity.internal.UserRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Once a council says its staff must use their council account (issue 17), the sessions its staff
 * signed in to with a password end at once: their next page asks them to sign in, and the sign-in
 * page sends them to the council's provider. Sessions from the council's account, and the
 * administrators' (who keep their password), go on. Without this, a password session open when the
 * setting was turned on would last as long as it was used.
 */
@Component
class PasswordSessionsEnded {

    private static final Logger log = LoggerFactory.getLogger(PasswordSessionsEnded.class);

    private final UserRepository users;
    private final Councils councils;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    PasswordSessionsEnded(UserRepository users, Councils councils, FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.users = users;
        this.councils = councils;
        this.sessions = sessions;
    }

    @ApplicationModuleListener
    void on(StaffPasswordsTurnedOff turnedOff) {
        var settings = councils.singleSignOn(turnedOff.councilId()).map(s -> s.settings());
        if (settings.isEmpty()) {
            return; // removed again since
        }
        int ended = 0;
        for (UserRepository.StoredUser user : users.staffOf(turnedOff.councilId())) {
            if (!settings.get().refusesPasswordOf(user.roles())) {
                continue;
            }
            for (var session : sessions.findByPrincipalName(user.username()).entrySet()) {
                if (!fromCouncilAccount(session.getValue())) {
                    sessions.deleteById(session.getKey());
                    ended++;
                }
            }
        }
        log.info("Staff passwords turned off for council {}: {} password sessions ended", turnedOff.councilId(), ended);
    }

    private static boolean fromCouncilAccount(Session session) {
        Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        return context instanceof SecurityContext security && security.getAuthentication() instanceof OAuth2AuthenticationToken;
    }
}
