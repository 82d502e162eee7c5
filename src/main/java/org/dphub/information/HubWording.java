package org.dphub.information;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.dphub.letters.LetterWording;
import org.dphub.letters.ReadingEase;

/**
 * The checks a guide or a jargon buster entry must pass before it is saved: no mark-up (a script
 * tag named as such), and the letters' wording rules — no threatening words in either language
 * and, in English, a Flesch reading ease of at least 60. A refusal names the sentence to change,
 * so the editor knows where to start.
 */
public final class HubWording {

    /** What is wrong: a message key and its arguments (the sentence to change among them). */
    public record Problem(String key, List<Object> args) {
    }

    static final Pattern SCRIPT = Pattern.compile("<\\s*/?\\s*script", Pattern.CASE_INSENSITIVE);
    static final Pattern MARKUP = Pattern.compile("<\\s*[a-zA-Z/!?]|&#?[a-zA-Z0-9]+;");
    static final Pattern SENTENCE = Pattern.compile("(?<=[.!?:])\\s+");
    static final int SHOWN = 160;

    private HubWording() {
    }

    /** The first thing to change in {@code text}, or empty when it may be saved. */
    public static Optional<Problem> check(String text, Locale language, boolean readingEase) {
        if (SCRIPT.matcher(text).find()) {
            return Optional.of(new Problem("information.error.script", List.of()));
        }
        if (MARKUP.matcher(text).find()) {
            return Optional.of(new Problem("information.error.markup", List.of()));
        }
        String sentences = GuideText.asSentences(text);
        Locale checked = readingEase ? language : Locale.forLanguageTag("cy"); // Welsh: the threat words only
        for (LetterWording.Problem problem : LetterWording.check(sentences, checked, null)) {
            if (problem.key().equals("letters.wording.threat")) {
                String word = String.valueOf(problem.args().get(0));
                return Optional.of(new Problem("information.error.threat", List.of(word, shown(sentenceWith(sentences, word)))));
            }
            if (problem.key().equals("letters.wording.ease")) {
                return Optional.of(new Problem("information.error.ease",
                        List.of(problem.args().get(0), problem.args().get(1), shown(hardest(sentences)))));
            }
        }
        return Optional.empty();
    }

    static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        for (String s : SENTENCE.split(text)) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }

    /** The sentence that is hardest to read: the lowest reading ease among those of four words or more. */
    static String hardest(String text) {
        List<String> all = sentences(text);
        return all.stream().filter(s -> s.split("\\s+").length >= 4).min(Comparator.comparingDouble(ReadingEase::flesch))
                .or(() -> all.stream().min(Comparator.comparingDouble(ReadingEase::flesch))).orElse(text);
    }

    static String sentenceWith(String text, String word) {
        Pattern whole = Pattern.compile("(?<![\\p{L}])" + Pattern.quote(word) + "(?![\\p{L}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return sentences(text).stream().filter(s -> whole.matcher(s).find()).findFirst().orElse(text);
    }

    static String shown(String sentence) {
        return sentence.length() <= SHOWN ? sentence : sentence.substring(0, SHOWN - 1).strip() + "…";
    }
}
