package org.dphub.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dphub.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules around HMRC's test data: periods, years, categories, the regulatory limit, week 53. */
class PayrollCalculatorTest {

    static final TaxYears TAX_YEARS = TaxYears.fromClasspath();
    final PayrollCalculator calculator = new PayrollCalculator(TAX_YEARS);

    static PayrollInput monthly(int period, String code, long grossPence) {
        return input(PayFrequency.MONTHLY, period, code, false, grossPence, 0, 0, "A");
    }

    static PayrollInput input(PayFrequency frequency, int period, String code, boolean week1Month1, long grossPence,
                              long previousPayPence, long previousTaxPence, String category) {
        return new PayrollInput("2026-27", frequency, period, code, week1Month1, Money.ofPence(grossPence),
                Money.ofPence(previousPayPence), Money.ofPence(previousTaxPence), category);
    }

    @Test
    void theRoundingTrapInDomainMd_1257LMonth1_1156_25_is21_40Not21_60() {
        PayrollFigures figures = calculator.calculate(monthly(1, "1257L", 115_625));
        assertThat(figures.freePay()).isEqualTo(Money.ofPence(104_826));
        assertThat(figures.tax()).isEqualTo(Money.ofPence(2_140));
        assertThat(figures.employeeNi().pence()).as("8% of £108.25 over £1,048").isEqualTo(866);
        assertThat(figures.employerNi().pence()).as("15% of £739.25 over £417").isEqualTo(11_089);
    }

    @Test
    void aCumulativeRefundIsNegativeTax() {
        // week 7 of HMRC's rUK weekly data: £242.84 after £15,000 in week 6
        PayrollFigures figures = calculator.calculate(input(PayFrequency.WEEKLY, 7, "1257L", false, 24_284, 2_824_145,
                1_046_308, "A"));
        assertThat(figures.tax()).isEqualTo(Money.ofPence(-26_487));
        assertThat(figures.taxToDate()).isEqualTo(Money.ofPence(1_019_821));
    }

    @Test
    void ntRefundsEverythingTakenSoFar() {
        PayrollFigures figures = calculator.calculate(input(PayFrequency.MONTHLY, 4, "NT", false, 100_000, 300_000, 40_000, "A"));
        assertThat(figures.tax()).isEqualTo(Money.ofPence(-40_000));
        assertThat(figures.taxToDate()).isEqualTo(Money.ZERO);
    }

    @Test
    void aKCodeTakesAtMostHalfThePeriodsPay() {
        // K1000: £834.09 extra taxable pay a month; on £100 pay 20% of £934 is £186.80, capped at £50
        PayrollFigures figures = calculator.calculate(monthly(1, "K1000", 10_000));
        assertThat(figures.additionalPay()).isEqualTo(Money.ofPence(83_409));
        assertThat(figures.tax()).isEqualTo(Money.ofPence(5_000));
        assertThat(figures.regulatoryLimitApplied()).isTrue();
        assertThat(calculator.calculate(monthly(1, "K1000", 100_001)).tax().pence()).as("no cap needed: 20% of £1,834")
                .isEqualTo(36_680);
    }

    @Test
    void week53IsTaxedOnAWeek1BasisWhateverWentBefore() {
        PayrollFigures week53 = calculator.calculate(input(PayFrequency.WEEKLY, 53, "1257L", false, 50_000, 2_600_000, 400_000, "A"));
        PayrollFigures week1 = calculator.calculate(input(PayFrequency.WEEKLY, 1, "1257L", true, 50_000, 0, 0, "A"));
        assertThat(week53.tax()).isEqualTo(week1.tax()).isEqualTo(Money.ofPence(5_160));
        assertThat(week53.taxToDate()).isEqualTo(Money.ofPence(405_160));
        assertThat(calculator.calculate(input(PayFrequency.FORTNIGHTLY, 27, "1257L", false, 100_000, 0, 0, "A")).tax())
                .as("week 54 of fortnightly pay: a fortnight's free pay, £483.84")
                .isEqualTo(Money.ofPence(10_320));
    }

    @Test
    void fortnightlyAndFourWeeklyUseTheWeeklyTablesAtTheirWeekNumber() {
        // fortnight 3 is week 6: free pay 6 × £241.92, basic rate band 6/52 of £37,700 = £4,350
        PayrollFigures figures = calculator.calculate(input(PayFrequency.FORTNIGHTLY, 3, "1257L", false, 200_000, 200_000, 0, "A"));
        assertThat(figures.freePay()).isEqualTo(Money.ofPence(145_152));
        assertThat(figures.tax()).as("20% of £2,548").isEqualTo(Money.ofPence(50_960));
        assertThat(calculator.calculate(input(PayFrequency.FOUR_WEEKLY, 2, "1257L", false, 200_000, 200_000, 0, "A")).freePay())
                .isEqualTo(Money.ofPence(193_536));
    }

    @ParameterizedTest(name = "{0} period {1} does not exist")
    @CsvSource({"WEEKLY, 0", "WEEKLY, 54", "WEEKLY, -1", "FORTNIGHTLY, 28", "FOUR_WEEKLY, 15", "MONTHLY, 13", "MONTHLY, 54"})
    void periodsHmrcDoesNotHaveAreRefused(PayFrequency frequency, int period) {
        assertThatThrownBy(() -> calculator.calculate(input(frequency, period, "1257L", false, 10_000, 0, 0, "A")))
                .isInstanceOf(PayrollInputException.class)
                .hasMessageContaining("Pay period " + period + " does not exist")
                .hasMessageContaining("from 1 to " + frequency.lastPeriod())
                .extracting(e -> ((PayrollInputException) e).field()).isEqualTo("period");
    }

