package org.dphub.marketplace;

import java.util.Locale;

/**
 * Interests people often name, offered as suggestions; any lower-case tag is allowed
 * ({@link #TAG}). A suggested tag reads as the message {@code interest.<NAME>}.
 */
public enum Interest {
    FOOTBALL, RUGBY, MUSIC, GAMING, ART, CRAFTS, FAITH_GROUPS, WALKING, GARDENING, COOKING, READING,
    CINEMA, SWIMMING, GYM, ANIMALS, FISHING, THEATRE, TECHNOLOGY, HISTORY, DANCING;

    /** A tag: lower-case letters, digits and hyphens, starting with a letter, at most 40 characters. */
    public static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile("^[a-z][a-z0-9-]{0,39}$");

    /** "faith-groups" */
    public String tag() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The message key for a tag: {@code interest.FAITH_GROUPS} for "faith-groups". */
    public static String messageKey(String tag) {
        return "interest." + tag.toUpperCase(Locale.ROOT).replace('-', '_');
    }
}
