package org.dphub.employment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dphub.employment.internal.AutoEnrolmentPolicy;
import org.dphub.employment.internal.AutoEnrolmentPolicy.Status;
import org.dphub.employment.internal.EmploymentAllowance;
import org.dphub.employment.internal.HolidayPolicy;
import org.dphub.employment.internal.StatutorySickPayPolicy;
import org.dphub.shared.Money;
import org.junit.jupiter.api.Test;

/** The payroll rules a PA employer relies on, each at its boundaries. */
class PayrollPoliciesTest {

    static final PayrollCalculator CALCULATOR = new PayrollCalculator();
    static final TaxYear Y2026 = CALCULATOR.taxYears().year("2026-27");
    static final TaxYear Y2025 = CALCULATOR.taxYears().year("2025-26");
    static final LocalDate PAY_DAY = LocalDate.of(2026, 12, 5);

    static TaxYear yearOf(LocalDate day) {
        return day.isBefore(LocalDate.of(2026, 4, 6)) ? Y2025 : Y2026;
    }

    // --- holiday

    @Test
    void irregularHoursEarnHoliday1207PercentOfTheHoursWorked() {
        assertThat(HolidayPolicy.irregularAccrualMinutes(450)).as("7.5 hours: 54.3 minutes").isEqualTo(54);
        assertThat(HolidayPolicy.irregularAccrualMinutes(600)).as("10 hours: 72.4 minutes").isEqualTo(72);
        assertThat(HolidayPolicy.irregularAccrualMinutes(0)).isZero();
        // a full year of 46.4 weeks at 20 hours earns 5.6 weeks of 20 hours
        assertThat(HolidayPolicy.irregularAccrualMinutes((int) Math.round(46.4 * 20 * 60))).isBetween(6719, 6721);
    }

    @Test
    void contractedHolidayIs56WeeksCappedAt28Days() {
        assertThat(HolidayPolicy.contractedEntitlementMinutes(20 * 60, 3)).as("5.6 × 20 hours").isEqualTo(112 * 60);
        assertThat(HolidayPolicy.contractedEntitlementMinutes(40 * 60, 5)).as("5 days: 28 days exactly").isEqualTo(28 * 8 * 60);
        assertThat(HolidayPolicy.contractedEntitlementMinutes(48 * 60, 6)).as("6 days: 33.6 days capped at 28 of 8 hours")
                .isEqualTo(28 * 8 * 60);
        assertThat(HolidayPolicy.contractedEntitlementMinutes(56 * 60, 7)).as("7 days: capped at 28").isEqualTo(28 * 8 * 60);
        assertThat(HolidayPolicy.daysPerWeek(48 * 60)).isEqualTo(6);
        assertThat(HolidayPolicy.daysPerWeek(60)).isEqualTo(1);
    }

    // --- auto-enrolment

    static Status assess(long earningsPence, LocalDate dateOfBirth) {
        return AutoEnrolmentPolicy.assess(Y2026, PayFrequency.MONTHLY, dateOfBirth, PAY_DAY, earningsPence, false).status();
    }

    @Test
    void autoEnrolmentAtEachBoundary() {
        LocalDate age30 = PAY_DAY.minusYears(30);
        assertThat(AutoEnrolmentPolicy.perPeriod(10_000, PayFrequency.MONTHLY)).isEqualTo(83_300);
        assertThat(AutoEnrolmentPolicy.perPeriod(10_000, PayFrequency.WEEKLY)).isEqualTo(19_200);
        assertThat(AutoEnrolmentPolicy.perPeriod(6_240, PayFrequency.WEEKLY)).isEqualTo(12_000);
        assertThat(AutoEnrolmentPolicy.perPeriod(10_000, PayFrequency.FORTNIGHTLY)).isEqualTo(38_400);
        assertThat(AutoEnrolmentPolicy.perPeriod(6_240, PayFrequency.FOUR_WEEKLY)).isEqualTo(48_000);
        assertThat(AutoEnrolmentPolicy.assess(Y2026, PayFrequency.FORTNIGHTLY, PAY_DAY.minusYears(30), PAY_DAY, 500_000, false)
                .upperPence()).isEqualTo(193_400);
        assertThat(assess(83_300, age30)).as("the trigger itself is not more than the trigger").isEqualTo(Status.NON_ELIGIBLE);
        assertThat(assess(83_301, age30)).isEqualTo(Status.ELIGIBLE);
        assertThat(assess(52_000, age30)).as("at the lower limit: entitled").isEqualTo(Status.ENTITLED);
        assertThat(assess(52_001, age30)).isEqualTo(Status.NON_ELIGIBLE);
        assertThat(assess(200_000, PAY_DAY.minusYears(22))).as("22 today").isEqualTo(Status.ELIGIBLE);
        assertThat(assess(200_000, PAY_DAY.minusYears(22).plusDays(1))).as("21 until tomorrow").isEqualTo(Status.NON_ELIGIBLE);
        assertThat(assess(200_000, LocalDate.of(1960, 1, 1))).as("past state pension age (66)").isEqualTo(Status.NON_ELIGIBLE);
        assertThat(assess(200_000, PAY_DAY.minusYears(75))).isEqualTo(Status.NOT_A_WORKER);
        assertThat(assess(200_000, PAY_DAY.minusYears(16).plusDays(1))).as("15").isEqualTo(Status.NOT_A_WORKER);
        assertThat(AutoEnrolmentPolicy.statePensionDate(LocalDate.of(1960, 4, 6))).isEqualTo(LocalDate.of(2026, 5, 6));
        assertThat(AutoEnrolmentPolicy.statePensionDate(LocalDate.of(1961, 3, 6))).isEqualTo(LocalDate.of(2028, 3, 6));
    }

