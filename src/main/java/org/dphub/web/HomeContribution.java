package org.dphub.web;

import java.util.List;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.Reads;

/**
 * What a module adds to the signed-in person's home page: the people a citizen or representative
 * sees, facts and things to do for each, and the counts of a staff member's work queue.
 *
 * <p>{@code web} sits below every module, so the home page cannot call them; instead each module
 * contributes from its own {@code web} package (as {@code people.CitizenPageSection} does for a
 * person's page) and {@code HomePage} shows what it is given, in order. The dependency stays one-way.
 *
 * <p>Every sign-in lands here, so keep it fast: for staff, counts from set-based SQL filtered by
 * the council, never lists of the council's records; for a citizen or representative, the few
 * people they are or act for.
 */
public interface HomeContribution {

    /**
     * The reads {@link #itemsFor} will make for this person, added to be sent with every module's in
     * one round trip before any module is asked for its items (docs/PERFORMANCE.md). Each is one of
     * the reads {@code itemsFor} makes, as the module's public face names it, so {@code itemsFor}
     * then finds its answer kept; a read not added here is simply made there, as before.
     */
    default void readAhead(SignedInUser user, Reads.Together reads) {
    }

    /** What to show this person; nothing (an empty list) when the module has nothing for them. */
    List<HomeItem> itemsFor(SignedInUser user);
}
