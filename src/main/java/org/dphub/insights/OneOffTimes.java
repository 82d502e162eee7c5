package org.dphub.insights;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * Connect and Enable one-off payments approved in the period: hours from the request to the
 * approval, by the month of the approval.
 */
public record OneOffTimes(BigDecimal medianHoursToApproval, BigDecimal p90HoursToApproval, long count, List<Month> months) {

    public record Month(YearMonth month, long count, BigDecimal medianHoursToApproval, BigDecimal p90HoursToApproval) {
    }
}
