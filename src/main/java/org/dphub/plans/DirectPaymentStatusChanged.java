package org.dphub.plans;

import java.time.LocalDate;

/**
 * A direct payment was suspended, resumed or ended from a date. The payments module stops or
 * restarts its payments (with the regular payment in force on that date) or closes its account.
 */
public record DirectPaymentStatusChanged(long directPaymentId, long councilId, DirectPaymentTransitions.Event event,
                                         LocalDate effectiveOn, String reason, long regularPaymentPence,
                                         long weeklyBudgetPence, java.util.List<ServiceFundPart> serviceFunds) {

    public DirectPaymentStatusChanged {
        serviceFunds = serviceFunds == null ? java.util.List.of() : java.util.List.copyOf(serviceFunds);
    }

    public DirectPaymentStatusChanged(long directPaymentId, long councilId, DirectPaymentTransitions.Event event,
                                      LocalDate effectiveOn, String reason, long regularPaymentPence, long weeklyBudgetPence) {
        this(directPaymentId, councilId, event, effectiveOn, reason, regularPaymentPence, weeklyBudgetPence, null);
    }
}
