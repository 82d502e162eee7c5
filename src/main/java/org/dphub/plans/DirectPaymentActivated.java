package org.dphub.plans;

import java.time.LocalDate;
import org.dphub.councils.PaymentFrequency;

/**
 * A direct payment's agreement was accepted: the payments module opens its account and
 * schedule from this (published through Spring Modulith's event registry in PostgreSQL).
 */
public record DirectPaymentActivated(long directPaymentId, long councilId, long citizenId, long planId,
                                     AccountType accountType, LocalDate startDate, PaymentFrequency paymentFrequency,
                                     long regularPaymentPence, long weeklyBudgetPence) {
}
