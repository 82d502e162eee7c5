package org.dphub.employment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.dphub.employment.internal.AutoEnrolmentPolicy;
import org.dphub.employment.internal.EmploymentAllowance;
import org.dphub.employment.internal.HolidayPolicy;
import org.dphub.employment.internal.StatutorySickPayPolicy;
import org.dphub.shared.Money;

/**
 * One PA's pay for one period, in plain Java: hours × the rate in force each day, holiday taken at
 * the rate, Statutory Sick Pay, PAYE (cumulative with this employment's year to date, or week 1 /
 * month 1), Class 1 National Insurance, the employer's Employment Allowance, and the workplace
 * pension. Every figure of the payslip, with the totals for the year to date.
 */
public final class PayslipCalculation {

    public enum LineKind { WORK, HOLIDAY, SICK }

    /** Hours of one kind at one rate (SICK lines carry days and SSP, not an hourly rate). */
    public record Line(LineKind kind, long ratePence, int minutes, int days, long amountPence) {
    }

    /** Totals for the tax year to date in this employment (zero before the first payslip). */
    public record YearToDate(long grossPence, long taxablePence, long taxPence, long employeeNiPence, long employerNiPence,
                             long employeePensionPence, long employerPensionPence, long netPence, int holidayAccruedMinutes,
                             int holidayTakenMinutes) {
        public static final YearToDate ZERO = new YearToDate(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * What is known of one employment for the period. {@code averageWeeklyEarningsPence} null:
     * no earlier pay, so this period's pay per week stands for it.
     */
    public record Input(PayPeriod period, LocalDate dateOfBirth, String taxCode, boolean week1Month1,
                        EmploymentTerms.HoursKind hoursKind, Integer contractedMinutesPerWeek, EmploymentTerms.PensionChoice pension,
                        List<Line> hours, List<LocalDate> sickDays, int daysOnTimesheets, Long averageWeeklyEarningsPence,
                        YearToDate before) {
    }

    public record Figures(String niCategory, List<Line> lines, int workMinutes, int holidayMinutes, int sickDays, long workPayPence,
                          long holidayPayPence, long sspPence, long grossPence, long taxPence, long employeeNiPence, long employerNiPence,
                          long employmentAllowancePence, AutoEnrolmentPolicy.Status pensionStatus, long qualifyingEarningsPence,
                          long employeePensionPence, long employerPensionPence, long netPence, int holidayAccruedMinutes,
                          Integer holidayEntitlementMinutes, YearToDate yearToDate) {

        public long employerNiDuePence() {
            return employerNiPence - employmentAllowancePence;
        }

        /** What goes to HMRC for this payslip: tax, the PA's NI and the employer's NI after the allowance. */
        public long hmrcPence() {
            return taxPence + employeeNiPence + employerNiDuePence();
        }

        public long pensionPence() {
            return employeePensionPence + employerPensionPence;
        }
    }

    private final PayrollCalculator calculator;
    private final MinimumWagePolicy minimumWage;

    public PayslipCalculation(PayrollCalculator calculator) {
        this.calculator = calculator;
        this.minimumWage = new MinimumWagePolicy(calculator.taxYears());
    }

    /** National Insurance category from age: under 21 M, over state pension age C, otherwise A. */
    public static String niCategory(LocalDate dateOfBirth, LocalDate payDate) {
        if (Period.between(dateOfBirth, payDate).getYears() < 21) {
            return "M";
        }
        return payDate.isBefore(AutoEnrolmentPolicy.statePensionDate(dateOfBirth)) ? "A" : "C";
    }

    /** A rate below the minimum wage for the PA's age on the pay day, if any: the minimum it should be. */
    public Optional<Money> belowMinimumWage(List<Line> hours, LocalDate dateOfBirth, LocalDate payDate) {
        int age = Period.between(dateOfBirth, payDate).getYears();
        for (Line line : hours) {
            if (line.kind() == LineKind.SICK) {
                continue;
            }
            MinimumWagePolicy.Result result = minimumWage.check(Money.ofPence(line.ratePence()), age, payDate);
            if (!result.allowed()) {
                return Optional.of(result.minimum());
            }
        }
        return Optional.empty();
    }

    public Figures calculate(Input in, EmploymentAllowance allowance) {
        PayPeriod period = in.period();
        TaxYear year = calculator.taxYears().year(period.taxYear());
        List<Line> lines = new ArrayList<>();
        long workPay = 0;
        long holidayPay = 0;
        int workMinutes = 0;
        int holidayMinutes = 0;
        for (Line h : in.hours()) {
            if (h.kind() == LineKind.SICK) {
                continue;
            }
            // rate × hours, to the penny half-up, once per line
            long amount = BigDecimal.valueOf(h.ratePence()).multiply(BigDecimal.valueOf(h.minutes()))
                    .divide(BigDecimal.valueOf(60), 0, RoundingMode.HALF_UP).longValueExact();
            lines.add(new Line(h.kind(), h.ratePence(), h.minutes(), h.days(), amount));
            if (h.kind() == LineKind.WORK) {
                workPay += amount;
                workMinutes += h.minutes();
            } else {
                holidayPay += amount;
                holidayMinutes += h.minutes();
            }
        }
        long ssp = 0;
        if (!in.sickDays().isEmpty()) {
            BigDecimal weeks = period.weeks();
            int qualifyingDays = BigDecimal.valueOf(in.daysOnTimesheets()).divide(weeks, 0, RoundingMode.HALF_UP).intValue();
            long awe = in.averageWeeklyEarningsPence() != null ? in.averageWeeklyEarningsPence()
                    : BigDecimal.valueOf(workPay + holidayPay).divide(weeks, 0, RoundingMode.HALF_UP).longValueExact();
            StatutorySickPayPolicy.Result sick = StatutorySickPayPolicy.pay(in.sickDays(), qualifyingDays, awe, this::yearOf);
            ssp = sick.amountPence();
            lines.add(new Line(LineKind.SICK, 0, 0, in.sickDays().size(), ssp));
        }
        long gross = workPay + holidayPay + ssp;
        String category = niCategory(in.dateOfBirth(), period.payDate());
        YearToDate before = in.before();
        PayrollFigures tax = calculator.calculate(new PayrollInput(period.taxYear(), period.frequency(), period.period(), in.taxCode(),
                in.week1Month1(), Money.ofPence(gross), Money.ofPence(before.taxablePence()), Money.ofPence(before.taxPence()), category));
        long employeeNi = tax.employeeNi().pence();
        long employerNi = tax.employerNi().pence();
        long claimed = allowance == null ? 0 : allowance.claim(employerNi);
        AutoEnrolmentPolicy.Result pension = AutoEnrolmentPolicy.assess(year, period.frequency(), in.dateOfBirth(), period.payDate(),
                gross, in.pension() == EmploymentTerms.PensionChoice.OPTED_OUT);
        long net = gross - tax.tax().pence() - employeeNi - pension.employeeDeductionPence();
        int accrued = in.hoursKind() == EmploymentTerms.HoursKind.IRREGULAR ? HolidayPolicy.irregularAccrualMinutes(workMinutes) : 0;
        Integer entitlement = in.hoursKind() == EmploymentTerms.HoursKind.CONTRACTED && in.contractedMinutesPerWeek() != null
                ? HolidayPolicy.contractedEntitlementMinutes(in.contractedMinutesPerWeek(), HolidayPolicy.daysPerWeek(in.contractedMinutesPerWeek()))
                : null;
        YearToDate ytd = new YearToDate(before.grossPence() + gross, before.taxablePence() + gross, tax.taxToDate().pence(),
                before.employeeNiPence() + employeeNi, before.employerNiPence() + employerNi,
                before.employeePensionPence() + pension.employeeDeductionPence(), before.employerPensionPence() + pension.employerPence(),
                before.netPence() + net, before.holidayAccruedMinutes() + accrued, before.holidayTakenMinutes() + holidayMinutes);
        return new Figures(category, List.copyOf(lines), workMinutes, holidayMinutes, in.sickDays().size(), workPay, holidayPay, ssp, gross,
                tax.tax().pence(), employeeNi, employerNi, claimed, pension.status(), pension.qualifyingEarningsPence(),
                pension.employeeDeductionPence(), pension.employerPence(), net, accrued, entitlement, ytd);
    }

    private TaxYear yearOf(LocalDate day) {
        String id = MinimumWagePolicy.taxYearOf(day);
        TaxYears years = calculator.taxYears();
        if (years.has(id)) {
            return years.year(id);
        }
        List<String> known = years.known();
        return years.year(known.stream().filter(k -> k.compareTo(id) <= 0).reduce((a, b) -> b).orElse(known.get(0)));
    }
}
