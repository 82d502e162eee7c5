package org.dphub.employment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import org.dphub.employment.internal.AutoEnrolmentPolicy;
import org.dphub.employment.internal.EmploymentAllowance;
import org.dphub.employment.internal.HolidayPolicy;
import org.dphub.shared.Money;

/**
 * "Can my budget afford 20 hours a week at £13.50?" — the full cost to the employer of a PA, in
 * plain Java, before anyone commits:
 * <ul>
 * <li>wages: hours a week × the hourly rate;</li>
 * <li>holiday: 5.6 weeks' paid holiday for every 46.4 weeks worked, so 12.07% on top for support
 *     every week of the year (the PA's holiday pay, or cover while they are away);</li>
 * <li>employer's National Insurance on the weekly earnings (category from age), for a year, less
 *     what is left of the employer's Employment Allowance;</li>
 * <li>the employer's workplace pension contribution (3% of qualifying earnings) when the PA would
 *     be an eligible jobholder.</li>
 * </ul>
 * Set against the plan's budget for paid support by the hour (its hourly budget lines), over 52
 * weeks. With no age given, the PA is taken as 21 or over and under state pension age.
 *
 * <p>{@code employmentAllowanceLeftPence} is what was left of this tax year's allowance before
 * this PA; {@code budgetFromHourlyLines} is false when the plan has no hourly lines and the whole
 * weekly budget was used instead.
 */
public final class BudgetCheck {

    public record Result(String taxYear, BigDecimal hoursPerWeek, long hourlyRatePence, int age, String niCategory,
                         long weeklyWagesPence, long weeklyHolidayPence, long weeklyEarningsPence, long weeklyEmployerNiPence,
                         long annualEmployerNiPence, long employmentAllowancePence, long annualEmployerNiAfterAllowancePence,
                         String pensionStatus, long weeklyEmployerPensionPence, long weeklyCostPence, long annualCostPence,
                         long weeklyBudgetPence, long annualBudgetPence, boolean fits, long differencePence,
                         boolean belowMinimumWage, long minimumWagePence, long employmentAllowanceLeftPence,
                         boolean budgetFromHourlyLines) {

        /** Employer's National Insurance a week after the allowance: the year's, shared over 52 weeks. */
        public long weeklyEmployerNiAfterAllowancePence() {
            return BigDecimal.valueOf(annualEmployerNiAfterAllowancePence).divide(BigDecimal.valueOf(52), 0, RoundingMode.HALF_UP)
                    .longValueExact();
        }
    }

    static final int DEFAULT_AGE = 30;

    private BudgetCheck() {
    }

    public static Result check(PayrollCalculator calculator, LocalDate today, BigDecimal hoursPerWeek, long hourlyRatePence, Integer age,
                               long allowanceLeftPence, long weeklyBudgetPence) {
        return check(calculator, today, hoursPerWeek, hourlyRatePence, age, allowanceLeftPence, weeklyBudgetPence, true);
    }

    public static Result check(PayrollCalculator calculator, LocalDate today, BigDecimal hoursPerWeek, long hourlyRatePence, Integer age,
                               long allowanceLeftPence, long weeklyBudgetPence, boolean budgetFromHourlyLines) {
        String taxYear = MinimumWagePolicy.taxYearOf(today);
        if (!calculator.taxYears().has(taxYear)) {
            taxYear = calculator.taxYears().known().get(calculator.taxYears().known().size() - 1);
        }
        TaxYear year = calculator.taxYears().year(taxYear);
        int years = age == null ? DEFAULT_AGE : age;
        LocalDate dateOfBirth = today.minusYears(years).minusDays(1);
        long wages = BigDecimal.valueOf(hourlyRatePence).multiply(hoursPerWeek).setScale(0, RoundingMode.HALF_UP).longValueExact();
        long holiday = BigDecimal.valueOf(wages).multiply(HolidayPolicy.IRREGULAR_ACCRUAL).setScale(0, RoundingMode.HALF_UP).longValueExact();
        long earnings = wages + holiday;
        String category = PayslipCalculation.niCategory(dateOfBirth, today);
        long weeklyNi = calculator.nationalInsurance(taxYear, PayFrequency.WEEKLY, category, Money.ofPence(earnings)).employer().pence();
        long annualNi = weeklyNi * 52;
        long allowance = new EmploymentAllowance(allowanceLeftPence, 0).claim(annualNi);
        AutoEnrolmentPolicy.Result pension = AutoEnrolmentPolicy.assess(year, PayFrequency.WEEKLY, dateOfBirth, today, earnings, false);
        long annualCost = (earnings + pension.employerPence()) * 52 + annualNi - allowance;
        long weeklyCost = BigDecimal.valueOf(annualCost).divide(BigDecimal.valueOf(52), 0, RoundingMode.HALF_UP).longValueExact();
        long annualBudget = weeklyBudgetPence * 52;
        MinimumWagePolicy.Result minimum = new MinimumWagePolicy(calculator.taxYears()).check(Money.ofPence(hourlyRatePence), years, today);
        return new Result(taxYear, hoursPerWeek, hourlyRatePence, years, category, wages, holiday, earnings, weeklyNi, annualNi, allowance,
                annualNi - allowance, pension.status().name(), pension.employerPence(), weeklyCost, annualCost, weeklyBudgetPence,
                annualBudget, annualCost <= annualBudget, annualBudget - annualCost, !minimum.allowed(), minimum.minimum().pence(),
                allowanceLeftPence, budgetFromHourlyLines);
    }
}
