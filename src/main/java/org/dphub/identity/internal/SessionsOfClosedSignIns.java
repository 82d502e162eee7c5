package org.dphub.identity.internal;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Once an erasure has closed someone's sign-in, or staff have given them a new temporary password,
 * every session they still had open ends: a phone left signed in does not go on showing the erased
 * person's pages until it times out, nor a lost one the pages of someone whose password was replaced.
 * After the commit, so a step refused or rolled back leaves everyone signed in; the page that erased
 * a PA at their own asking has ended that session already.
 *
 * <p>Not a module event: Spring Modulith keeps every event it delivers in {@code event_publication},
 * and these name the people being erased (the usernames their sessions are found by). A failure here
 * is logged, not thrown: the erasure is committed by then, and the sessions end at their time-out.
 */
@Component
public class SessionsOfClosedSignIns {

    private static final Logger log = LoggerFactory.getLogger(SessionsOfClosedSignIns.class);

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SessionsOfClosedSignIns(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** Ends the sessions signed in under these usernames once the current transaction commits (at once without one). */
    public void endAfterCommit(List<String> usernames) {
        List<String> names = List.copyOf(usernames);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            end(names);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                end(names);
            }
        });
    }

    private void end(List<String> usernames) {
        int ended = 0;
        try {
            for (String username : usernames) {
                for (String id : sessions.findByPrincipalName(username).keySet()) {
                    sessions.deleteById(id);
                    ended++;
                }
            }
            log.info("Sign-ins closed or passwords replaced: {} sessions ended", ended);
        } catch (RuntimeException e) {
            log.warn("Sign-ins closed or passwords replaced: {} sessions ended, the rest end at their time-out ({})", ended, e.toString());
        }
    }
}
