package org.dphub.payments;

/** What a ledger transaction is: council funding into an account, spending out of it, a recovery back to the council, or a correction. */
public enum LedgerKind {
    FUNDING, SPENDING, RECOVERY, CORRECTION
}
