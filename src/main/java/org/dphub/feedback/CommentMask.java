package org.dphub.feedback;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what could name a person in a comment before staff see it: email addresses, National
 * Insurance numbers, dates (a date of birth cannot be told from another full date, so every date
 * with a day, month and year goes), NHS numbers, UK phone numbers, postcodes, and capitalised names
 * after words such as "my PA", "called", "named", "Mrs" (and the Welsh "fy CP", "o'r enw").
 *
 * <p>A best effort, not a guarantee: a name written on its own ("Sarah is great") or a number in
 * an unusual layout is not caught. The answer as the person wrote it is kept; only what is shown
 * and downloaded is masked.
 */
public final class CommentMask {

    private CommentMask() {
    }

    private record Rule(Pattern pattern, String replacement) {
    }

    private static final String MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
            + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
            + "|Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr";

    /** A capitalised name of one to three words ("Sarah", "Sarah Jones", "Mary-Ann O'Neill"). */
    private static final String NAME = "\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+){0,2}";

    /** Words after which a capitalised name is masked; any case ("My PA", "my pa"). */
    private static final String CUES = "\\bmy\\s+(?:PA|P\\.A\\.|personal\\s+assistant|carer|care\\s+worker|support\\s+worker"
            + "|social\\s+worker|key\\s+worker|worker|nurse|doctor|GP|OT|daughter|son|wife|husband|partner|mum|mother|dad|father"
            + "|sister|brother|neighbour|friend)"
            + "|\\bcalled|\\bnamed|\\bname\\s+is|\\bname's|\\bMrs?\\b\\.?|\\bMs\\b\\.?|\\bMiss|\\bDr\\b\\.?"
            + "|\\bfy\\s+(?:CP|nghynorthwy-ydd\\s+personol|ngofalwr|ngweithiwr\\s+cymdeithasol)|\\bo['’]r\\s+enw|\\bfy\\s+enw\\s+i\\s+yw";

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("(?i)[a-z0-9._%+-]+@[a-z0-9-]+(?:\\.[a-z0-9-]+)+"), "[email]"),
            new Rule(Pattern.compile("(?i)\\b[A-Z]{2}\\s?\\d{2}\\s?\\d{2}\\s?\\d{2}\\s?[A-D]\\b"),
                    "[NI number]"),
            new Rule(Pattern.compile("\\b\\d{4}-\\d{1,2}-\\d{1,2}\\b|\\b\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})\\b"), "[date]"),
            new Rule(Pattern.compile("(?i)\\b\\d{1,2}(?:st|nd|rd|th|af|ed|ain|fed)?\\s+(?:of\\s+)?(?:" + MONTHS + ")\\.?,?\\s+\\d{4}\\b"
                    + "|\\b(?:" + MONTHS + ")\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b"), "[date]"),
            new Rule(Pattern.compile("\\b[1-9]\\d{2}[ -]?\\d{3}[ -]?\\d{4}\\b"), "[NHS number]"),
            new Rule(Pattern.compile("(?:\\+44\\s?(?:\\(0\\)\\s?)?|\\(?\\b0)\\d{2,4}\\)?[\\s-]?\\d{3}[\\s-]?\\d{3,4}\\b"), "[phone number]"),
            new Rule(Pattern.compile("(?i)\\b(?:[A-Z]{1,2}\\d[A-Z\\d]?|GIR)\\s*\\d[A-Z]{2}\\b"), "[postcode]"));

    private static final Pattern NAMED = Pattern.compile("(?<cue>(?i:" + CUES + "))(?<gap>\\s*[,:–-]?\\s+(?:(?i:is|was|yw|ydy|oedd)\\s+)?)"
            + "(?<name>" + NAME + ")");

    /** The text with each thing that could name a person replaced by what it was: "[phone number]", "[name]". */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        String out = text;
        for (Rule rule : RULES) {
            out = rule.pattern().matcher(out).replaceAll(Matcher.quoteReplacement(rule.replacement()));
        }
        return NAMED.matcher(out).replaceAll("${cue}${gap}[name]");
    }
}
