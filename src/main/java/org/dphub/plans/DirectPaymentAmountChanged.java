package org.dphub.plans;

import java.time.LocalDate;

/**
 * A plan change sets a new regular payment (for the direct payment's own payment frequency) from
 * a date; a temporary change publishes a second one for the day it falls back.
 */
public record DirectPaymentAmountChanged(long directPaymentId, long councilId, LocalDate effectiveFrom,
                                         long regularPaymentPence, long weeklyBudgetPence, String reason,
                                         java.util.List<ServiceFundPart> serviceFunds) {

    public DirectPaymentAmountChanged {
        serviceFunds = serviceFunds == null ? java.util.List.of() : java.util.List.copyOf(serviceFunds);
    }

    public DirectPaymentAmountChanged(long directPaymentId, long councilId, LocalDate effectiveFrom, long regularPaymentPence,
                                      long weeklyBudgetPence, String reason) {
        this(directPaymentId, councilId, effectiveFrom, regularPaymentPence, weeklyBudgetPence, reason, null);
    }
}
