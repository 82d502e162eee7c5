package org.dphub.payments;

import java.time.LocalDate;
import org.dphub.plans.AccountType;

/**
 * One payment of a run as the bank file carries it. {@code payOn} is the day it is paid: its due
 * date, or the day the run was approved if that had passed.
 */
public record BankPayment(long paymentId, long accountId, AccountType accountType, String idempotencyKey, LocalDate dueDate,
                          long amountPence, BankDetails payee, LocalDate payOn, java.util.UUID organizationId) {

    /** A person's payment (not a provider's). */
    public BankPayment(long paymentId, long accountId, AccountType accountType, String idempotencyKey, LocalDate dueDate,
                       long amountPence, BankDetails payee, LocalDate payOn) {
        this(paymentId, accountId, accountType, idempotencyKey, dueDate, amountPence, payee, payOn, null);
    }

    /** A payment to a provider (issue 15): one a provider a run, the sum of its people's parts. */
    public boolean toProvider() {
        return organizationId != null;
    }

    /** Unique in the run's file: a person's payment by its id, a provider's payout as "PROV-{id}". */
    public String instructionId() {
        return toProvider() ? "PROV-" + paymentId : Long.toString(paymentId);
    }

    /**
     * What the payee's bank statement shows: the managed account's or card provider's reference
     * for the person, else "DIRECT PAYMENT {account}". The bank file and the CSV use the same words.
     */
    public String reference() {
        if (toProvider()) {
            // the provider's remittance CSV for the run carries the same reference
            return payee.reference() != null ? payee.reference() : "DPHUB REMIT " + paymentId;
        }
        return payee.reference() != null ? payee.reference() : "DIRECT PAYMENT " + accountId;
    }
}
