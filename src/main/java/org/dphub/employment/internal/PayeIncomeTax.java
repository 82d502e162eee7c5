package org.dphub.employment.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.dphub.employment.InvalidTaxCodeException;
import org.dphub.employment.PayFrequency;
import org.dphub.employment.TaxCode;
import org.dphub.employment.TaxYear;

/**
 * PAYE income tax for one pay period, as HMRC's tables and test data work it out.
 *
 * <ol>
 *   <li>Cumulative codes look at the whole year so far: pay to date less free pay to date (or plus
 *       additional pay for a K code), and the tax due to date less the tax already paid, which can
 *       be a refund (negative). Week 1/month 1 codes, and the extra week 53, 54 or 56, look at this
 *       period alone.</li>
 *   <li>Taxable pay to date is rounded down to whole pounds.</li>
 *   <li>Band limits for the period are the annual limit × weeks ÷ 52 (or months ÷ 12), exact; the
 *       tax due to date is rounded down to the penny once, at the end.</li>
 *   <li>K codes: the tax taken in a period is at most 50% of that period's pay (the regulatory
 *       limit, PAYE Regulations reg. 23(3)).</li>
 * </ol>
 */
public final class PayeIncomeTax {

    private PayeIncomeTax() {
    }

    /** The answer: this period's tax (negative for a refund) and the figures that led to it. */
    public record Result(long taxPence, long taxToDatePence, long taxablePayToDatePence, long freePayPence,
                         long additionalPayPence, long taxableAfterAdjustmentPounds, boolean regulatoryLimitApplied) {
    }

    /**
     * @param period the pay period (1 to {@link PayFrequency#lastPeriod()}), already checked
     * @param previousTaxablePayPence pay subject to tax in this employment before this period
     * @param previousTaxPence tax deducted in this employment before this period
     */
    public static Result calculate(TaxYear year, PayFrequency frequency, int period, TaxCode code, boolean week1Month1,
                                   long grossPence, long previousTaxablePayPence, long previousTaxPence) {
        TaxYear.IncomeTaxRates rates = year.incomeTax(code.region());
        boolean thisPeriodOnly = week1Month1 || code.emergency() || frequency.isExtraPeriod(period);
        int units = (thisPeriodOnly ? 1 : period) * frequency.tableUnitsPerPeriod();
        long payToDate = Math.addExact(previousTaxablePayPence, grossPence);
        long pay = thisPeriodOnly ? grossPence : payToDate;

        long freePay = 0;
        long additionalPay = 0;
        long taxablePounds = 0;
        long taxDue;
        switch (code.kind()) {
            case NO_TAX -> taxDue = 0;
            case FLAT_RATE -> {
                BigDecimal rate = rates.flatRateCodes().get(code.flatRateCode());
                if (rate == null) {
                    throw new InvalidTaxCodeException(code.text() + " is not a tax code in " + code.region() + " in tax year "
                            + year.taxYear() + ". Flat-rate codes there are " + rates.flatRateCodes().keySet() + ".");
                }
                taxablePounds = wholePounds(pay);
                taxDue = BigDecimal.valueOf(taxablePounds).multiply(rate).setScale(0, RoundingMode.FLOOR).longValueExact();
            }
            case ALLOWANCE -> {
                freePay = PayAdjustment.toDate(code.number(), frequency, units);
                taxablePounds = wholePounds(Math.max(0, pay - freePay));
                taxDue = taxOnBands(rates, taxablePounds, units, frequency.tableUnitsPerYear());
            }
            case K -> {
                additionalPay = PayAdjustment.toDate(code.number(), frequency, units);
                taxablePounds = wholePounds(Math.max(0, Math.addExact(pay, additionalPay)));
                taxDue = taxOnBands(rates, taxablePounds, units, frequency.tableUnitsPerYear());
            }
            default -> throw new IllegalStateException("Unknown kind of tax code " + code.kind());
        }
        long tax = thisPeriodOnly ? taxDue : taxDue - previousTaxPence;
        boolean limited = false;
        if (code.kind() == TaxCode.Kind.K) {
            long limit = Math.floorDiv(Math.multiplyExact(grossPence, (long) year.kCodeRegulatoryLimitPercent()), 100);
            if (tax > limit) {
                tax = limit;
                limited = true;
            }
        }
        return new Result(tax, Math.addExact(previousTaxPence, tax), payToDate, freePay, additionalPay, taxablePounds, limited);
    }

    /** Pence down to whole pounds, as a number of pounds. */
    private static long wholePounds(long pence) {
        return Math.floorDiv(pence, 100);
    }

    /**
     * Tax in pence on whole pounds of taxable pay over {@code units} of {@code unitsPerYear}. Each
     * band limit is annual × units ÷ unitsPerYear; to stay exact everything is multiplied by
     * unitsPerYear, and divided once at the end, rounding down to the penny.
     */
    static long taxOnBands(TaxYear.IncomeTaxRates rates, long taxablePounds, int units, int unitsPerYear) {
        BigDecimal scaledTaxable = BigDecimal.valueOf(Math.multiplyExact(taxablePounds, unitsPerYear));
        BigDecimal lower = BigDecimal.ZERO;
        // pounds × percent = pence
        BigDecimal scaledPence = BigDecimal.ZERO;
        for (TaxYear.TaxBand band : rates.bands()) {
            BigDecimal upper = band.upToPounds() == null ? null : BigDecimal.valueOf(Math.multiplyExact(band.upToPounds(), units));
            BigDecimal top = upper == null || scaledTaxable.compareTo(upper) < 0 ? scaledTaxable : upper;
            if (top.compareTo(lower) > 0) {
                scaledPence = scaledPence.add(top.subtract(lower).multiply(band.ratePercent()));
            }
            if (upper == null || scaledTaxable.compareTo(upper) <= 0) {
                break;
            }
            lower = upper;
        }
        return scaledPence.divide(BigDecimal.valueOf(unitsPerYear), 0, RoundingMode.FLOOR).longValueExact();
    }
}
