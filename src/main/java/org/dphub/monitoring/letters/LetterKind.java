package org.dphub.monitoring.letters;

/** The letters the service sends. Each has a shipped template in English and Welsh (resources/letters). */
public enum LetterKind {
    RETURN_DUE, QUESTION, SURPLUS_FOUND, REVIEW_DUE,
    /** The employer's liability insurance ends within 30 days: written by itself, once per policy and end date. */
    INSURANCE_RENEWAL;

    public String fileName(String language) {
        return "letters/" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "." + language + ".txt";
    }
}
