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

    /**
     * Issue 18: who is paid what of a regular payment. Lines taken as an individual service fund are
     * paid to the provider holding them (one part a provider, in the order the plan first names
     * them); lines the council arranges itself (a council-managed budget, council-commissioned
     * support) are paid to nobody — the council buys that support — and are {@code arrangedRegular};
     * the rest is the person's. A contribution (paid net) comes off the person's part first, then
     * off the providers' parts in turn, then off the arranged part, so the parts always add up to the
     * regular payment exactly.
     */
    public record Split(Money personRegular, Money personWeekly, List<ServiceFundPart> serviceFunds, Money arrangedRegular) {
    }

    public static Split split(List<BudgetLine> lines, Budget budget, PaymentFrequency frequency) {
        java.util.Map<java.util.UUID, Money> weekly = new java.util.LinkedHashMap<>();
        java.util.Map<java.util.UUID, String> names = new java.util.HashMap<>();
        Money arrangedWeekly = Money.ZERO;
        for (BudgetLine line : lines) {
            if (line.kind() != BudgetLineKind.ONE_OFF && (line.deliveryMechanism() == DeliveryMechanism.COUNCIL_COMMISSIONED
                    || line.deliveryMechanism() == DeliveryMechanism.COUNCIL_MANAGED_BUDGET)) {
                arrangedWeekly = arrangedWeekly.plus(weeklyCost(line));
            }
            if (line.isIndividualServiceFund() && line.isfProviderId() != null && line.kind() != BudgetLineKind.ONE_OFF) {
                weekly.merge(line.isfProviderId(), weeklyCost(line), Money::plus);
                names.putIfAbsent(line.isfProviderId(), line.isfProviderName());
            }
        }
        Money fundsPeriod = Money.ZERO;
        Money fundsWeekly = Money.ZERO;
        java.util.Map<java.util.UUID, Money> period = new java.util.LinkedHashMap<>();
        for (var e : weekly.entrySet()) {
            Money p = forPeriod(e.getValue(), frequency);
            period.put(e.getKey(), p);
            fundsPeriod = fundsPeriod.plus(p);
            fundsWeekly = fundsWeekly.plus(e.getValue());
        }
        Money arrangedPeriod = forPeriod(arrangedWeekly, frequency);
        Money personPeriod = budget.periodBudget().minus(fundsPeriod).minus(arrangedPeriod);
        if (personPeriod.isNegative()) {
            // rounding a month's parts one by one can pass the month's total by a penny: the arranged part gives it back
            arrangedPeriod = arrangedPeriod.plus(personPeriod);
            personPeriod = Money.ZERO;
        }
        Money contribution = budget.periodContribution();
        Money fromPerson = contribution.isGreaterThan(personPeriod) ? personPeriod : contribution;
        Money rest = contribution.minus(fromPerson);
        List<ServiceFundPart> parts = new java.util.ArrayList<>();
        for (var e : period.entrySet()) {
            Money taken = rest.isGreaterThan(e.getValue()) ? e.getValue() : rest;
            rest = rest.minus(taken);
            parts.add(new ServiceFundPart(e.getKey(), names.get(e.getKey()), e.getValue().minus(taken).pence(),
                    weekly.get(e.getKey()).pence()));
        }
        Money fromArranged = rest.isGreaterThan(arrangedPeriod) ? arrangedPeriod : rest;
        return new Split(personPeriod.minus(fromPerson), budget.weekly().minus(fundsWeekly).minus(arrangedWeekly), List.copyOf(parts),
                arrangedPeriod.minus(fromArranged));
    }
}
