package org.dphub.employment.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.dphub.employment.PayFrequency;
import org.dphub.employment.TaxYear;

/**
 * Class 1 National Insurance on one period's earnings (not cumulative, as for an ordinary
 * employee), employee's and employer's, by category letter.
 *
 * <p>Each band's contribution is worked out on its own (earnings between two thresholds × the
 * band's rate) and rounded the way HMRC's exact percentage method does: the figure is taken to a
 * tenth of a penny, further figures dropped, and then half a penny or less is rounded down.
 * So weekly £242.07 (7p over the primary threshold × 8% = 0.56p) gives £0.00 and £242.08
 * (0.64p) gives £0.01. Ordinary half-up rounding, or rounding the total rather than each band,
 * fails HMRC's 2025/26 test vectors.
 */
public final class Class1NationalInsurance {

    private Class1NationalInsurance() {
    }

    public record Contributions(long employeePence, long employerPence) {
    }

    public static Contributions calculate(TaxYear year, PayFrequency frequency, TaxYear.NiCategoryRates category, long grossPence) {
        Map<String, Long> thresholds = year.nationalInsurance().thresholdsPounds().get(frequency);
        return new Contributions(contribution(category.employee(), thresholds, grossPence),
                contribution(category.employer(), thresholds, grossPence));
    }

    private static long contribution(List<TaxYear.NiBand> bands, Map<String, Long> thresholds, long grossPence) {
        long total = 0;
        for (TaxYear.NiBand band : bands) {
            long from = thresholds.get(band.from()) * 100;
            long to = band.to() == null ? Long.MAX_VALUE : thresholds.get(band.to()) * 100;
            long earnings = Math.min(grossPence, to) - from;
            if (earnings > 0) {
                total = Math.addExact(total, roundedTheHmrcWay(BigDecimal.valueOf(earnings).multiply(band.ratePercent())
                        .movePointLeft(2)));
            }
        }
        return total;
    }

    /** Pence with fractions: to a tenth of a penny (dropping the rest), then 0.5p or less down, 0.6p or more up. */
    static long roundedTheHmrcWay(BigDecimal pence) {
        long tenths = pence.movePointRight(1).setScale(0, RoundingMode.FLOOR).longValueExact();
        long whole = Math.floorDiv(tenths, 10);
        return Math.floorMod(tenths, 10) > 5 ? whole + 1 : whole;
    }
}
