package org.dphub.letters;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The checks a letter template must pass when it is saved: no threatening words (in English or
 * Welsh), and for English a Flesch reading ease of at least 60. The old letters said "if you do
 * not submit your timely returns ... your services may be moved to commissioned care"; these
 * checks keep that out.
 */
public final class LetterWording {

    public static final double MINIMUM_READING_EASE = 60;

    /** Words that threaten or blame. Matched as whole words or phrases, ignoring case. */
    static final List<String> THREATENING = List.of("failure", "fail to", "failing to", "penalty", "penalties", "terminate",
            "termination", "must comply", "comply", "compliance", "sanction", "sanctions", "legal action", "prosecute",
            "prosecution", "fraud", "breach", "withdraw your", "commissioned care", "consequences", "non-compliance", "enforce",
            // Welsh
            "methu â", "methiant", "cosb", "dirwy", "terfynu", "rhaid cydymffurfio", "cydymffurfio", "camau cyfreithiol",
            "twyll", "tor-amod", "canlyniadau");

    private LetterWording() {
    }

    /** One thing to change: {@code key} names the words in the message files, {@code english} is the same for the API. */
    public record Problem(String key, List<Object> args, String english) {
    }

    /** What is wrong with a template's text, in words that say what to change; empty when it is fine. */
    public static List<String> problems(String text, Locale locale) {
        return check(text, locale, null).stream().map(Problem::english).toList();
    }

    /**
     * The same, and (when {@code allowedPlaceholders} is given) any {placeholder} the service cannot
     * fill, which would reach the person as it is written.
     */
    public static List<Problem> check(String text, Locale locale, java.util.Set<String> allowedPlaceholders) {
        List<Problem> problems = new ArrayList<>();
        String lower = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\s'-]", " ").replaceAll("\\s+", " ") + " ";
        for (String word : THREATENING) {
            if (lower.contains(" " + word + " ")) {
                problems.add(new Problem("letters.wording.threat", List.of(word),
                        "\"" + word + "\" can read as a threat. Say what you would like to happen, and why, instead."));
            }
        }
        if (locale.getLanguage().equals("en")) {
            double ease = ReadingEase.flesch(text);
            if (ease < MINIMUM_READING_EASE) {
                long shown = Math.round(Math.floor(ease));
                problems.add(new Problem("letters.wording.ease", List.of(shown, (long) MINIMUM_READING_EASE),
                        String.format(Locale.UK, "The reading ease is %d; it needs to be %.0f or more. Use shorter sentences "
                                + "and shorter words.", shown, MINIMUM_READING_EASE)));
            }
        }
        if (allowedPlaceholders != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^{}\\s]{1,40})}").matcher(text);
            java.util.Set<String> unknown = new java.util.TreeSet<>();
            while (m.find()) {
                if (!allowedPlaceholders.contains(m.group(1))) {
                    unknown.add("{" + m.group(1) + "}");
                }
            }
            for (String placeholder : unknown) {
                problems.add(new Problem("letters.wording.placeholder", List.of(placeholder, String.join(" ",
                        allowedPlaceholders.stream().sorted().map(a -> "{" + a + "}").toList())),
                        placeholder + " is not something we can fill in. Use only " + String.join(" ",
                                allowedPlaceholders.stream().sorted().map(a -> "{" + a + "}").toList()) + "."));
            }
        }
        return problems;
    }
}
