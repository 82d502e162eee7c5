package org.dphub.marketplace;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Languages a PA speaks or signs. The API uses {@link #code()} (ISO 639-1, and "bsl" for British
 * Sign Language); people read messages {@code language.<NAME>}. Bit numbers are stored in masks:
 * add new languages with new bits, never renumber.
 */
public enum Language {
    ENGLISH("en", 0), WELSH("cy", 1), BRITISH_SIGN_LANGUAGE("bsl", 2), POLISH("pl", 3), URDU("ur", 4),
    PUNJABI("pa", 5), BENGALI("bn", 6), ARABIC("ar", 7), ROMANIAN("ro", 8), GUJARATI("gu", 9);

    private final String code;
    private final int bit;

    Language(String code, int bit) {
        this.code = code;
        this.bit = bit;
    }

    public String code() {
        return code;
    }

    public int mask() {
        return 1 << bit;
    }

    public static Optional<Language> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        for (Language language : values()) {
            if (language.code.equals(wanted)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }

    public static int maskOf(Set<Language> languages) {
        int mask = 0;
        for (Language language : languages) {
            mask |= language.mask();
        }
        return mask;
    }
}
