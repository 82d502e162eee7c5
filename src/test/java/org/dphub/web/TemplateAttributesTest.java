package org.dphub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

/**
 * Thymeleaf draws a fragment ({@code th:replace}, {@code th:insert}) before it looks at a condition
 * or a variable on the same element. So {@code <div th:if="${sessionEnded}" th:replace="~{banner}">}
 * drew the banner on every sign-in page: "we signed you out to keep your account safe", and "your
 * new password has been saved", to everyone signing in. Such a condition goes on a
 * {@code <th:block>} around the fragment; this test finds any element that still has both.
 */
class TemplateAttributesTest {

    static final Path TEMPLATES = Path.of("src/main/resources/templates");
    static final Pattern START_TAG = Pattern.compile("<[a-zA-Z][a-zA-Z0-9:-]*(\\s[^<>]*)?>", Pattern.DOTALL);
    static final Pattern FRAGMENT = Pattern.compile("\\sth:(replace|insert)=");
    static final Pattern AFTER_A_FRAGMENT = Pattern.compile("\\sth:(if|unless|switch|case|with|object)=");

    @Test
    void aConditionOnTheElementOfAFragmentIsNotLookedAt() {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        StringTemplateResolver templates = new StringTemplateResolver();
        templates.setTemplateMode(TemplateMode.HTML);
        engine.setTemplateResolver(templates);
        Context context = new Context();
        context.setVariables(Map.of("shown", false));
        String page = "<p th:fragment=\"banner\">Banner</p>"
                + "<div th:if=\"${shown}\" th:replace=\"~{:: banner}\"></div>"
                + "<th:block th:if=\"${shown}\"><div th:replace=\"~{:: banner}\"></div></th:block>";
        assertThat(engine.process(page, context).split("Banner", -1)).as("the fragment itself, and once more: the condition beside it ignored")
                .hasSize(3);
    }

    @Test
    void noTemplatePutsAConditionOnTheElementOfAFragment() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).sorted().toList()) {
                String text = Files.readString(file);
                Matcher tag = START_TAG.matcher(text);
                while (tag.find()) {
                    Matcher condition = AFTER_A_FRAGMENT.matcher(tag.group());
                    if (FRAGMENT.matcher(tag.group()).find() && condition.find()) {
                        int line = (int) text.substring(0, tag.start()).chars().filter(c -> c == '\n').count() + 1;
                        found.add(TEMPLATES.relativize(file) + ":" + line + " th:" + condition.group(1)
                                + " beside a fragment: put it on a <th:block> around it");
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
