package org.dphub.employment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** "Can my budget afford 20 hours a week at £13.50?" */
class BudgetCheckTest {

    static final PayrollCalculator CALCULATOR = new PayrollCalculator();
    static final LocalDate TODAY = LocalDate.of(2026, 11, 30);

    @Test
    void twentyHoursAt1350WithTheAllowanceLeftFitsABudgetOf16AnHour() {
        BudgetCheck.Result r = BudgetCheck.check(CALCULATOR, TODAY, new BigDecimal("20"), 1350, 30, 1_050_000, 32_000);
        assertThat(r.weeklyWagesPence()).isEqualTo(27_000);
        assertThat(r.weeklyHolidayPence()).isEqualTo(3_259);
        assertThat(r.niCategory()).isEqualTo("A");
        assertThat(r.weeklyEmployerNiPence()).as("15% above £96 a week").isBetween(3_098L, 3_099L);
        assertThat(r.annualEmployerNiAfterAllowancePence()).as("the allowance covers it all").isZero();
        assertThat(r.pensionStatus()).isEqualTo("ELIGIBLE");
        assertThat(r.weeklyEmployerPensionPence()).as("3% of £302.59 − £120").isEqualTo(548);
        assertThat(r.annualCostPence()).isEqualTo((30_259 + 548) * 52L);
        assertThat(r.fits()).isTrue();
        assertThat(r.differencePence()).isEqualTo(32_000 * 52L - r.annualCostPence());
    }

    @Test
    void withoutTheAllowanceEmployerNiIsACostAndATightBudgetIsShort() {
        BudgetCheck.Result r = BudgetCheck.check(CALCULATOR, TODAY, new BigDecimal("20"), 1350, 30, 0, 30_000);
        assertThat(r.annualEmployerNiAfterAllowancePence()).isEqualTo(r.weeklyEmployerNiPence() * 52);
        assertThat(r.fits()).isFalse();
        assertThat(r.differencePence()).isNegative();
        BudgetCheck.Result young = BudgetCheck.check(CALCULATOR, TODAY, new BigDecimal("20"), 1350, 19, 0, 30_000);
        assertThat(young.niCategory()).isEqualTo("M");
        assertThat(young.weeklyEmployerNiPence()).as("no employer NI under 21 below the upper limit").isZero();
        assertThat(young.pensionStatus()).as("under 22").isEqualTo("NON_ELIGIBLE");
        assertThat(BudgetCheck.check(CALCULATOR, TODAY, new BigDecimal("20"), 1200, 30, 0, 30_000).belowMinimumWage()).isTrue();
    }
}
