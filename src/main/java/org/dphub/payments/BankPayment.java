package org.dphub.payments;

import java.time.LocalDate;
import org.dphub.plans.AccountType;

/** One payment of a run as the bank file carries it. */
public record BankPayment(long paymentId, long accountId, AccountType accountType, String idempotencyKey, LocalDate dueDate,
                          long amountPence, BankDetails payee) {
}
