package org.dphub.payments;

import org.dphub.shared.Money;

/**
 * Surplus (issue 4): balance − money already committed − (council surplus weeks × weekly budget),
 * never below zero. Shown to the person, with the working, before any recovery is proposed.
 */
public record SurplusCalculation(Money balance, Money committed, int surplusWeeks, Money weeklyBudget, Money keep,
                                 Money surplus) {

    public static SurplusCalculation of(Money balance, Money committed, int surplusWeeks, Money weeklyBudget) {
        Money keep = weeklyBudget.times(surplusWeeks);
        Money surplus = balance.minus(committed).minus(keep);
        return new SurplusCalculation(balance, committed, surplusWeeks, weeklyBudget, keep,
                surplus.isNegative() ? Money.ZERO : surplus);
    }
}
