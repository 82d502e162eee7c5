package org.dphub.insights;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * Reviews (regulation 7), as the plans module schedules them ({@code plans.ReviewSchedule}): a
 * direct payment's first review is due its council's first-review months after its start date,
 * each next one the review interval after the last review. {@code due}: reviews whose due day falls
 * in the month, for direct payments still in force that day; {@code done}: reviews recorded in the
 * month; {@code doneOnTime}: of those, done on or before the day the review they met was due;
 * {@code overdueAtMonthEnd}: direct payments in force at the month end whose next review was due
 * before it. {@code overdue} is at the period's last day.
 */
public record Reviews(long due, long done, long doneOnTime, long overdue, BigDecimal onTimePercent, int firstReviewMonths,
                      int reviewIntervalMonths, List<Month> months) {

    public record Month(YearMonth month, long due, long done, long doneOnTime, long overdueAtMonthEnd) {
    }
}
