package org.dphub.payments;

/**
 * A payment run's life:
 * <pre>
 * RUNNING ----selected-----> READY_FOR_APPROVAL --second finance officer approves--> APPROVED
 * RUNNING ----error--------> FAILED --started again for the same date--> RUNNING
 * </pre>
 */
public enum PaymentRunStatus {
    RUNNING, READY_FOR_APPROVAL, APPROVED, FAILED
}
