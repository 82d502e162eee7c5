package org.dphub.identity;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.dphub.shared.SignedInUser;
import org.dphub.web.SecurityLog;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Service;

/**
 * Where a person is signed in (issue 17, ASVS 3.3.4): their sessions, on whichever instance, each
 * with when it began, when it was last used and the device it was signed in from, and a way to end
 * every one but the one in use. Only ever the signed-in person's own: found by the name they signed
 * in with. A session's id is never shown or taken from a form.
 */
@Service
public class SignedInSessions {

    /** The session attribute naming the device a session was signed in from (set at signing in by {@link SignInEvents}). */
    static final String DEVICE = "dphub.device";

    /** One session: this device or another, its start, its last recorded use (at most a minute old), and the device. */
    public record SignedInSession(boolean thisDevice, Instant signedInAt, Instant lastUsedAt, Device device) {
    }

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    SignedInSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    /** The person's sessions, this device's first, then the most recently used. */
    public List<SignedInSession> of(SignedInUser user, String currentSessionId) {
        return mine(user).entrySet().stream()
                .map(e -> new SignedInSession(e.getKey().equals(currentSessionId), e.getValue().getCreationTime(),
                        e.getValue().getLastAccessedTime(), e.getValue().getAttribute(DEVICE) instanceof Device device ? device : Device.UNKNOWN))
                .sorted(Comparator.comparing((SignedInSession s) -> !s.thisDevice())
                        .thenComparing(SignedInSession::lastUsedAt, Comparator.reverseOrder()))
                .toList();
    }

    /** Ends every session of the person but the one in use; returns how many it ended. */
    public int endAllBut(SignedInUser user, String currentSessionId) {
        int ended = 0;
        for (String id : mine(user).keySet()) {
            if (!id.equals(currentSessionId)) {
                sessions.deleteById(id);
                ended++;
            }
        }
        SecurityLog.info("sessions-ended", "reason=signed-out-elsewhere user=" + SecurityLog.clean(user.username()) + " sessions=" + ended);
        return ended;
    }

    private Map<String, ? extends Session> mine(SignedInUser user) {
        return sessions.findByPrincipalName(user.username());
    }
}
