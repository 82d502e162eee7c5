package org.dphub.payments;

import java.time.LocalDate;
import org.dphub.plans.AccountType;

public record Account(long id, long councilId, long citizenId, Long directPaymentId, AccountType type,
                      AccountStatus status, LocalDate openedOn, LocalDate closedOn) {
}
