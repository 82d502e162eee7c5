package org.dphub.insights;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * Savings against agency care (Flintshire's comparison): for hours of work paid to PAs through
 * dphub payroll, by the month of the pay date, what agency care would have cost at the council's
 * agency rate less what the PAs were paid for those hours. A saving is negative when PAs were paid
 * more than the agency rate. {@code planned} is a separate figure, never added in: the hourly
 * direct payment lines of people who employ no PA through dphub, their planned hours × (agency
 * rate − the plan's rate).
 */
public record SavingsVsAgency(long totalPence, BigDecimal hours, long paidPence, long agencyPence, long agencyHourlyRatePence,
                              List<Month> months, Planned planned) {

    public record Month(YearMonth month, BigDecimal hours, long paidPence, long agencyPence, long savingsPence,
                        BigDecimal plannedHours, long plannedSavingsPence) {
    }

    /** The planned figure for people paid outside dphub payroll, over the whole period. */
    public record Planned(BigDecimal hours, long savingsPence) {
    }
}
