package org.dphub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.dphub.councils.ContributionBasis;
import org.dphub.councils.PaymentFrequency;
import org.dphub.shared.Money;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The personal budget, exactly as issue 3 "Computation rules" states it (also the Javadoc of
 * {@link BudgetCalculation}). All amounts are in pence; every expected value is worked by hand.
 */
class BudgetCalculationTest {

    static BudgetLine hourly(String hours, long ratePence) {
        return new BudgetLine("Personal assistant", BudgetLineKind.HOURLY, new BigDecimal(hours), Money.ofPence(ratePence),
                null, null, List.of(1));
    }

    static BudgetLine weekly(long pence) {
        return new BudgetLine("Gym membership", BudgetLineKind.WEEKLY, null, null, Money.ofPence(pence), null, List.of(1));
    }

    static BudgetLine oneOff(long pence) {
        return new BudgetLine("Smart speaker", BudgetLineKind.ONE_OFF, null, null, null, Money.ofPence(pence), List.of(1));
    }

    static BudgetCalculation.Budget budget(List<BudgetLine> lines, PaymentFrequency frequency, long contributionPence,
                                           ContributionBasis basis) {
        return BudgetCalculation.of(lines, frequency, Money.ofPence(contributionPence), basis);
    }

    @Nested
    class HourlyLine_issue3_hoursTimesRateRoundedHalfUpToThePenny {

        @ParameterizedTest(name = "{0} h × {1}p = {2}p")
        @CsvSource(delimiter = '|', value = {
                // 10 × 1328 = 13280 exactly (£132.80)
                "10    | 1328 | 13280",
                "10.00 | 1328 | 13280",
                // 7.5 × 1328 = 9960 exactly
                "7.5   | 1328 | 9960",
                // 7.33 × 1328 = 9734.24 → down to 9734 (£97.34)
                "7.33  | 1328 | 9734",
                // 2.50 × 13 = 32.5 → half-up to 33 (half-even would give 32)
                "2.50  | 13   | 33",
                // 0.5 × 1 = 0.5 → half-up to 1 (half-even would give 0)
                "0.5   | 1    | 1",
                // 1.49 × 1 = 1.49 → down to 1
                "1.49  | 1    | 1",
                // 3.33 × 15 = 49.95 → up to 50
                "3.33  | 15   | 50",
                // 2.49 × 13 = 32.37 → down to 32
                "2.49  | 13   | 32",
                // 0 h × anything = 0
                "0     | 1328 | 0",
                // 168 × 1328 = 223104 (the most hours in a week)
                "168   | 1328 | 223104",
        })
        void weeklyCost(String hours, long ratePence, long expectedPence) {
            assertThat(BudgetCalculation.weeklyCost(hourly(hours, ratePence))).isEqualTo(Money.ofPence(expectedPence));
            assertThat(hourly(hours, ratePence).weeklyCost()).isEqualTo(Money.ofPence(expectedPence));
        }

        @Test
        void eachLineIsRoundedOnItsOwnBeforeTheyAreAddedUp() {
            // each line: 2.50 × 13 = 32.5 → 33; two lines: 33 + 33 = 66 (rounding the sum 65.0 would give 65)
            var b = budget(List.of(hourly("2.50", 13), hourly("2.50", 13)), PaymentFrequency.WEEKLY, 0, ContributionBasis.GROSS);
            assertThat(b.weekly()).isEqualTo(Money.ofPence(66));
        }
    }

    @Nested
    class WeeklyAndAnnual_issue3 {

        @Test
        void weeklyLineCostsItsWeeklyAmount_oneOffCostsNothingWeekly() {
            assertThat(BudgetCalculation.weeklyCost(weekly(2500))).isEqualTo(Money.ofPence(2500));
            assertThat(BudgetCalculation.weeklyCost(oneOff(30000))).isEqualTo(Money.ZERO);
        }

        @Test
        void weeklyBudgetIsHourlyPlusWeeklyLines_annualIsWeeklyTimes52PlusOneOffs() {
            // weekly = 10 × 1328 + 2500 = 13280 + 2500 = 15780 (the 30000 one-off adds nothing weekly)
            // annual = 15780 × 52 + 30000 = 820560 + 30000 = 850560 (£8,505.60)
            var b = budget(List.of(hourly("10", 1328), weekly(2500), oneOff(30000)), PaymentFrequency.WEEKLY, 0,
                    ContributionBasis.GROSS);
            assertThat(b.weekly()).isEqualTo(Money.ofPence(15780));
            assertThat(b.annual()).isEqualTo(Money.ofPence(850560));
        }

        @Test
        void severalOneOffsAreAllAddedToTheYearOnly() {
            // weekly = 0; annual = 0 × 52 + 30000 + 4999 = 34999
            var b = budget(List.of(oneOff(30000), oneOff(4999)), PaymentFrequency.FOUR_WEEKLY, 0, ContributionBasis.GROSS);
            assertThat(b.weekly()).isEqualTo(Money.ZERO);
            assertThat(b.annual()).isEqualTo(Money.ofPence(34999));
            assertThat(b.periodBudget()).isEqualTo(Money.ZERO);
            assertThat(b.regularPayment()).isEqualTo(Money.ZERO);
        }

        @Test
        void noLinesIsNothing() {
            var b = budget(List.of(), PaymentFrequency.MONTHLY, 0, ContributionBasis.NET);
            assertThat(b.weekly()).isEqualTo(Money.ZERO);
            assertThat(b.annual()).isEqualTo(Money.ZERO);
            assertThat(b.regularPayment()).isEqualTo(Money.ZERO);
        }
    }

