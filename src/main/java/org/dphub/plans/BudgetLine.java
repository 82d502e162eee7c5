package org.dphub.plans;

import java.math.BigDecimal;
import java.util.List;
import org.dphub.shared.Money;

/**
 * One line of a personal budget. HOURLY lines use hours a week and an hourly rate; WEEKLY lines
 * a weekly amount; ONE_OFF lines an amount. {@code outcomes} are the 1-based numbers of the
 * plan's outcomes that this line serves. {@code deliveryMechanism} says how this part of the
 * budget is taken: a direct payment unless the plan says otherwise.
 */
public record BudgetLine(String description, BudgetLineKind kind, BigDecimal hoursPerWeek, Money hourlyRate,
                         Money weeklyAmount, Money amount, List<Integer> outcomes, DeliveryMechanism deliveryMechanism) {

    public BudgetLine {
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        deliveryMechanism = deliveryMechanism == null ? DeliveryMechanism.DIRECT_PAYMENT : deliveryMechanism;
    }

    /** A line taken as a direct payment. */
    public BudgetLine(String description, BudgetLineKind kind, BigDecimal hoursPerWeek, Money hourlyRate,
                      Money weeklyAmount, Money amount, List<Integer> outcomes) {
        this(description, kind, hoursPerWeek, hourlyRate, weeklyAmount, amount, outcomes, DeliveryMechanism.DIRECT_PAYMENT);
    }

    /** What this line costs each week (zero for a one-off line). */
    public Money weeklyCost() {
        return BudgetCalculation.weeklyCost(this);
    }
}
