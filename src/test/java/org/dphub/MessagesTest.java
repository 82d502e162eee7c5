package org.dphub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every word exists in English and Welsh, and every message key a page uses exists. */
class MessagesTest {

    static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(MessagesTest.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void englishAndWelshHaveTheSameKeys() throws IOException {
        Properties english = load("messages.properties");
        Properties welsh = load("messages_cy.properties");
        Set<String> missingInWelsh = new TreeSet<>(english.stringPropertyNames());
        missingInWelsh.removeAll(welsh.stringPropertyNames());
        Set<String> missingInEnglish = new TreeSet<>(welsh.stringPropertyNames());
        missingInEnglish.removeAll(english.stringPropertyNames());
        assertThat(missingInWelsh).as("keys with no Welsh text").isEmpty();
        assertThat(missingInEnglish).as("keys with no English text").isEmpty();
    }

    @Test
    void everyMessageIsAValidMessageFormatAndNotBlank() throws IOException {
        for (String bundle : new String[] {"messages.properties", "messages_cy.properties"}) {
            Properties properties = load(bundle);
            for (String key : properties.stringPropertyNames()) {
                String value = properties.getProperty(key);
                assertThat(value).as(bundle + " " + key).isNotBlank();
                String formatted = new MessageFormat(value).format(new Object[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
                assertThat(formatted).as(bundle + " " + key + " leaves a placeholder unfilled").doesNotContain("{");
                // every message goes through MessageFormat, where a single apostrophe swallows text
                assertThat(value).as(bundle + " " + key + " has an apostrophe that is not doubled")
                        .doesNotContainPattern("(?<!')'(?!')");
            }
        }
    }

    @Test
    void mostWelshTextIsActuallyTranslated() throws IOException {
        Properties english = load("messages.properties");
        Properties welsh = load("messages_cy.properties");
        long same = english.stringPropertyNames().stream()
                .filter(k -> english.getProperty(k).equals(welsh.getProperty(k)))
                .count();
        // a few words are the same in both languages (Beta, dphub, Dementia, km)
        assertThat(same).isLessThan(english.size() / 20);
    }

    @Test
    void everyErrorPageHasItsTitleHeadingTextAndNextStepInBothLanguages() throws IOException {
        // fragments/error-page builds these keys from the page's name, so the check above cannot see them
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> pages = Files.list(Path.of("src/main/resources/templates/error"))) {
            for (Path page : pages.toList()) {
                String kind = page.getFileName().toString().replace(".html", "");
                assertThat(Files.readString(page)).as(page.toString()).contains("page(kind='" + kind + "')");
                for (String bundle : new String[] {"messages.properties", "messages_cy.properties"}) {
                    Properties messages = load(bundle);
                    for (String part : new String[] {"title", "heading", "text", "next"}) {
                        if (!messages.containsKey("error." + kind + "." + part)) {
                            missing.add(bundle + ": error." + kind + "." + part);
                        }
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void everyKeyATemplateNamesExists() throws IOException {
        Properties english = load("messages.properties");
        Pattern literalKey = Pattern.compile("#\\{([a-zA-Z0-9.\\-]+)[}(]");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                Matcher matcher = literalKey.matcher(Files.readString(template));
                while (matcher.find()) {
                    if (!english.containsKey(matcher.group(1))) {
                        missing.add(template.getFileName() + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }
}
