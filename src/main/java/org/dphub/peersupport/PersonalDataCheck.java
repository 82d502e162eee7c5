package org.dphub.peersupport;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what looks like personal data in a post before it is shown to people in other councils:
 * NHS numbers (10 digits whose modulus 11 check digit is right), National Insurance numbers (two
 * letters, six digits, A–D), UK phone numbers, email addresses, full postcodes, and dates of birth —
 * a date after a capitalised name ("Jane Smith 12/03/1950") or after "born", "DOB", "date of birth"
 * (Welsh "ganwyd", "dyddiad geni").
 *
 * <p>The rule ({@link Finding#mustRemove()}): numbers and addresses that reach one person are never
 * posted — NHS, National Insurance and phone numbers, email addresses and full postcodes (the first
 * half, "SY1", may stay). A name with a date, or a date of birth on its own, may be posted once the
 * person confirms it is nobody's personal details: a pattern cannot tell "Jane Smith 12/03/1950" from
 * "Care Act 1/4/2015", but the person can.
 */
public final class PersonalDataCheck {

    /** What kind of personal data a piece of text looks like. */
    public enum Kind {
        NHS_NUMBER(true), NI_NUMBER(true), PHONE_NUMBER(true), EMAIL_ADDRESS(true), POSTCODE(true),
        NAME_WITH_DATE_OF_BIRTH(false), DATE_OF_BIRTH(false);

        private final boolean mustRemove;

        Kind(boolean mustRemove) {
            this.mustRemove = mustRemove;
        }

        public boolean mustRemove() {
            return mustRemove;
        }
    }

    /** One piece found: its kind, the text as written, and where it starts. */
    public record Finding(Kind kind, String text, int start) {
        public boolean mustRemove() {
            return kind.mustRemove();
        }
    }

    static final Pattern EMAIL = Pattern.compile("(?<![\\w.+-])[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    static final Pattern NHS = Pattern.compile("(?<![\\d£$.,])(\\d{3})[ -]?(\\d{3})[ -]?(\\d{4})(?![\\d.,]\\d|\\d)");
    // prefixes HMRC never issues: first letter D, F, I, Q, U, V; second D, F, I, O, Q, U, V; and BG, GB, KN, NK, NT, TN, ZZ
    static final Pattern NI = Pattern.compile("(?<![\\p{L}\\d])([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]) ?(\\d{2}) ?(\\d{2}) ?(\\d{2}) ?([A-D])(?![\\p{L}\\d])",
            Pattern.CASE_INSENSITIVE);
    static final Set<String> NI_NEVER = Set.of("BG", "GB", "KN", "NK", "NT", "TN", "ZZ");
    // 0 or +44 (optionally "(0)"), then 9 or 10 more digits; the first of them 1, 2, 3, 5, 7, 8 or 9 (UK numbering plan),
    // single spaces, dashes or brackets between them
    static final Pattern PHONE = Pattern.compile(
            "(?<![\\w£$.,+/])(?:\\+44[ -]?(?:\\(0\\)[ -]?)?|\\(?0)([1235789])(?:[ -]?\\)?[ -]?\\d){8,9}(?![\\d/.,]\\d|\\d)");
    static final Pattern POSTCODE = Pattern.compile("(?<![\\p{L}\\d])([A-Z]{1,2}\\d[A-Z\\d]?) ?(\\d[A-Z]{2})(?![\\p{L}\\d])",
            Pattern.CASE_INSENSITIVE);

    private static final Set<String> ORDINAL = Set.of("st", "nd", "rd", "th");
    private static final String MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
            + "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
            + "|ionawr|chwefror|mawrth|ebrill|mai|mehefin|gorffennaf|awst|medi|hydref|tachwedd|rhagfyr";
    private static final String DATE = "(?i:(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4}|\\d{2})"
            + "|(\\d{1,2})(?:st|nd|rd|th)?(?: of)? (" + MONTHS + ")\\.?,? (\\d{4})"
            + "|(" + MONTHS + ")\\.? (\\d{1,2})(?:st|nd|rd|th)?,? (\\d{4}))";
    // one or more capitalised words (a first name, a family name), then a comma, "born", "DOB" or nothing, then a date
    static final Pattern NAME_DATE = Pattern.compile("(?<![\\p{L}])((?:\\p{Lu}[\\p{L}'’-]+ ){0,2}\\p{Lu}[\\p{L}'’-]+),?"
            + " (?i:\\(?(?:born|b\\.|dob|d\\.o\\.b\\.?|date of birth|ganwyd|dyddiad geni):? )?(?i:on )?" + DATE + "(?![\\d])");
    static final Pattern BORN_DATE = Pattern.compile("(?<![\\p{L}])(?:born|dob|d\\.o\\.b\\.?|date of birth|ganwyd|dyddiad geni):?,? (?:on )?"
            + DATE + "(?![\\d])", Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE_ALONE = Pattern.compile(DATE, Pattern.CASE_INSENSITIVE);
    /** Capitalised words that are not names: they start sentences and name days, months, laws. */
    static final Set<String> NOT_NAMES = Set.of("on", "in", "from", "since", "until", "till", "before", "after", "by", "at", "of", "the",
            "and", "or", "is", "was", "my", "our", "his", "her", "their", "last", "next", "this", "that", "it", "we",
            "i", "a", "an", "to", "for", "dated", "started", "ended", "paid", "due", "as", "born", "dob", "ganwyd", "ar", "o", "y", "yr",
            "mae", "roedd", "ers", "tan", "cyn", "wedi", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "act", "regulations", "regulation", "section", "guidance", "care", "direct", "payments", "payment", "council", "deddf",
            "rheoliadau", "dydd", "llun", "mawrth", "mercher", "iau", "gwener", "sadwrn", "sul");
    private static final Map<String, Integer> MONTH_NUMBERS = months();

    private PersonalDataCheck() {
    }

    /** Everything in {@code text} that looks like personal data, in the order it appears; empty for none. */
    public static List<Finding> find(String text) {
        return find(text, LocalDate.now(java.time.ZoneId.of("Europe/London")));
    }

    static List<Finding> find(String text, LocalDate today) {
        List<Finding> found = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return found;
        }
        List<int[]> taken = new ArrayList<>();
        Matcher email = EMAIL.matcher(text);
        while (email.find()) {
            add(found, taken, Kind.EMAIL_ADDRESS, email);
        }
        Matcher nhs = NHS.matcher(text);
        while (nhs.find()) {
            if (validNhsNumber(nhs.group(1) + nhs.group(2) + nhs.group(3))) {
                add(found, taken, Kind.NHS_NUMBER, nhs);
            }
        }
        Matcher ni = NI.matcher(text);
        while (ni.find()) {
            if (!NI_NEVER.contains(ni.group(1).toUpperCase(Locale.ROOT))) {
                add(found, taken, Kind.NI_NUMBER, ni);
            }
        }
        Matcher phone = PHONE.matcher(text);
        while (phone.find()) {
            add(found, taken, Kind.PHONE_NUMBER, phone);
        }
        Matcher postcode = POSTCODE.matcher(text);
        while (postcode.find()) {
            if (!ORDINAL.contains(postcode.group(2).substring(1).toLowerCase(Locale.ROOT))) { // "the A1 2nd exit" is a road
                add(found, taken, Kind.POSTCODE, postcode);
            }
        }
        Matcher named = NAME_DATE.matcher(text);
        while (named.find()) {
            String name = withoutLeadingNonNames(named.group(1));
            if (name != null && plausibleBirthDate(named.group(), today)) {
                int start = named.start(1) + named.group(1).indexOf(name);
                addSpan(found, taken, Kind.NAME_WITH_DATE_OF_BIRTH, text.substring(start, named.end()), start, named.end());
            }
        }
        Matcher born = BORN_DATE.matcher(text);
        while (born.find()) {
            if (plausibleBirthDate(born.group(), today)) {
                add(found, taken, Kind.DATE_OF_BIRTH, born);
            }
        }
        found.sort(Comparator.comparingInt(Finding::start));
        return found;
    }

    /** The NHS number check: weights 10 down to 2 on the first nine digits; 11 minus the remainder (11 → 0, 10 is never issued). */
    public static boolean validNhsNumber(String digits) {
        if (digits == null || !digits.matches("\\d{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }

    /** The name without capitalised words that start sentences or name days and laws ("On", "Monday"); null when none is left. */
    static String withoutLeadingNonNames(String words) {
        String[] parts = words.split(" ");
        int first = 0;
        while (first < parts.length && NOT_NAMES.contains(parts[first].toLowerCase(Locale.ROOT))) {
            first++;
        }
        for (int i = first; i < parts.length; i++) {
            if (NOT_NAMES.contains(parts[i].toLowerCase(Locale.ROOT)) || MONTH_NUMBERS.containsKey(parts[i].toLowerCase(Locale.ROOT))) {
                return null;
            }
        }
        return first == parts.length ? null : String.join(" ", java.util.Arrays.copyOfRange(parts, first, parts.length));
    }

    /** A real date, not in the future, within a lifetime: someone could have been born on it. */
    static boolean plausibleBirthDate(String text, LocalDate today) {
        Matcher date = DATE_ALONE.matcher(text);
        if (!date.find()) {
            return false;
        }
        try {
            int day;
            int month;
            int year;
            if (date.group(1) != null) {
                day = Integer.parseInt(date.group(1));
                month = Integer.parseInt(date.group(2));
                year = Integer.parseInt(date.group(3));
                if (year < 100) {
                    year += year > today.getYear() % 100 ? 1900 : 2000;
                }
            } else if (date.group(4) != null) {
                day = Integer.parseInt(date.group(4));
                month = MONTH_NUMBERS.get(date.group(5).toLowerCase(Locale.ROOT));
                year = Integer.parseInt(date.group(6));
            } else {
                month = MONTH_NUMBERS.get(date.group(7).toLowerCase(Locale.ROOT));
                day = Integer.parseInt(date.group(8));
                year = Integer.parseInt(date.group(9));
            }
            LocalDate born = LocalDate.of(year, month, day);
            return !born.isAfter(today) && born.isAfter(today.minusYears(120));
        } catch (DateTimeException | NumberFormatException | NullPointerException e) {
            return false;
        }
    }

    private static void add(List<Finding> found, List<int[]> taken, Kind kind, Matcher m) {
        addSpan(found, taken, kind, m.group(), m.start(), m.end());
    }

    /** Adds a finding unless an earlier (stronger) one covers any of the same characters. */
    private static void addSpan(List<Finding> found, List<int[]> taken, Kind kind, String text, int start, int end) {
        for (int[] span : taken) {
            if (start < span[1] && span[0] < end) {
                return;
            }
        }
        taken.add(new int[] {start, end});
        found.add(new Finding(kind, text.strip(), start));
    }

    private static Map<String, Integer> months() {
        Map<String, Integer> months = new java.util.HashMap<>();
        String[] english = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
                "december"};
        String[] welsh = {"ionawr", "chwefror", "mawrth", "ebrill", "mai", "mehefin", "gorffennaf", "awst", "medi", "hydref", "tachwedd",
                "rhagfyr"};
        for (int i = 0; i < 12; i++) {
            months.put(english[i], i + 1);
            months.put(english[i].substring(0, 3), i + 1);
            months.put(welsh[i], i + 1);
        }
        months.put("sept", 9);
        return Map.copyOf(months);
    }
}
