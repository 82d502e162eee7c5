package org.dphub.plans;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.dphub.councils.ContributionBasis;
import org.dphub.councils.PaymentFrequency;
import org.dphub.shared.Money;

/**
 * The personal budget, exactly (issue 3 "Computation rules"):
 * <ul>
 * <li>an hourly line's weekly amount = hours a week × hourly rate, rounded half-up to the penny;</li>
 * <li>weekly budget = the weekly amounts of all hourly and weekly lines;</li>
 * <li>annual budget = weekly budget × 52 + all one-off lines;</li>
 * <li>regular payment: weekly = weekly budget; 4-weekly = 4 × weekly; monthly = weekly × 52 / 12
 *     rounded half-up; paid net, the contribution for the same period is taken off (never below zero).</li>
 * </ul>
 */
public final class BudgetCalculation {


    private BudgetCalculation() {
    }

    public record Budget(Money weekly, Money annual, Money periodBudget, Money periodContribution, Money regularPayment) {
    }

    public static Money weeklyCost(BudgetLine line) {
        return switch (line.kind()) {
            case HOURLY -> line.hourlyRate().times(line.hoursPerWeek(), RoundingMode.HALF_UP);
            case WEEKLY -> line.weeklyAmount();
            case ONE_OFF -> Money.ZERO;
        };
    }

    public static Budget of(List<BudgetLine> lines, PaymentFrequency frequency, Money weeklyContribution,
                            ContributionBasis basis) {
        Money weekly = Money.ZERO;
        Money oneOffs = Money.ZERO;
        for (BudgetLine line : lines) {
            if (line.kind() == BudgetLineKind.ONE_OFF) {
                oneOffs = oneOffs.plus(line.amount());
            } else {
                weekly = weekly.plus(weeklyCost(line));
            }
        }
        Money annual = weekly.times(52).plus(oneOffs);
        Money periodBudget = forPeriod(weekly, frequency);
        Money periodContribution = basis == ContributionBasis.NET ? forPeriod(weeklyContribution, frequency) : Money.ZERO;
        Money regular = periodBudget.minus(periodContribution);
        return new Budget(weekly, annual, periodBudget, periodContribution, regular.isNegative() ? Money.ZERO : regular);
    }

    /** A weekly amount turned into the amount for one payment period. */
    public static Money forPeriod(Money weekly, PaymentFrequency frequency) {
        return switch (frequency) {
            case WEEKLY -> weekly;
            case FOUR_WEEKLY -> weekly.times(4);
            // weekly × 52 / 12, rounded half-up once
            case MONTHLY -> Money.ofPence(BigDecimal.valueOf(weekly.pence()).multiply(BigDecimal.valueOf(52))
                    .divide(BigDecimal.valueOf(12), 0, RoundingMode.HALF_UP).longValueExact());
        };
    }

}
