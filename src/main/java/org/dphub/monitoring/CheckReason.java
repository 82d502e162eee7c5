package org.dphub.monitoring;

/** Why an account is selected for a check. Everything else is left to a light touch. */
public enum CheckReason {
    /** the first 3 months of a new direct payment */
    NEW_DIRECT_PAYMENT,
    /** more money left over than the council's weeks allow */
    SURPLUS,
    /** spending not linked to any outcome, above the set amount, in the last 90 days */
    UNLINKED_SPENDING,
    /** a bank account with no statement transactions in the last 90 days */
    MISSING_STATEMENTS,
    /** someone raised a concern since the last check */
    CONCERN
}
