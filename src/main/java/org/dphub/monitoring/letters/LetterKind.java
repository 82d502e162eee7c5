package org.dphub.monitoring.letters;

/** The letters the service sends. Each has a shipped template in English and Welsh (resources/letters). */
public enum LetterKind {
    RETURN_DUE, QUESTION, SURPLUS_FOUND, REVIEW_DUE;

    public String fileName(String language) {
        return "letters/" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "." + language + ".txt";
    }
}
