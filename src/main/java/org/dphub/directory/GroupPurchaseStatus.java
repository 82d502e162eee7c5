package org.dphub.directory;

/** Where a group purchase is: see {@link GroupPurchaseTransitions}. */
public enum GroupPurchaseStatus {
    /** Proposed: members join and agree; no money has moved. */
    OPEN,
    /** Every member agreed and the organiser confirmed: each share is on its member's account, the provider is paid by the run. */
    CONFIRMED,
    /** The organiser called it off before it was confirmed; nobody paid anything. */
    CANCELLED
}
