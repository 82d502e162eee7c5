package org.dphub.information;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A guide's stored text read as blocks to show, never as HTML: a blank line between blocks,
 * "## " a heading, lines of "- " a bulleted list, lines of "1. " numbered steps, "[flowchart]" to
 * draw the next steps as a chart as well, and [words](/information/...) a link within the hub
 * (any other address stays as plain words). The first time a jargon buster word appears outside
 * a heading it links to its entry. Pages print every piece with th:text, so stored mark-up can
 * never reach a browser as mark-up.
 */
public record GuideText(List<Block> blocks) {

    public enum Kind { HEADING, PARAGRAPH, BULLETS, STEPS, FLOWCHART }

    /** Words, or words that link somewhere in the hub. */
    public record Span(String text, String href) {
        public boolean isLink() {
            return href != null;
        }
    }

    /** A heading or paragraph has one item; a list one item per line; a flowchart its steps and drawing. */
    public record Block(Kind kind, List<List<Span>> items, Flowchart chart) {
    }

    /** A word from the jargon buster and where its entry is. */
    public record Term(String term, String href) {
    }

    static final Pattern LINK = Pattern.compile("\\[([^\\[\\]]{1,200})]\\(([^()\\s]{1,300})\\)");
    static final Pattern STEP = Pattern.compile("^\\d{1,2}\\.\\s+(.*)$");
    static final Pattern HUB_ADDRESS = Pattern.compile("^/information(/[a-z0-9-]+){0,3}/?(\\?[a-zA-Z0-9=&-]*)?(#[a-z0-9-]+)?$");
    static final String FLOWCHART = "[flowchart]";

    public static GuideText parse(String body, List<Term> terms) {
        List<Block> blocks = new ArrayList<>();
        Set<String> linked = new HashSet<>();
        List<Term> longestFirst = terms.stream().sorted(Comparator.comparingInt((Term t) -> t.term().length()).reversed()).toList();
        boolean chartNext = false;
        for (String chunk : body.replace("\r\n", "\n").split("\n\\s*\n")) {
            String text = chunk.strip();
            if (text.isEmpty()) {
                continue;
            }
            if (text.equals(FLOWCHART)) {
                chartNext = true;
                continue;
            }
            List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            if (text.startsWith("## ")) {
                blocks.add(new Block(Kind.HEADING, List.of(List.of(new Span(text.substring(3).strip(), null))), null));
            } else if (lines.stream().allMatch(l -> l.startsWith("- "))) {
                blocks.add(new Block(Kind.BULLETS, lines.stream().map(l -> inline(l.substring(2).strip(), longestFirst, linked)).toList(), null));
            } else if (lines.stream().allMatch(l -> STEP.matcher(l).matches())) {
                List<String> steps = lines.stream().map(l -> { Matcher m = STEP.matcher(l); m.matches(); return m.group(1).strip(); }).toList();
                if (chartNext) {
                    blocks.add(new Block(Kind.FLOWCHART, List.of(), Flowchart.of(steps.stream().map(GuideText::plain).toList())));
                    chartNext = false;
                }
                blocks.add(new Block(Kind.STEPS, steps.stream().map(s -> inline(s, longestFirst, linked)).toList(), null));
            } else {
                blocks.add(new Block(Kind.PARAGRAPH, List.of(inline(String.join(" ", lines), longestFirst, linked)), null));
            }
        }
        return new GuideText(blocks);
    }

    /** The words of a piece of text without its mark-up, as a person reads them. */
    public static String plain(String text) {
        return LINK.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
    }

    /** The whole text as sentences a reader meets: each heading, list line and paragraph ends as a sentence. */
    public static String asSentences(String body) {
        StringBuilder out = new StringBuilder();
        for (String line : body.replace("\r\n", "\n").split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.equals(FLOWCHART)) {
                continue;
            }
            if (l.startsWith("## ")) {
                l = l.substring(3);
            } else if (l.startsWith("- ")) {
                l = l.substring(2);
            } else {
                Matcher step = STEP.matcher(l);
                if (step.matches()) {
                    l = step.group(1);
                }
            }
            l = plain(l).strip();
            if (l.isEmpty()) {
                continue;
            }
            out.append(l);
            if (!l.matches(".*[.!?:]$")) {
                out.append('.');
            }
            out.append(' ');
        }
        return out.toString().strip();
    }

    private static List<Span> inline(String text, List<Term> terms, Set<String> linked) {
        List<Span> spans = new ArrayList<>();
        Matcher m = LINK.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                spans.add(new Span(text.substring(at, m.start()), null));
            }
            boolean inHub = HUB_ADDRESS.matcher(m.group(2)).matches();
            spans.add(new Span(inHub ? m.group(1) : m.group(0), inHub ? m.group(2) : null));
            at = m.end();
        }
        if (at < text.length()) {
            spans.add(new Span(text.substring(at), null));
        }
        for (Term term : terms) {
            if (linked.contains(term.href())) {
                continue;
            }
            for (Pattern pattern : patterns(term.term())) {
                if (linkFirst(spans, pattern, term.href())) {
                    linked.add(term.href());
                    break;
                }
            }
        }
        return List.copyOf(spans);
    }

    /** The term itself (a plural "s" allowed) and, for "personal assistant (PA)", the short form as written. */
    static List<Pattern> patterns(String term) {
        List<Pattern> patterns = new ArrayList<>();
        Matcher shortForm = Pattern.compile("^(.*?)\\s*\\(([^()]+)\\)\\s*$").matcher(term);
        String main = shortForm.matches() ? shortForm.group(1) : term;
        patterns.add(Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(main) + "s?(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
        if (shortForm.matches()) {
            patterns.add(Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(shortForm.group(2)) + "s?(?![\\p{L}\\p{N}])"));
        }
        return patterns;
    }

    private static boolean linkFirst(List<Span> spans, Pattern pattern, String href) {
        for (int i = 0; i < spans.size(); i++) {
            Span span = spans.get(i);
            if (span.isLink()) {
                continue;
            }
            Matcher m = pattern.matcher(span.text());
            if (m.find()) {
                List<Span> split = new ArrayList<>();
                if (m.start() > 0) {
                    split.add(new Span(span.text().substring(0, m.start()), null));
                }
                split.add(new Span(m.group(), href));
                if (m.end() < span.text().length()) {
                    split.add(new Span(span.text().substring(m.end()), null));
                }
                spans.remove(i);
                spans.addAll(i, split);
                return true;
            }
        }
        return false;
    }
}
