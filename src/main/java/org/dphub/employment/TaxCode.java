package org.dphub.employment;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PAYE tax code as HMRC issues it: an optional region prefix (S Scotland, C Wales), then
 * <ul>
 *   <li>a number and L, M, N or T ({@code 1257L}, {@code 0T}): free pay of the number × 10 + 9 a year;</li>
 *   <li>K and a number ({@code K475}): that much extra taxable pay;</li>
 *   <li>a flat-rate code ({@code BR}, {@code D0}, {@code D1}; in Scotland also {@code D2}, {@code D3}):
 *       all pay at one rate;</li>
 *   <li>{@code NT}: no tax.</li>
 * </ul>
 * An emergency marker after the code ({@code W1}, {@code M1} or {@code X}, as in "1257L M1")
 * means it is operated on a week 1/month 1 basis.
 */
public record TaxCode(String text, TaxRegion region, Kind kind, int number, String flatRateCode, boolean emergency) {

    public enum Kind {
        /** A number with L, M, N or T: free pay. */
        ALLOWANCE,
        /** K and a number: extra taxable pay, tax capped at the regulatory limit. */
        K,
        /** BR, D0, D1, ...: every pound at one rate. */
        FLAT_RATE,
        /** NT: no tax. */
        NO_TAX
    }

    private static final Pattern CODE = Pattern.compile(
            "(?<prefix>[SC])?(?:(?<allowance>\\d{1,5})(?<suffix>[LMNT])|K(?<k>\\d{1,5})|(?<flat>BR|D\\d))"
                    + "(?:\\s*(?<emergency>W1|M1|X))?");
    private static final Pattern NO_TAX_CODE = Pattern.compile("NT(?:\\s*(?<emergency>W1|M1|X))?");

    static final String WHAT_A_CODE_LOOKS_LIKE = "A tax code is a number followed by L, M, N or T (like 1257L or 0T), "
            + "K followed by a number (like K475), BR, D0, D1 or NT, with S in front for Scotland (S1257L, SD2) "
            + "or C for Wales (C1257L).";

    /**
     * Reads a tax code as it appears on a P45, P6 or P9: spaces around it and lower case are
     * fine. Throws {@link InvalidTaxCodeException} saying what a tax code looks like.
     */
    public static TaxCode parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidTaxCodeException("Enter the employee's tax code. " + WHAT_A_CODE_LOOKS_LIKE);
        }
        String code = text.strip().toUpperCase(Locale.ROOT);
        Matcher noTax = NO_TAX_CODE.matcher(code);
        if (noTax.matches()) {
            return new TaxCode(code, TaxRegion.REST_OF_UK, Kind.NO_TAX, 0, null, noTax.group("emergency") != null);
        }
        Matcher matcher = CODE.matcher(code);
        if (!matcher.matches()) {
            throw new InvalidTaxCodeException(text.strip() + " is not a tax code. " + WHAT_A_CODE_LOOKS_LIKE);
        }
        TaxRegion region = matcher.group("prefix") == null ? TaxRegion.REST_OF_UK
                : matcher.group("prefix").equals("S") ? TaxRegion.SCOTLAND : TaxRegion.WALES;
        boolean emergency = matcher.group("emergency") != null;
        if (matcher.group("allowance") != null) {
            int number = Integer.parseInt(matcher.group("allowance"));
            if (number == 0 && !matcher.group("suffix").equals("T")) {
                throw new InvalidTaxCodeException(text.strip() + " is not a tax code: a code with no allowance is 0T. "
                        + WHAT_A_CODE_LOOKS_LIKE);
            }
            return new TaxCode(code, region, Kind.ALLOWANCE, number, null, emergency);
        }
        if (matcher.group("k") != null) {
            int number = Integer.parseInt(matcher.group("k"));
            if (number == 0) {
                throw new InvalidTaxCodeException(text.strip() + " is not a tax code: a K code has a number of 1 or more. "
                        + WHAT_A_CODE_LOOKS_LIKE);
            }
            return new TaxCode(code, region, Kind.K, number, null, emergency);
        }
        return new TaxCode(code, region, Kind.FLAT_RATE, 0, matcher.group("flat"), emergency);
    }
}
