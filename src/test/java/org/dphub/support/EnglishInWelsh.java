package org.dphub.support;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Finds English on a page shown in Welsh: the English text of every message whose Welsh differs,
 * cut into the literal pieces between its placeholders ("Dechreuodd {0} ar {1}" has none long
 * enough; "Enter a real postcode, like {0}" gives "Enter a real postcode, like"). Only pieces of
 * at least three words or fifteen characters count, so a name or a short word that is the same in
 * both languages is never taken for English, and a piece that also appears in some Welsh message
 * (a proper name such as "National Insurance" kept in a Welsh sentence) is left out, as is a name
 * with every word capitalised, which a person may have typed.
 */
public final class EnglishInWelsh {

    static final int MIN_WORDS = 3;
    static final int MIN_CHARACTERS = 15;

    /** A piece of English and the message key it comes from. */
    public record Phrase(String key, String text) {
    }

    private final List<Phrase> phrases = new ArrayList<>();

    EnglishInWelsh(Properties english, Properties welsh) {
        StringBuilder allWelsh = new StringBuilder();
        for (String key : welsh.stringPropertyNames()) {
            allWelsh.append(String.join(" ", literalPieces(welsh.getProperty(key)))).append('\n');
        }
        for (String key : english.stringPropertyNames()) {
            String en = english.getProperty(key);
            if (en.equals(welsh.getProperty(key))) {
                continue;
            }
            for (String piece : literalPieces(en)) {
                if (longEnough(piece) && !properName(piece) && allWelsh.indexOf(piece) < 0) {
                    phrases.add(new Phrase(key, piece));
                }
            }
        }
    }

    /** From the application's own bundles, messages.properties and messages_cy.properties. */
    public static EnglishInWelsh fromTheBundles() {
        return new EnglishInWelsh(load("messages.properties"), load("messages_cy.properties"));
    }

    public List<Phrase> phrases() {
        return List.copyOf(phrases);
    }

    /** Every English phrase in the text (whitespace runs count as one space), with its key. */
    public List<Phrase> foundIn(String text) {
        String normal = text.replaceAll("\\s+", " ");
        return phrases.stream().filter(p -> normal.contains(p.text())).toList();
    }

    /**
     * A name with every word capitalised ("British Sign Language"): people type those too (a
     * person's communication needs), so finding one on a page says nothing about the bundle.
     */
    static boolean properName(String piece) {
        return java.util.Arrays.stream(piece.split(" ")).allMatch(w -> Character.isUpperCase(w.codePointAt(0)));
    }

    static boolean longEnough(String piece) {
        return piece.length() >= MIN_CHARACTERS || piece.split(" ").length >= MIN_WORDS;
    }

    /**
     * The text of a MessageFormat pattern between its placeholders, as a reader sees it: quotes
     * undone ('' is one apostrophe), whitespace made single, each piece trimmed.
     */
    static List<String> literalPieces(String pattern) {
        List<String> pieces = new ArrayList<>();
        StringBuilder piece = new StringBuilder();
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '\'') {
                    if (depth == 0) {
                        piece.append('\'');
                    }
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (quoted) {
                if (depth == 0) {
                    piece.append(c);
                }
            } else if (c == '{') {
                if (depth == 0) {
                    add(pieces, piece);
                }
                depth++;
            } else if (c == '}' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                piece.append(c);
            }
        }
        add(pieces, piece);
        return pieces;
    }

    private static void add(List<String> pieces, StringBuilder piece) {
        String text = piece.toString().replaceAll("\\s+", " ").strip();
        if (!text.isEmpty()) {
            pieces.add(text);
        }
        piece.setLength(0);
    }

    static Properties load(String name) {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(EnglishInWelsh.class.getResourceAsStream("/" + name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
