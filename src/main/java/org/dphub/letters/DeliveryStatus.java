package org.dphub.letters;

/** Where a letter's delivery stands ({@link DeliveryTransitions}). */
public enum DeliveryStatus {
    /** No GOV.UK Notify key when it was written: kept in the outbox exactly as it would have gone, not sent. */
    OUTBOX,
    /** Waiting for its next attempt. */
    PENDING,
    /** The delivery job is asking GOV.UK Notify now. */
    SENDING,
    /** GOV.UK Notify accepted it. */
    SENT,
    /** Not sent: Notify refused it for good, or every attempt failed. Staff can send it again. */
    FAILED
}
