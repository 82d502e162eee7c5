package org.dphub.plans;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.dphub.shared.Postcode;

/**
 * What the community directory offers a plan: the outcomes and needs (taxonomy terms) a plan's
 * outcomes can be tagged with, and services near a person that serve them. The directory module
 * implements it; plans only knows this interface, so the dependency runs one way (directory on plans),
 * as {@code web.HomeContribution} does for the home page. With no directory, plans works untagged.
 */
public interface OutcomeDirectory {

    /** A term to tag an outcome with, in the reader's language. */
    record Term(UUID id, String group, String name) {
    }

    /** A service near the person, with why it is there ("Near you: 2.3 km") and its page. */
    record NearbyService(String name, String href, String why) {
    }

    /** Services for one outcome: a few nearest, how many in all, and the search that lists them all. */
    record Nearby(List<NearbyService> services, long total, String searchHref) {
    }

    List<Term> terms(Locale locale);

    Set<UUID> termIds();

    /** Published services near the postcode (within the directory's usual distance) serving any of the terms. */
    Nearby servicesNear(Postcode postcode, List<UUID> termIds, int limit, Locale locale);

    /** The public search for the terms near the postcode (either may be missing). */
    String searchHref(Postcode postcode, List<UUID> termIds);
}