    @Test
    void contributionsAreOnQualifyingEarningsWithTheEmployerPayingAtLeast3Percent() {
        AutoEnrolmentPolicy.Result r = AutoEnrolmentPolicy.assess(Y2026, PayFrequency.MONTHLY, PAY_DAY.minusYears(30), PAY_DAY, 200_000, false);
        assertThat(r.qualifyingEarningsPence()).as("£2,000 − £520").isEqualTo(148_000);
        assertThat(r.employerPence()).as("3%").isEqualTo(4_440);
        assertThat(r.employeeDeductionPence()).as("5% = £74.00, less basic-rate relief the scheme claims").isEqualTo(5_920);
        AutoEnrolmentPolicy.Result high = AutoEnrolmentPolicy.assess(Y2026, PayFrequency.MONTHLY, PAY_DAY.minusYears(30), PAY_DAY, 600_000, false);
        assertThat(high.qualifyingEarningsPence()).as("capped at the upper limit £4,189").isEqualTo(366_900);
        AutoEnrolmentPolicy.Result out = AutoEnrolmentPolicy.assess(Y2026, PayFrequency.MONTHLY, PAY_DAY.minusYears(30), PAY_DAY, 200_000, true);
        assertThat(out.status()).isEqualTo(Status.OPTED_OUT);
        assertThat(out.employerPence() + out.employeeDeductionPence()).isZero();
    }

    // --- Employment Allowance

    @Test
    void theEmploymentAllowanceRunsOutInTheEighthMonth() {
        PayslipCalculation calculation = new PayslipCalculation(CALCULATOR);
        PayslipCalculation.YearToDate ytd = PayslipCalculation.YearToDate.ZERO;
        long used = 0;
        List<Long> claimed = new ArrayList<>();
        List<Long> employerNiDue = new ArrayList<>();
        for (int month = 1; month <= 10; month++) {
            PayPeriod period = PayPeriod.of("2026-27", PayFrequency.MONTHLY, month);
            // 160 hours at £62.50 = £10,000 a month: employer NI 15% × (£10,000 − £417) = £1,437.45
            PayslipCalculation.Input in = new PayslipCalculation.Input(period, LocalDate.of(1980, 1, 1), "1257L", false,
                    EmploymentTerms.HoursKind.IRREGULAR, null, EmploymentTerms.PensionChoice.OPTED_OUT,
                    List.of(new PayslipCalculation.Line(PayslipCalculation.LineKind.WORK, 6250, 160 * 60, 20, 0)), List.of(), 20, null, ytd);
            EmploymentAllowance allowance = new EmploymentAllowance(Y2026.employmentAllowancePence(), used);
            PayslipCalculation.Figures f = calculation.calculate(in, allowance);
            assertThat(f.employerNiPence()).isEqualTo(143_745);
            claimed.add(f.employmentAllowancePence());
            employerNiDue.add(f.employerNiDuePence());
            used += f.employmentAllowancePence();
            ytd = f.yearToDate();
        }
        assertThat(claimed.subList(0, 7)).allMatch(c -> c == 143_745);
        assertThat(claimed.get(7)).as("what is left of £10,500 in month 8").isEqualTo(1_050_000 - 7 * 143_745);
        assertThat(employerNiDue.get(7)).isEqualTo(143_745 - (1_050_000 - 7 * 143_745));
        assertThat(claimed.subList(8, 10)).containsOnly(0L);
        assertThat(used).isEqualTo(1_050_000);
        assertThat(ytd.taxPence()).as("cumulative tax carried month to month").isPositive();
    }

