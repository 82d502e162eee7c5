package org.dphub.employment;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The payroll figures of one tax year, as read from {@code payroll/tax-years/<taxYear>.json}:
 * data, not code, so a new year is a new file. Pounds fields are whole pounds, pence fields pence.
 */
public record TaxYear(String taxYear, List<String> notes, List<String> sources, String licence,
                      long personalAllowancePounds, int kCodeRegulatoryLimitPercent,
                      Map<TaxRegion, IncomeTaxRates> incomeTax, NiTables nationalInsurance,
                      List<MinimumWageRate> minimumWage, long employmentAllowancePence,
                      AutoEnrolment autoEnrolment, StatutorySickPay statutorySickPay) {

    /** Income tax bands of one region, in taxable pay a year after free pay; the last band has no upper end. */
    public record IncomeTaxRates(List<TaxBand> bands, Map<String, BigDecimal> flatRateCodes) {
    }

    public record TaxBand(String name, Long upToPounds, BigDecimal ratePercent) {
    }

    /**
     * Class 1 National Insurance: thresholds in whole pounds a pay period by frequency (LEL, PT,
     * ST, UEL and the zero-rate upper limits FUST, IZUST, UST, AUST, VUST), and the bands of each
     * category letter.
     */
    public record NiTables(Map<PayFrequency, Map<String, Long>> thresholdsPounds, Map<String, Long> annualThresholdsPounds,
                           Map<String, NiCategoryRates> categories) {
    }

    public record NiCategoryRates(String description, List<NiBand> employee, List<NiBand> employer) {
    }

    /** Earnings from threshold {@code from} up to threshold {@code to} (no upper end when null) at a rate. */
    public record NiBand(String from, String to, BigDecimal ratePercent) {
    }

    public record MinimumWageRate(String band, long hourlyPence) {
    }

    public record AutoEnrolment(long earningsTriggerPounds, long qualifyingEarningsLowerPounds,
                                long qualifyingEarningsUpperPounds, BigDecimal minimumTotalPercent,
                                BigDecimal minimumEmployerPercent) {
    }

    /** averageWeeklyEarningsPercent: when set, SSP is the lower of the weekly rate and this share of average weekly earnings. */
    public record StatutorySickPay(long weeklyRatePence, int waitingDays, boolean lowerEarningsLimitApplies,
                                   BigDecimal averageWeeklyEarningsPercent) {
    }

    public IncomeTaxRates incomeTax(TaxRegion region) {
        return incomeTax.get(region);
    }

    public Optional<NiCategoryRates> niCategory(String letter) {
        return Optional.ofNullable(letter == null ? null : nationalInsurance.categories().get(letter));
    }

    /** The category letters this year has tables for, in alphabetical order. */
    public List<String> niCategoryLetters() {
        return nationalInsurance.categories().keySet().stream().sorted().toList();
    }

    /** True when the code's flat rate (such as SD3) exists in this year and region. */
    public boolean hasFlatRateCode(TaxCode code) {
        return code.kind() != TaxCode.Kind.FLAT_RATE || incomeTax(code.region()).flatRateCodes().containsKey(code.flatRateCode());
    }
}
