package org.dphub.approvals;

import java.time.LocalDate;
import org.dphub.plans.AccountType;

/** A one-off payment was approved: the payments module opens an account if needed and pays it in the next run. */
public record OneOffPaymentApproved(long oneOffId, long councilId, long citizenId, long amountPence, AccountType accountType,
                                    LocalDate approvedOn, String purpose) {
}
