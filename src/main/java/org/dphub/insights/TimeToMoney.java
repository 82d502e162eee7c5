package org.dphub.insights;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * Time to money: days from a direct payment's request to its first payment, for first payments
 * made in the period, by the month of the first payment. Medians and percentiles by linear
 * interpolation ({@link Percentiles}); within target means at most the council's target days.
 * {@code withinTarget} is how many of {@code count} were within it (the national view suppresses the
 * percentage when this count is small).
 */
public record TimeToMoney(BigDecimal medianDays, BigDecimal p90Days, BigDecimal withinTargetPercent, long count,
                          long withinTarget, int targetDays, List<Month> months) {

    public record Month(YearMonth month, long count, BigDecimal medianDays, BigDecimal p90Days,
                        BigDecimal withinTargetPercent) {
    }
}
