package org.dphub.marketplace;

import java.util.Locale;
import java.util.Optional;

/**
 * A PA's gender, if they choose to say it ("prefer not to say" is no value). Used for one thing
 * only: a vacancy for intimate personal care may need a woman or a man ({@link IntimateCarePolicy}).
 * It is personal data: never shown to anyone but the PA and the DP team, only implied by a match.
 * In a vacancy's must-haves it is written {@code gender:female} or {@code gender:male}
 * ({@link #mustHave()}), and a profile's {@code capabilities} hold the same code.
 */
public enum Gender {
    FEMALE("female"), MALE("male"), NON_BINARY("non-binary");

    public static final String MUST_HAVE_PREFIX = "gender:";

    private final String code;

    Gender(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** The must-have code a vacancy uses: "gender:female". */
    public String mustHave() {
        return MUST_HAVE_PREFIX + code;
    }

    /** FEMALE, female or non-binary (any case); empty for anything else. */
    public static Optional<Gender> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Gender gender : values()) {
            if (gender.name().equals(wanted)) {
                return Optional.of(gender);
            }
        }
        return Optional.empty();
    }

    /** The gender a vacancy's must-have code asks for: only a woman or a man can be asked for. */
    public static Optional<Gender> fromMustHave(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        if (wanted.equals(FEMALE.mustHave())) {
            return Optional.of(FEMALE);
        }
        if (wanted.equals(MALE.mustHave())) {
            return Optional.of(MALE);
        }
        return Optional.empty();
    }

    /** The one gender a vacancy's must-haves ask for, or null. */
    public static Gender mustHaveOf(java.util.Collection<String> mustHaves) {
        return mustHaves.stream().map(Gender::fromMustHave).flatMap(Optional::stream).findFirst().orElse(null);
    }
}