    @Nested
    class RegularPayment_issue3_perFrequency {

        @ParameterizedTest(name = "{0}: {1}p a week → {2}p a period")
        @CsvSource(delimiter = '|', value = {
                // weekly = weekly
                "WEEKLY      | 10000 | 10000",
                // 4-weekly = 4 × 10000 = 40000
                "FOUR_WEEKLY | 10000 | 40000",
                // monthly = 10000 × 52 / 12 = 520000 / 12 = 43333.33 → 43333 (£433.33)
                "MONTHLY     | 10000 | 43333",
                // monthly = 10001 × 52 / 12 = 520052 / 12 = 43337.67 → 43338 (rounds up)
                "MONTHLY     | 10001 | 43338",
                // monthly = 15780 × 52 / 12 = 820560 / 12 = 68380 exactly
                "MONTHLY     | 15780 | 68380",
                // monthly = 1 × 52 / 12 = 4.33 → 4
                "MONTHLY     | 1     | 4",
                // monthly = 2 × 52 / 12 = 8.67 → 9
                "MONTHLY     | 2     | 9",
                "MONTHLY     | 0     | 0",
        })
        void forPeriod(PaymentFrequency frequency, long weeklyPence, long expectedPence) {
            assertThat(BudgetCalculation.forPeriod(Money.ofPence(weeklyPence), frequency)).isEqualTo(Money.ofPence(expectedPence));
        }

        @ParameterizedTest(name = "GROSS {0}: nothing taken off → {1}p")
        @CsvSource(delimiter = '|', value = {
                // weekly budget 15780 (10 h × £13.28 + £25); contribution 2000 is ignored when paid gross
                "WEEKLY      | 15780",
                // 4 × 15780 = 63120
                "FOUR_WEEKLY | 63120",
                // 15780 × 52 / 12 = 68380
                "MONTHLY     | 68380",
        })
        void grossTakesNothingOff(PaymentFrequency frequency, long expectedPence) {
            var b = budget(List.of(hourly("10", 1328), weekly(2500)), frequency, 2000, ContributionBasis.GROSS);
            assertThat(b.periodBudget()).isEqualTo(Money.ofPence(expectedPence));
            assertThat(b.periodContribution()).isEqualTo(Money.ZERO);
            assertThat(b.regularPayment()).isEqualTo(Money.ofPence(expectedPence));
        }

        @ParameterizedTest(name = "NET {0}: {1}p − {2}p = {3}p")
        @CsvSource(delimiter = '|', value = {
                // weekly budget 15780, weekly contribution 2000: 15780 − 2000 = 13780
                "WEEKLY      | 15780 | 2000  | 13780",
                // 4 × 15780 − 4 × 2000 = 63120 − 8000 = 55120
                "FOUR_WEEKLY | 63120 | 8000  | 55120",
                // 68380 − (2000 × 52 / 12 = 104000 / 12 = 8666.67 → 8667) = 59713
                "MONTHLY     | 68380 | 8667  | 59713",
        })
        void netTakesOffTheContributionForTheSamePeriod(PaymentFrequency frequency, long periodBudget,
                                                         long periodContribution, long regular) {
            var b = budget(List.of(hourly("10", 1328), weekly(2500)), frequency, 2000, ContributionBasis.NET);
            assertThat(b.periodBudget()).isEqualTo(Money.ofPence(periodBudget));
            assertThat(b.periodContribution()).isEqualTo(Money.ofPence(periodContribution));
            assertThat(b.regularPayment()).isEqualTo(Money.ofPence(regular));
        }

        @Test
        void netMonthlyRoundsBudgetAndContributionEachForTheMonth() {
            // budget: 10001 × 52 / 12 = 43337.67 → 43338; contribution: 1000 × 52 / 12 = 4333.33 → 4333
            // regular = 43338 − 4333 = 39005 (rounding the weekly difference once, 9001 × 52 / 12 = 39004.33, would give 39004)
            var b = budget(List.of(weekly(10001)), PaymentFrequency.MONTHLY, 1000, ContributionBasis.NET);
            assertThat(b.periodBudget()).isEqualTo(Money.ofPence(43338));
            assertThat(b.periodContribution()).isEqualTo(Money.ofPence(4333));
            assertThat(b.regularPayment()).isEqualTo(Money.ofPence(39005));
        }

        @ParameterizedTest(name = "NET {0}: weekly 5000, contribution {1} → 0, never negative")
        @CsvSource(delimiter = '|', value = {
                // 5000 − 5000 = 0
                "WEEKLY      | 5000",
                // 5000 − 5001 = −1 → 0
                "WEEKLY      | 5001",
                // 4 × 5000 − 4 × 6000 = 20000 − 24000 = −4000 → 0
                "FOUR_WEEKLY | 6000",
                // 21667 − 26000 (5000×52/12 = 21666.67 → 21667; 6000×52/12 = 26000) = −4333 → 0
                "MONTHLY     | 6000",
        })
        void contributionAtOrAboveTheBudgetPaysNothing_neverNegative(PaymentFrequency frequency, long contribution) {
            var b = budget(List.of(weekly(5000)), frequency, contribution, ContributionBasis.NET);
            assertThat(b.regularPayment()).isEqualTo(Money.ZERO);
            assertThat(b.regularPayment().isNegative()).isFalse();
        }

        @Test
        void contributionOnePennyBelowTheBudgetLeavesOnePenny() {
            // 5000 − 4999 = 1
            var b = budget(List.of(weekly(5000)), PaymentFrequency.WEEKLY, 4999, ContributionBasis.NET);
            assertThat(b.regularPayment()).isEqualTo(Money.ofPence(1));
        }
    }
}
