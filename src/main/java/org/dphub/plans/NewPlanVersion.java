package org.dphub.plans;

import java.time.LocalDate;
import java.util.List;
import org.dphub.councils.PaymentFrequency;
import org.dphub.shared.Money;

/** What a practitioner writes for a plan or a change to it. {@code endDate} makes the change temporary. */
public record NewPlanVersion(LocalDate startDate, LocalDate endDate, String eligibleNeeds, HowNeedsMet howNeedsMet,
                             PaymentFrequency paymentFrequency, Money weeklyContribution, String contingencyPlan,
                             String changeReason, List<String> outcomes, List<BudgetLine> budgetLines) {

    public NewPlanVersion {
        outcomes = List.copyOf(outcomes);
        budgetLines = List.copyOf(budgetLines);
    }
}
