package org.dphub.insights;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * ASCOF measure 3D for an English council, as NHS England computes it from Client Level Data:
 * adults (18 or over) in long-term community support whose service is open at the period's end,
 * each counted once. Part 2a: those with a direct payment; part 1a: those with a direct payment
 * or a council-managed personal budget (an individual service fund counted as one).
 */
public record Ascof3d(LocalDate asAt, Measure part2a, Measure part1a) {

    public record Measure(long numerator, long denominator, BigDecimal percent) {

        public static Measure of(long numerator, long denominator) {
            return new Measure(numerator, denominator, Percent.of(numerator, denominator));
        }
    }
}
