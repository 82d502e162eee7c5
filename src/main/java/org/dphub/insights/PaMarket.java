package org.dphub.insights;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * The PA market: the council's vacancies opened and filled (its first hire) by month, the median
 * days from opening to filling (for those filled in the month), and PA profiles live and visible on
 * the national register at the month end whose home is in a postcode district where the council
 * has people. {@code liveProfiles} is at the period's last day.
 */
public record PaMarket(long opened, long filled, BigDecimal medianDaysToFill, long liveProfiles, List<Month> months) {

    public record Month(YearMonth month, long opened, long filled, BigDecimal medianDaysToFill, long liveProfiles) {
    }
}
