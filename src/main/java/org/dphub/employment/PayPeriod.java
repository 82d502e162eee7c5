package org.dphub.employment;

import java.time.LocalDate;

/**
 * One pay period of a tax year: tax years start on 6 April; weeks run from that day (week 1 is 6
 * to 12 April), tax months from the 6th to the 5th. The pay day is the period's last day.
 */
public record PayPeriod(String taxYear, PayFrequency frequency, int period, LocalDate start, LocalDate end) {

    public static PayPeriod of(String taxYear, PayFrequency frequency, int period) {
        PayrollCalculator.checkPeriod(frequency, period);
        LocalDate yearStart = LocalDate.of(Integer.parseInt(taxYear.substring(0, 4)), 4, 6);
        LocalDate start;
        LocalDate end;
        if (frequency == PayFrequency.MONTHLY) {
            start = yearStart.plusMonths(period - 1L);
            end = yearStart.plusMonths(period).minusDays(1);
        } else {
            int days = 7 * frequency.tableUnitsPerPeriod();
            start = yearStart.plusDays((long) days * (period - 1));
            end = start.plusDays(days - 1L);
        }
        return new PayPeriod(taxYear, frequency, period, start, end);
    }

    public LocalDate payDate() {
        return end;
    }

    /** Weeks in the period (a month counts as 52/12 weeks). */
    public java.math.BigDecimal weeks() {
        return frequency == PayFrequency.MONTHLY
                ? java.math.BigDecimal.valueOf(52).divide(java.math.BigDecimal.valueOf(12), 10, java.math.RoundingMode.HALF_UP)
                : java.math.BigDecimal.valueOf(frequency.tableUnitsPerPeriod());
    }

    /**
     * PAYE, National Insurance and student loan deductions reach HMRC by the 22nd of the month in
     * which the tax month of the pay day ends (the 19th by cheque; we assume paying electronically).
     */
    public LocalDate hmrcDueBy() {
        LocalDate pay = payDate();
        LocalDate taxMonthEnd = pay.getDayOfMonth() >= 6 ? pay.plusMonths(1).withDayOfMonth(5) : pay.withDayOfMonth(5);
        return taxMonthEnd.withDayOfMonth(22);
    }

    /** Pension contributions deducted reach the scheme by the 22nd of the month after the deduction (Pensions Act 2008). */
    public LocalDate pensionDueBy() {
        return payDate().plusMonths(1).withDayOfMonth(22);
    }
}
