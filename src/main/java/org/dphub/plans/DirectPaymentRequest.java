package org.dphub.plans;

import java.time.LocalDate;
import java.util.List;

/** What a practitioner records to set up a direct payment. */
public record DirectPaymentRequest(long planId, boolean hasCapacity, Long representativeId, boolean excludedPerson,
                                   List<Long> paysHouseholdMemberIds, String necessityReason, AccountType accountType,
                                   LocalDate requestedOn, LocalDate startDate) {

    public DirectPaymentRequest {
        paysHouseholdMemberIds = paysHouseholdMemberIds == null ? List.of() : List.copyOf(paysHouseholdMemberIds);
    }
}
