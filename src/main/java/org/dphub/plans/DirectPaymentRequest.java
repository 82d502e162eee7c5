package org.dphub.plans;

import java.time.LocalDate;
import java.util.List;

/**
 * What a practitioner records to set up a direct payment. {@code recipientKind}, when given, must be
 * the plan's (null: the plan's kind).
 */
public record DirectPaymentRequest(long planId, boolean hasCapacity, Long representativeId, boolean excludedPerson,
                                   List<Long> paysHouseholdMemberIds, String necessityReason, AccountType accountType,
                                   LocalDate requestedOn, LocalDate startDate, RecipientKind recipientKind) {

    public DirectPaymentRequest(long planId, boolean hasCapacity, Long representativeId, boolean excludedPerson,
                                List<Long> paysHouseholdMemberIds, String necessityReason, AccountType accountType,
                                LocalDate requestedOn, LocalDate startDate) {
        this(planId, hasCapacity, representativeId, excludedPerson, paysHouseholdMemberIds, necessityReason, accountType,
                requestedOn, startDate, null);
    }

    public DirectPaymentRequest {
        paysHouseholdMemberIds = paysHouseholdMemberIds == null ? List.of() : List.copyOf(paysHouseholdMemberIds);
    }
}
