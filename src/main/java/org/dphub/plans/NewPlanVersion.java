package org.dphub.plans;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.dphub.councils.PaymentFrequency;
import org.dphub.shared.Money;

/**
 * What a practitioner writes for a plan or a change to it. {@code endDate} makes the change temporary.
 * {@code outcomeTerms} has one list per outcome, in the same order: the directory's outcomes and needs
 * (taxonomy term ids) the outcome is tagged with, often none.
 */
public record NewPlanVersion(LocalDate startDate, LocalDate endDate, String eligibleNeeds, HowNeedsMet howNeedsMet,
                             PaymentFrequency paymentFrequency, Money weeklyContribution, String contingencyPlan,
                             String changeReason, List<String> outcomes, List<BudgetLine> budgetLines,
                             List<List<UUID>> outcomeTerms, List<ContingencyArrangement> contingency) {

    public NewPlanVersion {
        outcomes = List.copyOf(outcomes);
        budgetLines = List.copyOf(budgetLines);
        outcomeTerms = PlanVersion.termsFor(outcomes.size(), outcomeTerms);
        contingency = contingency == null ? List.of() : List.copyOf(contingency);
    }

    /** A plan with no contingency arrangements (issue 18). */
    public NewPlanVersion(LocalDate startDate, LocalDate endDate, String eligibleNeeds, HowNeedsMet howNeedsMet,
                          PaymentFrequency paymentFrequency, Money weeklyContribution, String contingencyPlan,
                          String changeReason, List<String> outcomes, List<BudgetLine> budgetLines,
                          List<List<UUID>> outcomeTerms) {
        this(startDate, endDate, eligibleNeeds, howNeedsMet, paymentFrequency, weeklyContribution, contingencyPlan,
                changeReason, outcomes, budgetLines, outcomeTerms, null);
    }

    /** A plan whose outcomes are not tagged with any of the directory's terms. */
    public NewPlanVersion(LocalDate startDate, LocalDate endDate, String eligibleNeeds, HowNeedsMet howNeedsMet,
                          PaymentFrequency paymentFrequency, Money weeklyContribution, String contingencyPlan,
                          String changeReason, List<String> outcomes, List<BudgetLine> budgetLines) {
        this(startDate, endDate, eligibleNeeds, howNeedsMet, paymentFrequency, weeklyContribution, contingencyPlan,
                changeReason, outcomes, budgetLines, null, null);
    }
}
