package org.dphub.plans.web;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.dphub.councils.PaymentFrequency;
import org.dphub.plans.BudgetCalculation;
import org.dphub.plans.BudgetLine;
import org.dphub.plans.BudgetLineKind;
import org.dphub.plans.PlanVersion;
import org.dphub.shared.Money;

/**
 * One plan version as pages show it: outcomes numbered, each with the budget lines that serve
 * it, and the budget in the figures a person needs (a week, a year, each payment).
 */
record PlanView(PlanVersion version, List<Outcome> outcomes, List<Line> lines, Budget budget, LocalDateTime createdAt) {

    static final ZoneId UK = ZoneId.of("Europe/London");

    /** An outcome in the person's own words, with the lines that pay for it. */
    record Outcome(int number, String text, List<Line> lines) {
    }

    /** A budget line with its figures ready to show. {@code hours} is "10" or "7.5", never "10.00". */
    record Line(int number, String description, BudgetLineKind kind, String hours, Money rate, Money weeklyAmount,
                Money amount, Money weeklyCost, String outcomes, org.dphub.plans.DeliveryMechanism deliveryMechanism,
                String isfProviderName) {

        public boolean hourly() {
            return kind == BudgetLineKind.HOURLY;
        }

        public boolean weekly() {
            return kind == BudgetLineKind.WEEKLY;
        }
    }

    /**
     * The budget: {@code periodBudget} is the budget for one payment period, and
     * {@code contributionTaken} what was taken off it (net payments), so that
     * {@code regularPayment = periodBudget - contributionTaken}, as stored with the version.
     * {@code toPerson} is the part of it paid to the person (issue 18): not the lines an individual
     * service fund provider holds ({@code serviceFunds}, each provider's part), nor the support the
     * council arranges itself ({@code arranged}, paid to nobody); the parts add up to the regular
     * payment ({@link BudgetCalculation#split}, as the agreement and the payment schedule use).
     */
    record Budget(Money weekly, Money annual, PaymentFrequency frequency, Money periodBudget, Money contributionTaken,
                  Money regularPayment, Money toPerson, List<org.dphub.plans.ServiceFundPart> serviceFunds, Money arranged) {

        /** Each provider's part of the regular payment, for the page. */
        public List<Part> providerParts() {
            return serviceFunds.stream().map(f -> new Part(f.organizationName(), Money.ofPence(f.regularPaymentPence()))).toList();
        }

        public boolean arrangedByCouncil() {
            return !arranged.isZero();
        }

        public boolean contributionTakenOff() {
            return !contributionTaken.isZero();
        }

        /** Part of the regular payment is held by a provider or arranged by the council, not paid to the person. */
        public boolean partNotPaidToPerson() {
            return !toPerson.equals(regularPayment);
        }

        public Money notPaidToPerson() {
            return regularPayment.minus(toPerson);
        }
    }

    /** A provider's part of the regular payment: who holds it, how much. */
    record Part(String provider, Money amount) {
    }

    static PlanView of(PlanVersion v) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < v.budgetLines().size(); i++) {
            BudgetLine l = v.budgetLines().get(i);
            lines.add(new Line(i + 1, l.description(), l.kind(), hours(l.hoursPerWeek()), l.hourlyRate(), l.weeklyAmount(),
                    l.amount(), l.weeklyCost(), l.outcomes().stream().map(String::valueOf).collect(Collectors.joining(", ")),
                    l.deliveryMechanism(), l.isfProviderName()));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (int n = 1; n <= v.outcomes().size(); n++) {
            int number = n;
            outcomes.add(new Outcome(n, v.outcomes().get(n - 1), lines.stream()
                    .filter(line -> v.budgetLines().get(line.number() - 1).outcomes().contains(number)).toList()));
        }
        Money period = BudgetCalculation.forPeriod(v.weeklyBudget(), v.paymentFrequency());
        BudgetCalculation.Split split = v.paymentSplit();
        Budget budget = new Budget(v.weeklyBudget(), v.annualBudget(), v.paymentFrequency(), period,
                period.minus(v.regularPayment()), v.regularPayment(), split.personRegular(), split.serviceFunds(),
                split.arrangedRegular());
        return new PlanView(v, outcomes, lines, budget, LocalDateTime.ofInstant(v.createdAt(), UK));
    }

    static String hours(BigDecimal hours) {
        return hours == null ? "" : hours.stripTrailingZeros().toPlainString();
    }
}
