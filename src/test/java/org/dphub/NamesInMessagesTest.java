package org.dphub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A person's name can end with an initial and a full stop ("Sophie H."), so no message may put a
 * full stop straight after a name: "people see you as Sophie H.." would show. Every message a
 * page fills in with a person's name is checked, in English and in Welsh.
 */
class NamesInMessagesTest {

    /** An argument that is a person's name (not a council's, not a file's). */
    static final Pattern PERSON_NAME = Pattern.compile("(?i)(fullName|displayName|publicName|paName|employerName|givenName|greetingName|"
            + "familyName)\\(\\)|\\b(r|representative|person|citizen|pa|p|v|e|j)\\.name\\(\\)");
    static final Pattern CALL = Pattern.compile("#\\{([a-zA-Z0-9.\\-]+)\\(|#messages\\.msg(?:OrNull)?\\(");
    static final Pattern KEY = Pattern.compile("^\\s*'([a-zA-Z0-9.\\-]+)'\\s*(\\+)?");

    record Use(String template, String key, boolean prefix, int argument) {
    }

    /** The arguments of the call whose opening bracket is just before {@code from}, split at commas outside brackets. */
    static List<String> arguments(String text, int from) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        StringBuilder part = new StringBuilder();
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ')' && depth == 0) {
                break;
            }
            if (c == '(' || c == '{' || c == '[') {
                depth++;
            } else if (c == ')' || c == '}' || c == ']') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    /** Every message a template fills in with a person's name, and which argument the name is. */
    static List<Use> usesWithNames() throws IOException {
        List<Use> uses = new ArrayList<>();
        try (Stream<Path> templates = Files.walk(Path.of("src/main/resources/templates"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
                String html = Files.readString(template);
                Matcher call = CALL.matcher(html);
                while (call.find()) {
                    List<String> args = arguments(html, call.end());
                    String key = call.group(1);
                    boolean prefix = false;
                    if (key == null) {
                        // #messages.msg('key', ...) or #messages.msg('key.' + kind, ...): the key is the first argument
                        Matcher literal = KEY.matcher(args.get(0));
                        if (!literal.find()) {
                            continue;
                        }
                        key = literal.group(1);
                        prefix = literal.group(2) != null;
                        args = args.subList(1, args.size());
                    }
                    for (int i = 0; i < args.size(); i++) {
                        if (PERSON_NAME.matcher(args.get(i)).find()) {
                            uses.add(new Use(template.getFileName().toString(), key, prefix, i));
                        }
                    }
                }
            }
        }
        return uses;
    }

    @Test
    void noMessageEndsASentenceStraightAfterAPersonsName() throws IOException {
        List<Use> uses = usesWithNames();
        assertThat(uses).as("the pages that name people are found").extracting(Use::key)
                .contains("pa.profile.seen-as", "home.heading", "agreement.between.representative", "mp.intro.pa-interested");
        Set<String> wrong = new TreeSet<>();
        for (String file : List.of("messages.properties", "messages_cy.properties")) {
            Properties messages = MessagesTest.load(file);
            for (Use use : uses) {
                Pattern fullStop = Pattern.compile("\\{" + use.argument() + "}(</[a-z]+>)?\\.");
                for (String key : messages.stringPropertyNames()) {
                    boolean used = use.prefix() ? key.startsWith(use.key()) : key.equals(use.key());
                    if (used && fullStop.matcher(messages.getProperty(key)).find()) {
                        wrong.add(file + " " + key + " (" + use.template() + "): " + messages.getProperty(key));
                    }
                }
            }
        }
        assertThat(wrong).as("a name such as \"Sophie H.\" would be followed by a second full stop").isEmpty();
    }
}
