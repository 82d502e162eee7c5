package org.dphub.plans;

import java.time.LocalDate;
import org.dphub.councils.PaymentFrequency;

/**
 * A direct payment's agreement was accepted: the payments module opens its account and
 * schedule from this (published through Spring Modulith's event registry in PostgreSQL).
 * {@code agreedOn} is the day the agreement was made: the day a signed paper copy was signed,
 * or the day it was accepted online (null in events stored before it was added).
 */
public record DirectPaymentActivated(long directPaymentId, long councilId, long citizenId, long planId,
                                     AccountType accountType, LocalDate startDate, PaymentFrequency paymentFrequency,
                                     long regularPaymentPence, long weeklyBudgetPence, LocalDate agreedOn,
                                     java.util.List<ServiceFundPart> serviceFunds) {

    public DirectPaymentActivated {
        serviceFunds = serviceFunds == null ? java.util.List.of() : java.util.List.copyOf(serviceFunds);
    }

    /** A direct payment with no individual service fund: all of it is paid to the person. */
    public DirectPaymentActivated(long directPaymentId, long councilId, long citizenId, long planId, AccountType accountType,
                                  LocalDate startDate, PaymentFrequency paymentFrequency, long regularPaymentPence,
                                  long weeklyBudgetPence, LocalDate agreedOn) {
        this(directPaymentId, councilId, citizenId, planId, accountType, startDate, paymentFrequency, regularPaymentPence,
                weeklyBudgetPence, agreedOn, null);
    }
}
