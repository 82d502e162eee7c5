package org.dphub.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

public record DirectPayment(long id, long councilId, long citizenId, long planId, DirectPaymentStatus status,
                            boolean hasCapacity, Long representativeId, AccountType accountType, LocalDate requestedOn,
                            LocalDate startDate, Instant agreedAt, String agreedBy, String agreementMethod,
                            LocalDate paperSignedOn, LocalDate firstPaymentDate, List<Long> householdPayeeIds,
                            String createdBy, RecipientKind recipientKind, Long continuesDirectPaymentId) {

    /** An adult's own direct payment. */
    public DirectPayment(long id, long councilId, long citizenId, long planId, DirectPaymentStatus status,
                         boolean hasCapacity, Long representativeId, AccountType accountType, LocalDate requestedOn,
                         LocalDate startDate, Instant agreedAt, String agreedBy, String agreementMethod,
                         LocalDate paperSignedOn, LocalDate firstPaymentDate, List<Long> householdPayeeIds,
                         String createdBy) {
        this(id, councilId, citizenId, planId, status, hasCapacity, representativeId, accountType, requestedOn, startDate,
                agreedAt, agreedBy, agreementMethod, paperSignedOn, firstPaymentDate, householdPayeeIds, createdBy,
                RecipientKind.ADULT, null);
    }

    public boolean awaitingAgreement() {
        return status == DirectPaymentStatus.AWAITING_AGREEMENT;
    }
}
