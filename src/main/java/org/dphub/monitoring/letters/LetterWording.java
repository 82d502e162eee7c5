package org.dphub.monitoring.letters;

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

    /** What is wrong with a template's text, in words that say what to change; empty when it is fine. */
    public static List<String> problems(String text, Locale locale) {
        List<String> problems = new ArrayList<>();
        String lower = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\s'-]", " ").replaceAll("\\s+", " ") + " ";
        for (String word : THREATENING) {
            if (lower.contains(" " + word + " ")) {
                problems.add("\"" + word + "\" can read as a threat. Say what you would like to happen, and why, instead.");
            }
        }
        if (locale.getLanguage().equals("en")) {
            double ease = ReadingEase.flesch(text);
            if (ease < MINIMUM_READING_EASE) {
                problems.add(String.format(Locale.UK, "The reading ease is %.0f; it needs to be %.0f or more. Use shorter sentences "
                        + "and shorter words.", ease, MINIMUM_READING_EASE));
            }
        }
        return problems;
    }
}
