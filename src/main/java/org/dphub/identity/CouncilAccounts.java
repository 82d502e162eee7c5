package org.dphub.identity;

import java.util.List;
import java.util.Optional;
import org.dphub.councils.Council;
import org.dphub.councils.Councils;
import org.springframework.stereotype.Service;

/**
 * Signing in with a council account (issue 17), for the sign-in pages: which councils offer it,
 * whether a council's provider can be used right now, and what a refusal was.
 */
@Service
public class CouncilAccounts {

    /** Whether a council's staff can be sent to its provider now. */
    public enum Availability {
        AVAILABLE,
        /** the council has not set up single sign-on (or there is no such council) */
        NOT_SET_UP,
        /** set up, but the secret is not on this server or the provider cannot be reached */
        NOT_WORKING
    }

    /** A refused council account, as the refusal page says it: the council and the reason (see {@link CouncilAccountSignIn.Refusal}). */
    public record Refused(Council council, String reason, List<String> groups) {
    }

    private final Councils councils;
    private final CouncilClientRegistrations registrations;

    CouncilAccounts(Councils councils, CouncilClientRegistrations registrations) {
        this.councils = councils;
        this.registrations = registrations;
    }

    public List<Council> offered() {
        return councils.withSingleSignOn();
    }

    public Availability availability(String councilCode) {
        CouncilClientRegistrations.Check check = registrations.check(councilCode);
        if (check.registration().isPresent()) {
            return Availability.AVAILABLE;
        }
        return check.problem() == CouncilClientRegistrations.Unavailable.NOT_SET_UP ? Availability.NOT_SET_UP : Availability.NOT_WORKING;
    }

    /**
     * The refusal noted in this session by the last council sign-in, if any, with the council's
     * groups that give a role when the reason is that the person is in none of them.
     */
    public Optional<Refused> refusal(Object sessionValue) {
        if (!(sessionValue instanceof CouncilAccountSignIn.RefusalDetails details)) {
            return Optional.empty();
        }
        return councils.findByCode(details.councilCode()).map(council -> new Refused(council, details.reason().code,
                details.reason() == CouncilAccountSignIn.Refusal.NO_KNOWN_GROUP
                        ? councils.singleSignOn(council.id()).map(v -> List.copyOf(v.settings().groups())).orElse(List.of())
                        : List.of()));
    }

    /**
     * Whether this sign-in came through the council's provider. Such a session cannot set a dphub
     * password: an account made by single sign-on would otherwise get a way in that the council's
     * groups no longer decide (a member of staff with a password changes it after signing in with it).
     */
    public static boolean signedInWithCouncilAccount(org.springframework.security.core.Authentication authentication) {
        return authentication != null && authentication.getPrincipal() instanceof CouncilAccountUser;
    }

    /** The name of the session attribute a refusal is noted in. */
    public static final String REFUSAL_ATTRIBUTE = CouncilAccountSignIn.REFUSAL;
}
