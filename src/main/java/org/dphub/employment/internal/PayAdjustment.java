package org.dphub.employment.internal;

import org.dphub.employment.PayFrequency;

/**
 * Free pay (for an L, M, N or T code) or additional pay (for a K code) to date, the way HMRC's
 * pay adjustment tables ("Tables A") work it out. Not the code × 10 + 9 divided by the periods:
 * HMRC's tables only go up to code 500, and a larger code is split into whole 500s plus the rest.
 *
 * <ul>
 *   <li>The rest r (1 to 500): (r × 10 + 9) ÷ 52 (or ÷ 12), rounded up to the penny.</li>
 *   <li>Each whole 500: £5,000 ÷ 52 (or ÷ 12) rounded up to the penny, £96.16 a week or £416.67 a month.</li>
 *   <li>To date: the one-week (or one-month) figure × the number of weeks (or months).</li>
 * </ul>
 *
 * That is why code 1257L gives £1,048.26 free pay for month 1, not £1,048.25, and why £1,156.25
 * in month 1 is taxed £21.40 (HMRC's 2026/27 test data). Code 1000 is 500 + 500, not 2 × 500 + 0.
 */
public final class PayAdjustment {

    private static final int BLOCK = 500;

    private PayAdjustment() {
    }

    /** The pay adjustment in pence for {@code code} after {@code units} weeks (or months) of the year. */
    public static long toDate(int code, PayFrequency frequency, int units) {
        if (code == 0) {
            return 0;
        }
        int wholeBlocks = (code - 1) / BLOCK;
        int rest = code - wholeBlocks * BLOCK;
        long perUnit = Math.addExact(Math.multiplyExact(wholeBlocks, penceUp(BLOCK * 10L, frequency)),
                penceUp(rest * 10L + 9, frequency));
        return Math.multiplyExact(perUnit, units);
    }

    /** Pounds a year ÷ 52 (or 12), in pence, rounded up. */
    private static long penceUp(long poundsAYear, PayFrequency frequency) {
        return -Math.floorDiv(-poundsAYear * 100, frequency.tableUnitsPerYear());
    }
}
