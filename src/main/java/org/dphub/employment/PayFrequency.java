package org.dphub.employment;

/**
 * How often an employee is paid. HMRC's tables count weekly, fortnightly and four-weekly pay in
 * weeks (52 a year) and monthly pay in months (12 a year).
 *
 * <p>A year can have one more pay day than usual: weekly pay in week 53, fortnightly pay in
 * week 54 (period 27) and four-weekly pay in week 56 (period 14). HMRC allows these extra periods
 * and taxes them on a week 1 basis; there is no month 13.
 */
public enum PayFrequency {
    WEEKLY(1, 52, 53),
    FORTNIGHTLY(2, 52, 27),
    FOUR_WEEKLY(4, 52, 14),
    MONTHLY(1, 12, 12);

    private final int tableUnitsPerPeriod;
    private final int tableUnitsPerYear;
    private final int lastPeriod;

    PayFrequency(int tableUnitsPerPeriod, int tableUnitsPerYear, int lastPeriod) {
        this.tableUnitsPerPeriod = tableUnitsPerPeriod;
        this.tableUnitsPerYear = tableUnitsPerYear;
        this.lastPeriod = lastPeriod;
    }

    /** Weeks (or months, for monthly pay) in one pay period: 1, 2, 4 or 1. */
    public int tableUnitsPerPeriod() {
        return tableUnitsPerPeriod;
    }

    /** 52 weeks, or 12 months for monthly pay. */
    public int tableUnitsPerYear() {
        return tableUnitsPerYear;
    }

    /** The last pay period HMRC allows in a tax year: 53, 27, 14 or 12. */
    public int lastPeriod() {
        return lastPeriod;
    }

    /** The ordinary number of pay periods in a year: 52, 26, 13 or 12. */
    public int ordinaryPeriods() {
        return tableUnitsPerYear / tableUnitsPerPeriod;
    }

    public boolean isValidPeriod(int period) {
        return period >= 1 && period <= lastPeriod;
    }

    /** Week 53, 54 or 56: taxed on a week 1 basis (HMRC, "Paying employees: week 53 payments"). */
    public boolean isExtraPeriod(int period) {
        return period > ordinaryPeriods();
    }
}
