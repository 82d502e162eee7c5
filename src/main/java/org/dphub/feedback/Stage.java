package org.dphub.feedback;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The stages of a direct payment the survey asks about, in the order a person meets them. */
public enum Stage {
    PLANNING, GETTING_THE_MONEY, FINDING_SUPPORT, EMPLOYING, MONITORING, REVIEWS;

    /** "getting-the-money": the stage in field names, addresses and message keys. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static Optional<Stage> ofKey(String key) {
        return Arrays.stream(values()).filter(s -> s.key().equals(key)).findFirst();
    }
}
