package org.dphub.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.dphub.councils.PaymentFrequency;
import org.dphub.shared.Money;

/** One version of a care and support plan. Never changed: a change is a new version. */
public record PlanVersion(long id, long planId, long citizenId, long councilId, int version, LocalDate startDate,
                          LocalDate endDate, String eligibleNeeds, HowNeedsMet howNeedsMet,
                          PaymentFrequency paymentFrequency, Money weeklyContribution, String contingencyPlan,
                          String changeReason, List<String> outcomes, List<BudgetLine> budgetLines,
                          Money weeklyBudget, Money annualBudget, Money regularPayment, String createdBy,
                          Instant createdAt) {

    public boolean isTemporary() {
        return endDate != null;
    }

    /** In force on a day: started, and not past its end date if it has one. */
    public boolean coversDay(LocalDate day) {
        return !startDate.isAfter(day) && (endDate == null || !endDate.isBefore(day));
    }

    /** The lines that serve an outcome (1-based). */
    public List<BudgetLine> linesServing(int outcome) {
        return budgetLines.stream().filter(l -> l.outcomes().contains(outcome)).toList();
    }
}
