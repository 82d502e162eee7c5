package org.dphub.plans;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.dphub.councils.PaymentFrequency;
import org.dphub.shared.Money;

/** One version of a care and support plan. Never changed: a change is a new version. */
public record PlanVersion(long id, long planId, long citizenId, long councilId, int version, LocalDate startDate,
                          LocalDate endDate, String eligibleNeeds, HowNeedsMet howNeedsMet,
                          PaymentFrequency paymentFrequency, Money weeklyContribution, String contingencyPlan,
                          String changeReason, List<String> outcomes, List<BudgetLine> budgetLines,
                          Money weeklyBudget, Money annualBudget, Money regularPayment, String createdBy,
                          Instant createdAt, List<List<UUID>> outcomeTerms, List<ContingencyArrangement> contingency) {

    public PlanVersion {
        outcomeTerms = termsFor(outcomes.size(), outcomeTerms);
        contingency = contingency == null ? List.of() : List.copyOf(contingency);
    }

    /** A version with no contingency arrangements recorded (issue 18). */
    public PlanVersion(long id, long planId, long citizenId, long councilId, int version, LocalDate startDate,
                       LocalDate endDate, String eligibleNeeds, HowNeedsMet howNeedsMet,
                       PaymentFrequency paymentFrequency, Money weeklyContribution, String contingencyPlan,
                       String changeReason, List<String> outcomes, List<BudgetLine> budgetLines,
                       Money weeklyBudget, Money annualBudget, Money regularPayment, String createdBy,
                       Instant createdAt, List<List<UUID>> outcomeTerms) {
        this(id, planId, citizenId, councilId, version, startDate, endDate, eligibleNeeds, howNeedsMet, paymentFrequency,
                weeklyContribution, contingencyPlan, changeReason, outcomes, budgetLines, weeklyBudget, annualBudget,
                regularPayment, createdBy, createdAt, outcomeTerms, null);
    }

    /**
     * Issue 18: who is paid what of this version's regular payment ({@link #regularPayment}, the whole
     * personal budget's for one period less the contribution): the person's direct payment, each
     * individual service fund provider's part, and the part the council arranges itself (paid to
     * nobody) — the same split the agreement and the payment schedule use ({@link BudgetCalculation#split}).
     * The parts add up to the regular payment exactly.
     */
    public BudgetCalculation.Split paymentSplit() {
        Money period = BudgetCalculation.forPeriod(weeklyBudget, paymentFrequency);
        return BudgetCalculation.split(budgetLines, new BudgetCalculation.Budget(weeklyBudget, annualBudget, period,
                period.minus(regularPayment), regularPayment), paymentFrequency);
    }

    /** Whether the version says what happens if a PA cannot come: an arrangement or notes. */
    public boolean hasContingency() {
        return !contingency.isEmpty() || (contingencyPlan != null && !contingencyPlan.isBlank());
    }

    /** A version whose outcomes are not tagged with any of the directory's terms. */
    public PlanVersion(long id, long planId, long citizenId, long councilId, int version, LocalDate startDate,
                       LocalDate endDate, String eligibleNeeds, HowNeedsMet howNeedsMet,
                       PaymentFrequency paymentFrequency, Money weeklyContribution, String contingencyPlan,
                       String changeReason, List<String> outcomes, List<BudgetLine> budgetLines,
                       Money weeklyBudget, Money annualBudget, Money regularPayment, String createdBy,
                       Instant createdAt) {
        this(id, planId, citizenId, councilId, version, startDate, endDate, eligibleNeeds, howNeedsMet, paymentFrequency,
                weeklyContribution, contingencyPlan, changeReason, outcomes, budgetLines, weeklyBudget, annualBudget,
                regularPayment, createdBy, createdAt, null, null);
    }

    /** One list of term ids for each outcome (1-based position n is index n - 1), empty where none were given. */
    static List<List<UUID>> termsFor(int outcomeCount, List<List<UUID>> given) {
        List<List<UUID>> terms = new ArrayList<>(outcomeCount);
        for (int i = 0; i < outcomeCount; i++) {
            List<UUID> one = given != null && i < given.size() && given.get(i) != null ? given.get(i) : List.of();
            terms.add(List.copyOf(new java.util.LinkedHashSet<>(one)));
        }
        return List.copyOf(terms);
    }

    /** The directory terms an outcome (1-based) is tagged with. */
    public List<UUID> termsOf(int outcome) {
        return outcome >= 1 && outcome <= outcomeTerms.size() ? outcomeTerms.get(outcome - 1) : List.of();
    }

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
