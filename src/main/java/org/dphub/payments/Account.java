package org.dphub.payments;

import java.time.LocalDate;
import org.dphub.plans.AccountType;

/**
 * A money account. For an individual service fund (issue 18) {@code isfDirectPaymentId} is the direct
 * payment agreement that funds it and {@code isfOrganizationId}/{@code isfOrganizationName} the
 * directory provider that holds it for the person; all three are empty for every other account.
 */
public record Account(long id, long councilId, long citizenId, Long directPaymentId, AccountType type,
                      AccountStatus status, LocalDate openedOn, LocalDate closedOn, Long isfDirectPaymentId,
                      java.util.UUID isfOrganizationId, String isfOrganizationName) {

    public Account(long id, long councilId, long citizenId, Long directPaymentId, AccountType type, AccountStatus status,
                   LocalDate openedOn, LocalDate closedOn) {
        this(id, councilId, citizenId, directPaymentId, type, status, openedOn, closedOn, null, null, null);
    }

    public boolean isIndividualServiceFund() {
        return type == AccountType.INDIVIDUAL_SERVICE_FUND;
    }
}
