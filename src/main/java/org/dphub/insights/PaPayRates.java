package org.dphub.insights;

import java.time.LocalDate;
import java.util.List;

/**
 * Agreed hourly rates of PAs paid through dphub payroll in the period: each employment with a
 * payslip in an approved run, at the rate in force on its last pay date in the period. For the
 * council (overall and by the postcode district of the PA's home) and for every council together
 * (national, aggregated only). Fewer than {@link #FEWEST} rates are suppressed, as official
 * statistics do, so no PA's pay can be read from the figures. {@code ratesCounted} is the council's
 * number of rates even when it is under 5: only the national view reads it, and suppresses it there
 * ({@link SmallNumbers}); the page and the API show {@code overall} instead.
 */
public record PaPayRates(Rates overall, List<District> byDistrict, Rates national, Long nationalLivingWagePence,
                         long councilPaRatePence, LocalDate asAt, long ratesCounted) {

    /** Below this many rates a group shows "fewer than 5" and no percentiles. */
    public static final int FEWEST = 5;

    /** A group's rates in whole pence; count and percentiles are null when suppressed. */
    public record Rates(Long count, boolean suppressed, Long p10Pence, Long medianPence, Long p90Pence) {

        public static Rates of(Percentiles rates) {
            if (rates.count() < FEWEST) {
                return new Rates(null, true, null, null, null);
            }
            return new Rates(rates.count(), false, pence(rates.percentile(0.1)), pence(rates.median()),
                    pence(rates.percentile(0.9)));
        }

        private static Long pence(Double value) {
            return value == null ? null : java.math.BigDecimal.valueOf(value).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        }
    }

    /** One postcode district ("SY1"); {@code district} is null for PAs with no marketplace profile. */
    public record District(String district, Rates rates) {
    }
}
