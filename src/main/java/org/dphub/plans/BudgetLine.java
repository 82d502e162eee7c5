package org.dphub.plans;

import java.math.BigDecimal;
import java.util.List;
import org.dphub.shared.Money;

/**
 * One line of a personal budget. HOURLY lines use hours a week and an hourly rate; WEEKLY lines
 * a weekly amount; ONE_OFF lines an amount. {@code outcomes} are the 1-based numbers of the
 * plan's outcomes that this line serves.
 */
public record BudgetLine(String description, BudgetLineKind kind, BigDecimal hoursPerWeek, Money hourlyRate,
                         Money weeklyAmount, Money amount, List<Integer> outcomes) {

    public BudgetLine {
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
    }

    /** What this line costs each week (zero for a one-off line). */
    public Money weeklyCost() {
        return BudgetCalculation.weeklyCost(this);
    }
}
