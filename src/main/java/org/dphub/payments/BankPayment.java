package org.dphub.payments;

import java.time.LocalDate;
import org.dphub.plans.AccountType;

/**
 * One payment of a run as the bank file carries it. {@code payOn} is the day it is paid: its due
 * date, or the day the run was approved if that had passed.
 */
public record BankPayment(long paymentId, long accountId, AccountType accountType, String idempotencyKey, LocalDate dueDate,
                          long amountPence, BankDetails payee, LocalDate payOn) {

    /**
     * What the payee's bank statement shows: the managed account's or card provider's reference
     * for the person, else "DIRECT PAYMENT {account}". The bank file and the CSV use the same words.
     */
    public String reference() {
        return payee.reference() != null ? payee.reference() : "DIRECT PAYMENT " + accountId;
    }
}
