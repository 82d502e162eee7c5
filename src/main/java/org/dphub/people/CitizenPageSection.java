package org.dphub.people;

import java.util.Map;
import org.dphub.shared.SignedInUser;

/**
 * A section another module adds to a person's page (their plans, their direct payments). The
 * person's page is the hub that later modules contribute to, while {@code people} stays below them:
 * they depend on people, never the other way round (no module cycle).
 */
public interface CitizenPageSection {

    /** What to show for this person to this viewer, who may see the person. */
    Section section(SignedInUser viewer, Citizen citizen);

    /**
     * A Thymeleaf fragment ({@code template :: selector}) and the values it reads. Name the values
     * after the module ("plansSection...") so two sections never overwrite each other's.
     */
    record Section(String template, String selector, Map<String, Object> values) {
    }
}
