package org.dphub.employment.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Statutory holiday (Working Time Regulations 1998, regs 13, 13A and 15B).
 * <ul>
 * <li>Contracted hours: 5.6 weeks a year, capped at 28 days (reg 13A(3)).</li>
 * <li>Irregular hours (leave years from 1 April 2024): holiday accrues at 12.07% of the hours
 *     worked in each pay period (reg 15B; 5.6 / (52 − 5.6) = 12.07%).</li>
 * </ul>
 * Holiday taken is paid at the hourly rate in force on the day.
 */
public final class HolidayPolicy {

    public static final BigDecimal IRREGULAR_ACCRUAL = new BigDecimal("0.1207");
    static final BigDecimal WEEKS = new BigDecimal("5.6");
    static final int CAP_DAYS = 28;

    private HolidayPolicy() {
    }

    /** Holiday an irregular-hours worker earns by working these minutes. */
    public static int irregularAccrualMinutes(int workedMinutes) {
        return BigDecimal.valueOf(workedMinutes).multiply(IRREGULAR_ACCRUAL).setScale(0, RoundingMode.HALF_UP).intValueExact();
    }

    /**
     * A year's holiday for contracted hours: 5.6 weeks of the working week, but never more than 28
     * of the worker's days (someone working 6 days a week gets 28 days, not 33.6).
     */
    public static int contractedEntitlementMinutes(int minutesPerWeek, int daysPerWeek) {
        if (daysPerWeek < 1 || daysPerWeek > 7) {
            throw new IllegalArgumentException("days a week: 1 to 7");
        }
        BigDecimal days = WEEKS.multiply(BigDecimal.valueOf(daysPerWeek)).min(BigDecimal.valueOf(CAP_DAYS));
        return days.multiply(BigDecimal.valueOf(minutesPerWeek)).divide(BigDecimal.valueOf(daysPerWeek), 0, RoundingMode.HALF_UP)
                .intValueExact();
    }

    /** Days a week when only the hours are known: 8-hour days, at least one. */
    public static int daysPerWeek(int minutesPerWeek) {
        return Math.max(1, Math.min(7, (minutesPerWeek + 479) / 480));
    }
}
