package org.dphub.letters;

import java.util.Locale;

/** The letters the service sends. Each has a shipped template in English and Welsh (resources/letters). */
public enum LetterKind {
    RETURN_DUE, QUESTION, SURPLUS_FOUND, REVIEW_DUE,
    /** The employer's liability insurance ends within 30 days: written by itself, once per policy and end date. */
    INSURANCE_RENEWAL,
    /**
     * Money left over was taken back: written when a finance officer recovers it, once per recovery,
     * with the working. Never sent on its own through the API: it would tell a person money was
     * taken that was not.
     */
    SURPLUS_RECOVERED;

    public String fileName(String language) {
        return "letters/" + name().toLowerCase(Locale.ROOT).replace('_', '-') + "." + language + ".txt";
    }

    /** Whether staff may write this letter by itself (through the API); the rest are written by the work they report. */
    public boolean staffMayWrite() {
        return this != SURPLUS_RECOVERED;
    }
}