    @Test
    void theAllowanceIsSharedAcrossAnEmployersPas() {
        EmploymentAllowance allowance = new EmploymentAllowance(1_050_000, 1_000_000);
        assertThat(allowance.claim(30_000)).isEqualTo(30_000);
        assertThat(allowance.claim(30_000)).as("the second PA gets what is left").isEqualTo(20_000);
        assertThat(allowance.claim(30_000)).isZero();
    }

    // --- Statutory Sick Pay

    @Test
    void from6April2026SspIsPaidFromTheFirstDayAtTheLowerOfTheRateAnd80PercentOfEarnings() {
        List<LocalDate> days = List.of(LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 11));
        StatutorySickPayPolicy.Result full = StatutorySickPayPolicy.pay(days, 5, 30_000, PayrollPoliciesTest::yearOf);
        assertThat(full.waitingDays()).isZero();
        assertThat(full.paidDays()).isEqualTo(3);
        assertThat(full.amountPence()).as("3 × £123.25 / 5").isEqualTo(7_395);
        StatutorySickPayPolicy.Result low = StatutorySickPayPolicy.pay(days, 5, 10_000, PayrollPoliciesTest::yearOf);
        assertThat(low.amountPence()).as("80% of £100 = £80 a week, no earnings limit: 3 × £16").isEqualTo(4_800);
    }

    @Test
    void before6April2026SspHadThreeWaitingDaysAndTheLowerEarningsLimit() {
        List<LocalDate> three = List.of(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 4));
        assertThat(StatutorySickPayPolicy.pay(three, 5, 30_000, PayrollPoliciesTest::yearOf).amountPence()).as("all waiting days").isZero();
        List<LocalDate> five = List.of(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 4),
                LocalDate.of(2026, 3, 5), LocalDate.of(2026, 3, 6));
        StatutorySickPayPolicy.Result r = StatutorySickPayPolicy.pay(five, 5, 30_000, PayrollPoliciesTest::yearOf);
        assertThat(r.waitingDays()).isEqualTo(3);
        assertThat(r.amountPence()).as("2 × £118.75 / 5").isEqualTo(4_750);
        assertThat(StatutorySickPayPolicy.pay(five, 5, 12_000, PayrollPoliciesTest::yearOf).amountPence())
                .as("£120 a week is below the £125 lower earnings limit").isZero();
    }

    // --- minimum wage, periods

    @Test
    void aRateBelowTheMinimumWageForThePasAgeIsFound() {
        PayslipCalculation calculation = new PayslipCalculation(CALCULATOR);
        List<PayslipCalculation.Line> at1200 = List.of(new PayslipCalculation.Line(PayslipCalculation.LineKind.WORK, 1200, 600, 2, 0));
        assertThat(calculation.belowMinimumWage(at1200, PAY_DAY.minusYears(30), PAY_DAY)).contains(Money.ofPence(1271));
        assertThat(calculation.belowMinimumWage(at1200, PAY_DAY.minusYears(19), PAY_DAY)).as("18 to 20: £10.85").isEmpty();
        assertThat(calculation.belowMinimumWage(at1200, PAY_DAY.minusYears(30), LocalDate.of(2026, 1, 5)))
                .as("2025/26 National Living Wage was £12.21").contains(Money.ofPence(1221));
    }

    @Test
    void payPeriodsRunFrom6AprilAndHmrcIsPaidByThe22nd() {
        PayPeriod month8 = PayPeriod.of("2026-27", PayFrequency.MONTHLY, 8);
        assertThat(month8.start()).isEqualTo(LocalDate.of(2026, 11, 6));
        assertThat(month8.end()).isEqualTo(LocalDate.of(2026, 12, 5));
        assertThat(month8.hmrcDueBy()).isEqualTo(LocalDate.of(2026, 12, 22));
        PayPeriod week1 = PayPeriod.of("2026-27", PayFrequency.WEEKLY, 1);
        assertThat(week1.end()).isEqualTo(LocalDate.of(2026, 4, 12));
        assertThat(week1.hmrcDueBy()).isEqualTo(LocalDate.of(2026, 5, 22));
        assertThat(PayPeriod.of("2026-27", PayFrequency.FOUR_WEEKLY, 13).end()).isEqualTo(LocalDate.of(2027, 4, 4));
    }
}
