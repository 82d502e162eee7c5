package org.dphub.employment.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;
import org.dphub.employment.PayFrequency;
import org.dphub.employment.TaxYear;

/**
 * Statutory Sick Pay for the sick days on approved timesheets, under the rules of the tax year
 * each day falls in (the year's data says which):
 * <ul>
 * <li>to 5 April 2026: £118.75 a week, nothing for the first 3 qualifying days of a spell
 *     (waiting days), and nothing if average weekly earnings are below the lower earnings limit;</li>
 * <li>from 6 April 2026 (Employment Rights Act 2025): paid from the first day, no earnings limit,
 *     the lower of £123.25 a week and 80% of average weekly earnings.</li>
 * </ul>
 * The daily rate is the weekly rate divided by the PA's qualifying days in a week. Sick days no
 * more than 3 calendar days apart are one spell (a weekend or a day off between them does not
 * start a new one); waiting days are counted in each spell.
 */
public final class StatutorySickPayPolicy {

    public record Result(int paidDays, int waitingDays, long amountPence) {
    }

    private StatutorySickPayPolicy() {
    }

    public static Result pay(List<LocalDate> sickDays, int qualifyingDaysPerWeek, long averageWeeklyEarningsPence,
                             Function<LocalDate, TaxYear> yearOf) {
        int qdays = Math.max(1, Math.min(7, qualifyingDaysPerWeek));
        BigDecimal total = BigDecimal.ZERO;
        int paid = 0;
        int waiting = 0;
        int inSpell = 0;
        LocalDate previous = null;
        for (LocalDate day : sickDays.stream().sorted().distinct().toList()) {
            if (previous == null || ChronoUnit.DAYS.between(previous, day) > 3) {
                inSpell = 0;
            }
            previous = day;
            inSpell++;
            TaxYear year = yearOf.apply(day);
            TaxYear.StatutorySickPay rules = year.statutorySickPay();
            if (inSpell <= rules.waitingDays()) {
                waiting++;
                continue;
            }
            if (rules.lowerEarningsLimitApplies()) {
                long lel = year.nationalInsurance().thresholdsPounds().get(PayFrequency.WEEKLY).get("LEL") * 100;
                if (averageWeeklyEarningsPence < lel) {
                    continue;
                }
            }
            BigDecimal weekly = BigDecimal.valueOf(rules.weeklyRatePence());
            if (rules.averageWeeklyEarningsPercent() != null) {
                weekly = weekly.min(BigDecimal.valueOf(averageWeeklyEarningsPence).multiply(rules.averageWeeklyEarningsPercent())
                        .divide(BigDecimal.valueOf(100), 10, RoundingMode.HALF_UP));
            }
            total = total.add(weekly.divide(BigDecimal.valueOf(qdays), 10, RoundingMode.HALF_UP));
            paid++;
        }
        return new Result(paid, waiting, total.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }
}
