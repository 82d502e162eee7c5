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

    /**
     * Words that really are the same in Welsh (Welsh has "person", "post" and "dementia" too), names
     * and codes. Anything else identical in both bundles is English left on a Welsh page.
     */
    static final Set<String> SAME_IN_WELSH = Set.of("dphub", "Beta", "CSV", "Dementia", "Person", "person", "Post", "{0} km");

    /** What keeps a PA's erasure back is told to the PA themself in their own words ("you"), on the page where they leave the register. */
    @Test
    void everyReasonAPaCannotBeErasedHasWordsForThePaThemself() throws IOException {
        Properties english = load("messages.properties");
        for (String key : english.stringPropertyNames()) {
            if (key.matches("rights\\.block\\.pa-[a-z-]+")) {
                assertThat(english.getProperty(key + ".own")).as(key + ".own").isNotBlank();
            }
        }
    }

    @Test
    void noWelshTextIsTheEnglishLeftAsItWas() throws IOException {
        Properties english = load("messages.properties");
        Properties welsh = load("messages_cy.properties");
        Set<String> untranslated = new TreeSet<>();
        for (String key : english.stringPropertyNames()) {
            String value = english.getProperty(key);
            boolean onlyPlaceholders = !value.replaceAll("\\{[^}]*}", "").matches(".*\\p{L}.*");
            if (value.equals(welsh.getProperty(key)) && !onlyPlaceholders && !SAME_IN_WELSH.contains(value)) {
                untranslated.add(key + "=" + value);
            }
        }
        assertThat(untranslated).as("Welsh text the same as the English").isEmpty();
    }

    @Test
    void welshCallsAPersonalAssistantACynorthwyYddPersonolNeverAPa() throws IOException {
        Properties welsh = load("messages_cy.properties");
        Set<String> english = new TreeSet<>();
        for (String key : welsh.stringPropertyNames()) {
            String value = welsh.getProperty(key);
            // the English abbreviation, and the spelling without the hyphen (see docs/GLOSSARY.md)
            if (value.matches("(?s).*\\bPAs?\\b.*") || value.toLowerCase(java.util.Locale.ROOT).contains("cynorthwyydd")) {
                english.add(key + "=" + value);
            }
        }
        assertThat(english).isEmpty();
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

    /**
     * Thymeleaf's #messages.msg takes a key and at most three arguments: a fourth is a 500 when the
     * page is shown (it was, on /council-bank-accounts). More need #{key(a, b, c, d)} or msgWithParams.
     */
    @Test
    void noTemplateGivesMessagesMsgMoreThanThreeArguments() throws IOException {
        Set<String> tooMany = new TreeSet<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                String text = Files.readString(template);
                Matcher call = Pattern.compile("#messages\\.(msg|msgOrNull)\\(").matcher(text);
                while (call.find()) {
                    int arguments = 1;
                    int depth = 1;
                    char quote = 0;
                    for (int i = call.end(); i < text.length() && depth > 0; i++) {
                        char c = text.charAt(i);
                        if (quote != 0) {
                            quote = c == quote ? 0 : quote;
                        } else if (c == '\'' || c == '"') {
                            quote = c;
                        } else if ("([{".indexOf(c) >= 0) {
                            depth++;
                        } else if (")]}".indexOf(c) >= 0) {
                            depth--;
                        } else if (c == ',' && depth == 1) {
                            arguments++;
                        }
                    }
                    if (arguments > 4) {
                        tooMany.add(template.getFileName() + " line " + (text.substring(0, call.start()).split("\n", -1).length));
                    }
                }
            }
        }
        assertThat(tooMany).isEmpty();
    }
}
