package org.dphub.payments;

import java.util.Map;
import org.dphub.people.Citizen;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.Reads;

/**
 * A section another module adds to "Your money" for each person (requests for payment from
 * providers, issue 15). Modules above payments contribute it, so payments never depends on them.
 */
public interface MyMoneySection {

    /** What to show about this person to this viewer (the person or their representative); null for nothing. */
    Section section(SignedInUser viewer, Citizen citizen);

    /**
     * What {@link #section} will read for this person, to send with the page's other reads (a round
     * trip for each step, not one for each query); nothing by default, so it is read as it is needed.
     */
    default void readAhead(SignedInUser viewer, Citizen citizen, Reads.Together reads) {
    }

    /** A Thymeleaf fragment ({@code template :: selector}) and the values it reads, named after the module. */
    record Section(String template, String selector, Map<String, Object> values) {
    }
}
