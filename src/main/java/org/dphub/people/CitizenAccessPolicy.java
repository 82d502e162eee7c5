package org.dphub.people;

import java.util.Collection;
import org.dphub.identity.UserAccounts.CitizenAccess;
import org.dphub.shared.SignedInUser;

/**
 * Who may see a citizen's records: staff of the citizen's own council, the citizen themself,
 * and the people recorded as acting for them. Nobody else — not staff of another council, not
 * a PA, not a provider.
 */
public final class CitizenAccessPolicy {

    private CitizenAccessPolicy() {
    }

    public static boolean maySee(SignedInUser user, long citizenId, long citizenCouncilId,
                                 Collection<CitizenAccess> userAccess) {
        if (user.isStaffOf(citizenCouncilId)) {
            return true;
        }
        return userAccess.stream().anyMatch(a -> a.citizenId() == citizenId && a.councilId() == citizenCouncilId);
    }
}
