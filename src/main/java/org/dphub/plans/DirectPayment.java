package org.dphub.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

public record DirectPayment(long id, long councilId, long citizenId, long planId, DirectPaymentStatus status,
                            boolean hasCapacity, Long representativeId, AccountType accountType, LocalDate requestedOn,
                            LocalDate startDate, Instant agreedAt, String agreedBy, String agreementMethod,
                            LocalDate paperSignedOn, LocalDate firstPaymentDate, List<Long> householdPayeeIds,
                            String createdBy) {

    public boolean awaitingAgreement() {
        return status == DirectPaymentStatus.AWAITING_AGREEMENT;
    }
}
