package org.dphub.letters;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flesch reading ease for English: 206.835 − 1.015 × (words ÷ sentences) − 84.6 × (syllables ÷
 * words). 60 and above is plain English most adults read easily. Syllables are counted by the
 * usual rule of thumb (groups of vowels, a silent final "e" taken off, at least one a word), which
 * is what readability tools do.
 */
public final class ReadingEase {

    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z'’-]*");
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+(\\s|$)|\\n\\s*\\n|:\\s*\\n");

    private ReadingEase() {
    }

    public static double flesch(String text) {
        String plain = text.replaceAll("\\{[a-zA-Z]+}", "it"); // placeholders read as a short word
        int words = 0;
        int syllables = 0;
        Matcher word = WORD.matcher(plain);
        while (word.find()) {
            words++;
            syllables += syllables(word.group());
        }
        if (words == 0) {
            return 100;
        }
        int sentences = 0;
        Matcher end = SENTENCE_END.matcher(plain.strip() + "\n");
        while (end.find()) {
            sentences++;
        }
        sentences = Math.max(1, sentences);
        return 206.835 - 1.015 * ((double) words / sentences) - 84.6 * ((double) syllables / words);
    }

    static int syllables(String word) {
        String w = word.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (w.length() <= 3) {
            return 1;
        }
        w = w.replaceAll("(?:[^laeiouy]es|ed|[^laeiouy]e)$", "").replaceAll("^y", "");
        int count = 0;
        boolean vowel = false;
        for (char c : w.toCharArray()) {
            boolean isVowel = "aeiouy".indexOf(c) >= 0;
            if (isVowel && !vowel) {
                count++;
            }
            vowel = isVowel;
        }
        return Math.max(1, count);
    }
}
