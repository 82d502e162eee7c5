package org.dphub.plans;

import java.math.BigDecimal;
import java.util.List;
import org.dphub.shared.Money;

/**
 * One line of a personal budget. HOURLY lines use hours a week and an hourly rate; WEEKLY lines
 * a weekly amount; ONE_OFF lines an amount. {@code outcomes} are the 1-based numbers of the
 * plan's outcomes that this line serves. {@code deliveryMechanism} says how this part of the
 * budget is taken: a direct payment unless the plan says otherwise. {@code isfProviderId} and
 * {@code isfProviderName}: for a line taken as an individual service fund, the directory organisation
 * that holds it (issue 18); empty for every other line.
 */
public record BudgetLine(String description, BudgetLineKind kind, BigDecimal hoursPerWeek, Money hourlyRate,
                         Money weeklyAmount, Money amount, List<Integer> outcomes, DeliveryMechanism deliveryMechanism,
                         java.util.UUID isfProviderId, String isfProviderName) {

    public BudgetLine {
        outcomes = outcomes == null ? List.of() : List.copyOf(outcomes);
        deliveryMechanism = deliveryMechanism == null ? DeliveryMechanism.DIRECT_PAYMENT : deliveryMechanism;
        // issue 18: only a line taken as an individual service fund names the provider that holds it
        if (deliveryMechanism != DeliveryMechanism.INDIVIDUAL_SERVICE_FUND) {
            isfProviderId = null;
            isfProviderName = null;
        }
    }

    /** A line with no individual service fund provider named. */
    public BudgetLine(String description, BudgetLineKind kind, BigDecimal hoursPerWeek, Money hourlyRate,
                      Money weeklyAmount, Money amount, List<Integer> outcomes, DeliveryMechanism deliveryMechanism) {
        this(description, kind, hoursPerWeek, hourlyRate, weeklyAmount, amount, outcomes, deliveryMechanism, null, null);
    }

    /** The same line held by this provider (an organisation of the community directory; issue 18). */
    public BudgetLine withIsfProvider(java.util.UUID providerId, String providerName) {
        return new BudgetLine(description, kind, hoursPerWeek, hourlyRate, weeklyAmount, amount, outcomes, deliveryMechanism,
                providerId, providerName);
    }

    public boolean isIndividualServiceFund() {
        return deliveryMechanism == DeliveryMechanism.INDIVIDUAL_SERVICE_FUND;
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