    @ParameterizedTest(name = "{0} period {1} is allowed")
    @CsvSource({"WEEKLY, 53", "FORTNIGHTLY, 27", "FOUR_WEEKLY, 14", "MONTHLY, 12", "MONTHLY, 1"})
    void theLastPeriodsHmrcAllows(PayFrequency frequency, int period) {
        assertThat(calculator.calculate(input(frequency, period, "1257L", false, 10_000, 0, 0, "A"))).isNotNull();
    }

    @Test
    void aTaxYearWithNoTablesIsRefusedNamingTheYearsThereAre() {
        assertThatThrownBy(() -> calculator.calculate(new PayrollInput("2031-32", PayFrequency.MONTHLY, 1, "1257L", false,
                Money.ofPence(100), Money.ZERO, Money.ZERO, "A")))
                .isInstanceOf(UnknownTaxYearException.class)
                .hasMessageContaining("no payroll tables for tax year 2031-32")
                .hasMessageContaining("2025-26, 2026-27");
        assertThatThrownBy(() -> TAX_YEARS.year(null)).isInstanceOf(UnknownTaxYearException.class);
    }

    @Test
    void anInvalidCodeNamesTheCode() {
        assertThatThrownBy(() -> calculator.calculate(monthly(1, "12X57L", 100_000)))
                .isInstanceOf(InvalidTaxCodeException.class).hasMessageStartingWith("12X57L is not a tax code");
        assertThatThrownBy(() -> calculator.calculate(monthly(1, "D2", 100_000))).as("D2 exists only in Scotland")
                .isInstanceOf(InvalidTaxCodeException.class).hasMessageContaining("D0, D1");
        assertThat(calculator.calculate(monthly(1, "SD2", 100_000)).tax().pence()).as("45% of £1,000").isEqualTo(45_000);
    }

    @Test
    void unknownNiCategoryAndImpossibleAmountsAreRefused() {
        assertThatThrownBy(() -> calculator.calculate(input(PayFrequency.MONTHLY, 1, "1257L", false, 100, 0, 0, "Q")))
                .isInstanceOf(PayrollInputException.class).hasMessageContaining("no National Insurance category Q")
                .extracting(e -> ((PayrollInputException) e).field()).isEqualTo("niCategory");
        assertThatThrownBy(() -> calculator.calculate(monthly(1, "1257L", -1)))
                .isInstanceOf(PayrollInputException.class).extracting(e -> ((PayrollInputException) e).field()).isEqualTo("grossPay");
        assertThatThrownBy(() -> calculator.calculate(monthly(1, "1257L", 1_000_000_000_000L)))
                .isInstanceOf(PayrollInputException.class).hasMessageContaining("£10,000,000");
    }

    @Test
    void categoryMPaysNoEmployersNiUpToTheUpperEarningsLimit() {
        PayrollFigures underUel = calculator.calculate(input(PayFrequency.MONTHLY, 1, "1257L", false, 418_900, 0, 0, "M"));
        assertThat(underUel.employerNi()).isEqualTo(Money.ZERO);
        assertThat(underUel.employeeNi().pence()).as("8% of £3,141").isEqualTo(25_128);
        assertThat(calculator.calculate(input(PayFrequency.MONTHLY, 1, "1257L", false, 428_900, 0, 0, "M")).employerNi().pence())
                .as("15% of £100 over the UEL").isEqualTo(1_500);
    }

    @Test
    void niThresholdsOf2026_27_onlyTheLowerEarningsLimitMoves() {
        TaxYear year = TAX_YEARS.year("2026-27");
        assertThat(year.nationalInsurance().thresholdsPounds().get(PayFrequency.WEEKLY))
                .containsEntry("LEL", 129L).containsEntry("PT", 242L).containsEntry("ST", 96L).containsEntry("UEL", 967L);
        assertThat(year.nationalInsurance().thresholdsPounds().get(PayFrequency.MONTHLY))
                .containsEntry("LEL", 559L).containsEntry("PT", 1048L).containsEntry("ST", 417L).containsEntry("UEL", 4189L);
        assertThat(year.employmentAllowancePence()).isEqualTo(1_050_000);
        assertThat(calculator.nationalInsurance("2026-27", PayFrequency.WEEKLY, "A", Money.ofPence(24_207)).employee())
                .isEqualTo(Money.ZERO);
        assertThat(calculator.nationalInsurance("2026-27", PayFrequency.WEEKLY, "A", Money.ofPence(24_208)).employee())
                .isEqualTo(Money.ofPence(1));
    }

    @Test
    void everyListedYearLoadsWithEveryRegionAndFrequency() {
        assertThat(TAX_YEARS.known()).containsExactly("2025-26", "2026-27");
        for (String id : TAX_YEARS.known()) {
            TaxYear year = TAX_YEARS.year(id);
            assertThat(year.taxYear()).isEqualTo(id);
            assertThat(year.incomeTax()).containsOnlyKeys(TaxRegion.values());
            assertThat(year.nationalInsurance().thresholdsPounds()).containsOnlyKeys(PayFrequency.values());
            assertThat(year.kCodeRegulatoryLimitPercent()).isEqualTo(50);
            assertThat(year.licence()).contains("Open Government Licence");
        }
        assertThat(TAX_YEARS.year("2026-27").incomeTax(TaxRegion.SCOTLAND).bands()).extracting(TaxYear.TaxBand::name)
                .containsExactly("starter", "basic", "intermediate", "higher", "advanced", "top");
        assertThat(TAX_YEARS.year("2026-27").minimumWage().get(0).hourlyPence()).isEqualTo(1271);
    }
}
