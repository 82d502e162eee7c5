package org.dphub.payments;

/**
 * What a ledger transaction is: council funding into an account, spending out of it, a recovery
 * back to the council, a correction, or money paid into the account from outside (a refund or the
 * person's own contribution, from a statement).
 */
public enum LedgerKind {
    FUNDING, SPENDING, RECOVERY, CORRECTION, MONEY_IN
}
