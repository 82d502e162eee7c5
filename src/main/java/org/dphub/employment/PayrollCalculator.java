package org.dphub.employment;

import java.util.Locale;
import org.dphub.employment.internal.Class1NationalInsurance;
import org.dphub.employment.internal.PayeIncomeTax;
import org.dphub.shared.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * The employment module's public face for payroll sums: PAYE income tax and Class 1 National
 * Insurance for one pay period, from the tax year's tables. Holds no state but the tables; the
 * rules themselves are plain Java in {@code internal}.
 */
@Service
public class PayrollCalculator {

    /** The most one period's pay, or a total to date, may be: £10 million a period, £100 million a year. */
    public static final Money LARGEST_PAY = Money.LARGEST_INPUT;
    public static final Money LARGEST_TOTAL = Money.LARGEST_INPUT.times(10);

    private final TaxYears taxYears;

    @Autowired
    public PayrollCalculator() {
        this(TaxYears.fromClasspath());
    }

    public PayrollCalculator(TaxYears taxYears) {
        this.taxYears = taxYears;
    }

    public TaxYears taxYears() {
        return taxYears;
    }

    /**
     * Tax and National Insurance for the period. Throws {@link PayrollInputException} (or its
     * {@link InvalidTaxCodeException}, {@link UnknownTaxYearException}) naming what is wrong.
     */
    public PayrollFigures calculate(PayrollInput input) {
        TaxYear year = taxYears.year(input.taxYear());
        if (input.frequency() == null) {
            throw new PayrollInputException("frequency", "Say how often the employee is paid: WEEKLY, FORTNIGHTLY, FOUR_WEEKLY or MONTHLY.");
        }
        checkPeriod(input.frequency(), input.period());
        TaxCode code = taxCode(year, input.taxCode());
        TaxYear.NiCategoryRates category = niCategory(year, input.niCategory());
        long gross = amount("grossPay", input.grossPay(), LARGEST_PAY);
        long previousPay = amount("previousTaxablePayToDate", input.previousTaxablePayToDate(), LARGEST_TOTAL);
        long previousTax = amount("previousTaxToDate", input.previousTaxToDate(), LARGEST_TOTAL);

        PayeIncomeTax.Result tax = PayeIncomeTax.calculate(year, input.frequency(), input.period(), code, input.week1Month1(),
                gross, previousPay, previousTax);
        Class1NationalInsurance.Contributions ni = Class1NationalInsurance.calculate(year, input.frequency(), category, gross);
        return new PayrollFigures(Money.ofPence(tax.taxPence()), Money.ofPence(tax.taxToDatePence()),
                Money.ofPence(tax.taxablePayToDatePence()), Money.ofPence(tax.freePayPence()),
                Money.ofPence(tax.additionalPayPence()), tax.regulatoryLimitApplied(),
                Money.ofPence(ni.employeePence()), Money.ofPence(ni.employerPence()));
    }

    /** Class 1 National Insurance alone on one period's earnings: employee's and employer's. */
    public NiContributions nationalInsurance(String taxYear, PayFrequency frequency, String niCategory, Money gross) {
        TaxYear year = taxYears.year(taxYear);
        Class1NationalInsurance.Contributions ni = Class1NationalInsurance.calculate(year, frequency,
                niCategory(year, niCategory), amount("grossPay", gross, LARGEST_PAY));
        return new NiContributions(Money.ofPence(ni.employeePence()), Money.ofPence(ni.employerPence()));
    }

    public record NiContributions(Money employee, Money employer) {
    }

    /** The tax code, read and checked against the year (SD3 exists in Scotland, D3 nowhere else). */
    public static TaxCode taxCode(TaxYear year, String text) {
        TaxCode code = TaxCode.parse(text);
        if (!year.hasFlatRateCode(code)) {
            throw new InvalidTaxCodeException(code.text() + " is not a tax code in tax year " + year.taxYear() + ": flat-rate codes "
                    + (code.region() == TaxRegion.REST_OF_UK ? "" : "with " + code.region().prefix() + " in front ")
                    + "are " + String.join(", ", year.incomeTax(code.region()).flatRateCodes().keySet().stream().sorted().toList()) + ".");
        }
        return code;
    }

    public static void checkPeriod(PayFrequency frequency, int period) {
        if (!frequency.isValidPeriod(period)) {
            throw new PayrollInputException("period", "Pay period " + period + " does not exist for "
                    + frequency.name().toLowerCase(Locale.ROOT).replace('_', '-') + " pay: give a period from 1 to "
                    + frequency.lastPeriod() + ".");
        }
    }

    public static TaxYear.NiCategoryRates niCategory(TaxYear year, String letter) {
        return year.niCategory(letter == null ? null : letter.strip().toUpperCase(Locale.ROOT)).orElseThrow(() ->
                new PayrollInputException("niCategory", "There is no National Insurance category " + letter + " in tax year "
                        + year.taxYear() + ". Give one of " + String.join(", ", year.niCategoryLetters()) + "."));
    }

    private static long amount(String field, Money money, Money largest) {
        if (money == null) {
            throw new PayrollInputException(field, "Give " + field + " in pence.");
        }
        if (money.isNegative() || money.isGreaterThan(largest)) {
            throw new PayrollInputException(field, field + " must be from £0 to " + largest.format() + ".");
        }
        return money.pence();
    }
}
