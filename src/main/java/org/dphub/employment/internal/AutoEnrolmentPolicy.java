package org.dphub.employment.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import org.dphub.employment.PayFrequency;
import org.dphub.employment.TaxYear;

/**
 * Workplace pension auto-enrolment, assessed on every pay day (Pensions Act 2008, ss.1, 3, 13, 20):
 * <ul>
 * <li>eligible jobholder: aged 22 to state pension age, earning more than the earnings trigger
 *     (£10,000 a year) for the pay period — enrolled, at least 8% of qualifying earnings in total,
 *     of which the employer pays at least 3%;</li>
 * <li>non-eligible jobholder: 16 to 74 earning more than the qualifying earnings lower limit
 *     (£6,240 a year) but not eligible — may opt in;</li>
 * <li>entitled worker: 16 to 74 earning no more than the lower limit — may ask to join.</li>
 * </ul>
 * Thresholds are pro-rated to the pay period and rounded to whole pounds, as The Pensions
 * Regulator publishes them (monthly: £833, £520, £4,189; weekly £192, £120, £967; fortnightly
 * £384, £240, £1,934). Contributions
 * are on earnings between the lower and upper limits. Schemes use relief at source (as NEST
 * does): the PA's 5% is taken from pay as 4% and the scheme claims the other 1% from HMRC.
 */
public final class AutoEnrolmentPolicy {

    public enum Status { ELIGIBLE, NON_ELIGIBLE, ENTITLED, NOT_A_WORKER, OPTED_OUT }

    public record Result(Status status, long qualifyingEarningsPence, long employeeDeductionPence, long employerPence,
                         long triggerPence, long lowerPence, long upperPence) {
    }

    private AutoEnrolmentPolicy() {
    }

    public static Result assess(TaxYear year, PayFrequency frequency, LocalDate dateOfBirth, LocalDate payDate, long earningsPence,
                                boolean optedOut) {
        TaxYear.AutoEnrolment ae = year.autoEnrolment();
        long trigger = perPeriod(ae.earningsTriggerPounds(), frequency);
        long lower = perPeriod(ae.qualifyingEarningsLowerPounds(), frequency);
        long upper = upperLimit(year, frequency);
        int age = Period.between(dateOfBirth, payDate).getYears();
        boolean beforePensionAge = payDate.isBefore(statePensionDate(dateOfBirth));
        long qualifying = Math.max(0, Math.min(earningsPence, upper) - lower);
        Status status;
        if (age < 16 || age >= 75) {
            status = Status.NOT_A_WORKER;
        } else if (age >= 22 && beforePensionAge && earningsPence > trigger) {
            status = Status.ELIGIBLE;
        } else if (earningsPence > lower) {
            status = Status.NON_ELIGIBLE;
        } else {
            status = Status.ENTITLED;
        }
        if (status != Status.ELIGIBLE) {
            return new Result(status, qualifying, 0, 0, trigger, lower, upper);
        }
        if (optedOut) {
            return new Result(Status.OPTED_OUT, qualifying, 0, 0, trigger, lower, upper);
        }
        BigDecimal q = BigDecimal.valueOf(qualifying);
        long employer = percent(q, ae.minimumEmployerPercent());
        long employeeGross = percent(q, ae.minimumTotalPercent().subtract(ae.minimumEmployerPercent()));
        // relief at source: the PA pays 80% of their contribution, the scheme claims basic-rate relief for the rest
        long employeeDeduction = BigDecimal.valueOf(employeeGross).multiply(new BigDecimal("0.8")).setScale(0, RoundingMode.HALF_UP)
                .longValueExact();
        return new Result(Status.ELIGIBLE, qualifying, employeeDeduction, employer, trigger, lower, upper);
    }

    /**
     * An annual threshold for one pay period as The Pensions Regulator publishes it: the weekly
     * figure to the nearest pound, times 2 or 4 for fortnightly and four-weekly pay; the monthly
     * figure a twelfth, to the nearest pound.
     */
    public static long perPeriod(long annualPounds, PayFrequency frequency) {
        if (frequency == PayFrequency.MONTHLY) {
            return BigDecimal.valueOf(annualPounds).divide(BigDecimal.valueOf(12), 0, RoundingMode.HALF_UP).longValueExact() * 100;
        }
        long weekly = BigDecimal.valueOf(annualPounds).divide(BigDecimal.valueOf(52), 0, RoundingMode.HALF_UP).longValueExact();
        return weekly * frequency.tableUnitsPerPeriod() * 100;
    }

    /** The upper limit of qualifying earnings is the National Insurance upper earnings limit for the period, as HMRC publishes it. */
    static long upperLimit(TaxYear year, PayFrequency frequency) {
        Long uel = year.nationalInsurance().thresholdsPounds().get(frequency).get("UEL");
        return uel == null ? perPeriod(year.autoEnrolment().qualifyingEarningsUpperPounds(), frequency) : uel * 100;
    }

    private static long percent(BigDecimal pence, BigDecimal percent) {
        return pence.multiply(percent).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
    }

    /**
     * State pension age (Pensions Acts 2007 and 2014): 66 for people born before 6 April 1960,
     * rising a month for each month of birth to 67 for people born on or after 6 March 1961.
     */
    public static LocalDate statePensionDate(LocalDate dateOfBirth) {
        LocalDate from = LocalDate.of(1960, 4, 6);
        if (dateOfBirth.isBefore(from)) {
            return dateOfBirth.plusYears(66);
        }
        if (!dateOfBirth.isBefore(LocalDate.of(1961, 3, 6))) {
            return dateOfBirth.plusYears(67);
        }
        long months = Period.between(from, dateOfBirth).toTotalMonths() + 1;
        return dateOfBirth.plusYears(66).plusMonths(months);
    }
}
