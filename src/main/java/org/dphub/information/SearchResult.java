package org.dphub.information;

import java.util.ArrayList;
import java.util.List;

/**
 * One page of the hub that matches a search: a guide or a jargon buster entry, with a short
 * extract in which the matching words are marked. The extract is plain text in parts; pages show
 * each part escaped, the marked ones in {@code <mark>}.
 */
public record SearchResult(String kind, String key, String title, List<Part> extract) {

    /** A piece of the extract; {@code matched} when it is one of the words searched for. */
    public record Part(String text, boolean matched) {
    }

    static final char START = '\u27E6';
    static final char STOP = '\u27E7';

    /** Splits PostgreSQL's ts_headline output, where matches sit between START and STOP. */
    static List<Part> parts(String headline) {
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        boolean matched = false;
        for (char c : headline.toCharArray()) {
            if (c == START || c == STOP) {
                if (!text.isEmpty()) {
                    parts.add(new Part(text.toString(), matched));
                    text.setLength(0);
                }
                matched = c == START;
            } else {
                text.append(c);
            }
        }
        if (!text.isEmpty()) {
            parts.add(new Part(text.toString(), matched));
        }
        return parts;
    }

    public boolean isGuide() {
        return "guide".equals(kind);
    }
}
