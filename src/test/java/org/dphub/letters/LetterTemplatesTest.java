package org.dphub.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every shipped letter, in both languages: plain, friendly, and the same placeholders in each. */
class LetterTemplatesTest {

    static String template(LetterKind kind, String language) throws IOException {
        try (InputStream in = LetterTemplatesTest.class.getResourceAsStream("/" + kind.fileName(language))) {
            assertThat(in).as(kind + " in " + language).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("\\{([a-z]+)}").matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @ParameterizedTest
    @EnumSource(LetterKind.class)
    void theEnglishLetterIsPlainAndFriendly(LetterKind kind) throws IOException {
        String text = template(kind, "en");
        assertThat(ReadingEase.flesch(text)).as(kind + " reading ease").isGreaterThanOrEqualTo(LetterWording.MINIMUM_READING_EASE);
        assertThat(LetterWording.problems(text, Locale.ENGLISH)).as(kind.name()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(LetterKind.class)
    void theWelshLetterHasNoThreatsAndTheSamePlaceholders(LetterKind kind) throws IOException {
        String welsh = template(kind, "cy");
        assertThat(LetterWording.problems(welsh, Locale.forLanguageTag("cy"))).as(kind.name()).isEmpty();
        assertThat(placeholders(welsh)).isEqualTo(placeholders(template(kind, "en")));
        assertThat(welsh).as("written in Welsh").startsWith(welsh.substring(0, 1)).contains("Annwyl {name}").doesNotContain("Dear ");
    }

    @Test
    void theOldLetterFailsBothChecks() {
        String old = "If you do not submit your timely returns in accordance with the conditions of your agreement, your "
                + "services may be moved to commissioned care and you may be required to repay the full amount. Failure to "
                + "comply will result in the termination of your direct payment.";
        assertThat(LetterWording.problems(old, Locale.ENGLISH))
                .anyMatch(p -> p.contains("\"failure\""))
                .anyMatch(p -> p.contains("\"comply\""))
                .anyMatch(p -> p.contains("\"commissioned care\""))
                .anyMatch(p -> p.contains("reading ease"));
        assertThat(LetterWording.problems("Methu â chydymffurfio: cosb.", Locale.forLanguageTag("cy"))).isNotEmpty();
    }

    @Test
    void readingEaseMatchesKnownValues() {
        // "The cat sat on the mat." 6 words, 1 sentence, 6 syllables: 206.835 - 6.09 - 84.6 = 116.1
        assertThat(ReadingEase.flesch("The cat sat on the mat.")).isCloseTo(116.1, org.assertj.core.data.Offset.offset(0.5));
        assertThat(ReadingEase.flesch("Notwithstanding considerable organisational complexity, administrative responsibilities "
                + "necessitate comprehensive documentation.")).isLessThan(0);
        assertThat(ReadingEase.syllables("table")).isEqualTo(2);
        assertThat(ReadingEase.syllables("payment")).isEqualTo(2);
        assertThat(ReadingEase.syllables("direct")).isEqualTo(2);
    }
}
