package org.dphub.audit;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Implemented by the identity module: the names of the people who make changes. */
public interface AuditActors {

    /** The display name of each of these usernames that exists ("Priya Shah"). */
    Map<String, String> displayNames(Collection<String> usernames);

    /** The council's staff, by name, to choose whose changes to see. */
    List<Actor> staff(long councilId);

    record Actor(String username, String displayName) {
    }
}
