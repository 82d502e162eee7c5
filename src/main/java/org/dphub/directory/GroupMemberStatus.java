package org.dphub.directory;

/** Where one member of a group purchase is: see {@link GroupMemberTransitions}. */
public enum GroupMemberStatus {
    /** Invited by the organiser, or asked to join; has not agreed to their share yet. */
    INVITED,
    /** Agreed, from their own account (or their representative's), to this share and these dates. */
    CONSENTED,
    /** Their share is spending on their account's ledger. */
    PAID,
    /** Left (or was taken off before paying); if they had paid, refunded for the sessions not yet held. */
    LEFT
}
