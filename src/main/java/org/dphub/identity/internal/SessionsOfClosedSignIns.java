package org.dphub.identity.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Once an erasure has closed someone's sign-in, every session they still had open ends: a phone left
 * signed in does not go on showing the erased person's pages until it times out. After the commit, so
 * an erasure refused or rolled back leaves everyone signed in; the page that erased a PA at their own
 * asking has ended that session already.
 */
@Component
class SessionsOfClosedSignIns {

    private static final Logger log = LoggerFactory.getLogger(SessionsOfClosedSignIns.class);

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SessionsOfClosedSignIns(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    @ApplicationModuleListener
    void on(SignInsClosed closed) {
        int ended = 0;
        for (String username : closed.usernames()) {
            for (String id : sessions.findByPrincipalName(username).keySet()) {
                sessions.deleteById(id);
                ended++;
            }
        }
        log.info("Sign-ins closed by an erasure: {} sessions ended", ended);
    }
}
