package org.dphub.insights;

import java.math.BigDecimal;
import java.util.Collection;

/**
 * Small-number suppression, as official statistics do before publishing figures about people
 * beyond the council that holds their records (the national view, issue 16):
 *
 * <ul>
 *   <li>a count from 1 to {@value #FEWEST_SHOWN} − 1 is suppressed ("fewer than 5"); 0 is shown as 0,
 *       since it says nothing about anybody;</li>
 *   <li>a figure worked out from counts — a percentage from its numerator and denominator, a median
 *       or 90th percentile from its events — is suppressed when any count it comes from is, so a
 *       figure is never computed from fewer than 5 people or events, and a suppressed numerator
 *       cannot be worked back out from a shown percentage and denominator;</li>
 *   <li>a total of a column of counts is suppressed when <em>any</em> count in the column is. The
 *       usual rule, "when exactly one is", is not enough: two suppressed counts whose total works out
 *       at 2 are both 1, at 8 both 4. A total is then only the sum of numbers already shown.</li>
 * </ul>
 *
 * Not guarded: the complement (7 people, 5 with a direct payment, says 2 have none). The shown
 * counts are 5 or more, and that is the rule the issue asks for.
 */
public final class SmallNumbers {

    /** The smallest count shown as itself. */
    public static final long FEWEST_SHOWN = 5;

    private SmallNumbers() {
    }

    /** Whether a count is too small to show: 1 to 4. */
    public static boolean tooSmall(long count) {
        return count > 0 && count < FEWEST_SHOWN;
    }

    /** A count as published. */
    public static NationalCell count(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("A count is never negative: " + count);
        }
        return tooSmall(count) ? NationalCell.SUPPRESSED : NationalCell.shown(count);
    }

    /**
     * A figure worked out from {@code from} (a percentage, a median): suppressed when any of those
     * counts is too small; none when there was nothing to work it out from.
     */
    public static NationalCell figure(BigDecimal value, long... from) {
        for (long count : from) {
            if (tooSmall(count)) {
                return NationalCell.SUPPRESSED;
            }
        }
        return value == null ? NationalCell.NONE : NationalCell.shown(value);
    }

    /**
     * The total of a column of counts as published: suppressed when any of them is; the sum of the
     * shown ones otherwise (a council the column does not apply to adds nothing); does not apply when
     * it applies to none.
     */
    public static NationalCell total(Collection<NationalCell> column) {
        long sum = 0;
        boolean any = false;
        for (NationalCell cell : column) {
            switch (cell.status()) {
                case SUPPRESSED -> {
                    return NationalCell.SUPPRESSED;
                }
                case SHOWN -> {
                    sum = Math.addExact(sum, cell.value().longValue());
                    any = true;
                }
                case NONE -> any = true;
                case DOES_NOT_APPLY -> {
                }
            }
        }
        return any ? NationalCell.shown(sum) : NationalCell.DOES_NOT_APPLY;
    }
}
