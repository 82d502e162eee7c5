package org.dphub.information;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A search in Welsh, for PostgreSQL's {@code simple} configuration (PostgreSQL has no Welsh
 * dictionary or stemmer). Welsh words change their first letter after some words ("taliad",
 * "eich taliad", "ei daliad", "fy nhaliad", "ei thaliad"), so each word searched for also matches
 * its mutated and unmutated forms, and as a prefix, which covers most plurals ("taliad",
 * "taliadau"). A few very common Welsh words are left out of the search, as a stop-word list would.
 */
public final class WelshQuery {

    static final Set<String> STOP_WORDS = Set.of("a", "ac", "ag", "â", "y", "yr", "r", "i", "o", "yn", "ar", "am", "at", "ei",
            "eu", "fy", "dy", "ein", "eich", "mae", "sy", "sydd", "neu", "ond", "gyda", "wrth", "yw", "ydy", "beth", "sut",
            "pa", "gan", "na", "nad", "nid", "fel", "hefyd", "hwn", "hon", "hyn", "hynny", "mewn", "ym", "yng", "dros", "dan");

    static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
    static final int MOST_WORDS = 8;

    /** Radical first letters and what they become after a soft, nasal or aspirate mutation. */
    static final String[][] MUTATIONS = {
            {"t", "d", "nh", "th"}, {"c", "g", "ngh", "ch"}, {"p", "b", "mh", "ph"},
            {"b", "f", "m"}, {"d", "dd", "n"}, {"g", "", "ng"}, {"m", "f"}, {"ll", "l"}, {"rh", "r"}};

    private WelshQuery() {
    }

    /** A to_tsquery text: every word (any of its forms, as a prefix) must appear; empty when nothing is left to search for. */
    public static String tsquery(String query) {
        List<String> groups = new ArrayList<>();
        Matcher m = WORD.matcher(query == null ? "" : query.toLowerCase(Locale.ROOT));
        while (m.find() && groups.size() < MOST_WORDS) {
            String word = m.group();
            if (STOP_WORDS.contains(word)) {
                continue;
            }
            groups.add("(" + String.join(" | ", forms(word).stream().map(f -> f + ":*").toList()) + ")");
        }
        return String.join(" & ", groups);
    }

    /** The word, the radical forms it may come from, and every mutation of those. */
    static Set<String> forms(String word) {
        Set<String> radicals = new LinkedHashSet<>();
        radicals.add(word);
        for (String[] row : MUTATIONS) {
            for (int i = 1; i < row.length; i++) {
                String mutated = row[i];
                if (!mutated.isEmpty() && word.startsWith(mutated) && word.length() > mutated.length() + 1) {
                    radicals.add(row[0] + word.substring(mutated.length()));
                }
            }
        }
        if ("aeiouwyâêîôûŵŷ".indexOf(word.charAt(0)) >= 0) {
            radicals.add("g" + word); // "gwaith" loses its g after a soft mutation: "ei waith"
        }
        Set<String> forms = new LinkedHashSet<>();
        for (String radical : radicals) {
            forms.add(radical);
            for (String[] row : MUTATIONS) {
                if (radical.startsWith(row[0]) && radical.length() > row[0].length() + 1) {
                    for (int i = 1; i < row.length; i++) {
                        forms.add(row[i] + radical.substring(row[0].length()));
                    }
                }
            }
        }
        forms.removeIf(f -> f.length() < 2);
        return forms;
    }
}
