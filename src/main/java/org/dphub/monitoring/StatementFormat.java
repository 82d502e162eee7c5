package org.dphub.monitoring;

/** The kinds of file a statement can come in. */
public enum StatementFormat {
    /** comma-separated values with a header row (the generic layout, or a saved column mapping) */
    CSV,
    /** ISO 20022 bank-to-customer statement, camt.053 */
    CAMT_053
}
