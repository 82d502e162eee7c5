package org.dphub.peersupport;

import java.util.Arrays;
import java.util.Locale;

/** How a board's questions are listed. */
public enum ListView {
    NEWEST, UNANSWERED, HELPFUL;

    /** "unanswered" → UNANSWERED; anything else is the newest first. */
    public static ListView of(String text) {
        return Arrays.stream(values()).filter(v -> v.name().equalsIgnoreCase(text == null ? "" : text.strip()))
                .findFirst().orElse(NEWEST);
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
