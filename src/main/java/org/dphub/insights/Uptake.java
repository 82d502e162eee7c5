package org.dphub.insights;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * Uptake: people with an active direct payment and people with a plan at the end of each month
 * (or the period's last day), the share, and direct payments that became active or ended in it.
 */
public record Uptake(long activeAtEnd, long peopleWithPlanAtEnd, BigDecimal sharePercentAtEnd, long newDirectPayments,
                     long endedDirectPayments, List<Month> months) {

    public record Month(YearMonth month, long activeDirectPayments, long peopleWithPlan, BigDecimal sharePercent,
                        long newDirectPayments, long endedDirectPayments) {
    }
}
