package org.dphub.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A UK postcode in its normal form: upper case, one space before the inward code ("CH7 1XY").
 * Only the shape is checked here; {@link PostcodeDirectory} knows which sectors exist.
 */
public record Postcode(String value) {

    // outward code: A9, A99, AA9, AA99, A9A, AA9A; inward code: 9AA (Royal Mail PAF format)
    private static final Pattern SHAPE = Pattern.compile("^([A-Z]{1,2}[0-9][A-Z0-9]?) ?([0-9][A-Z]{2})$");

    public Postcode {
        if (value == null || !SHAPE.matcher(value).matches() || value.indexOf(' ') < 0) {
            throw new InvalidPostcodeException(value);
        }
    }

    /** Reads a postcode as typed: any case, with or without spaces ("ch71xy" → "CH7 1XY"). */
    public static Postcode parse(String text) {
        if (text == null) {
            throw new InvalidPostcodeException(null);
        }
        String compact = text.replaceAll("[\\s\\u00A0]+", "").toUpperCase(Locale.ROOT);
        var matcher = SHAPE.matcher(compact);
        if (!matcher.matches()) {
            throw new InvalidPostcodeException(text);
        }
        return new Postcode(matcher.group(1) + " " + matcher.group(2));
    }

    public static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (InvalidPostcodeException e) {
            return false;
        }
    }

    /** "CH7" */
    public String outward() {
        return value.substring(0, value.indexOf(' '));
    }

    /** The postcode sector, "CH7 1": about a kilometre across, never a home address. */
    public String sector() {
        return value.substring(0, value.indexOf(' ') + 2);
    }

    @Override
    public String toString() {
        return value;
    }
}
