package org.dphub.employment;

import java.time.LocalDate;
import java.time.MonthDay;
import org.dphub.shared.Money;

/**
 * The lowest hourly rate an employer may pay a PA: the National Living Wage at 21 and over, the
 * 18 to 20 rate, or the under-18 rate, from the tax year's tables (rates change each 1 April,
 * tax years each 6 April; both are in the same table here, as HMRC and DBT publish them). A
 * day for which there is no table uses the latest table we have.
 */
public final class MinimumWagePolicy {

    public record Result(boolean allowed, Money minimum, String band) {
    }

    private final TaxYears taxYears;

    public MinimumWagePolicy(TaxYears taxYears) {
        this.taxYears = taxYears;
    }

    public Result check(Money hourlyRate, int age, LocalDate on) {
        TaxYear year = yearFor(on);
        String wanted = age >= 21 ? "21" : age >= 18 ? "18" : "under 18";
        TaxYear.MinimumWageRate rate = year.minimumWage().stream().filter(r -> r.band().startsWith(wanted)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No minimum wage band '" + wanted + "' in " + year.taxYear()));
        Money minimum = Money.ofPence(rate.hourlyPence());
        return new Result(!hourlyRate.isLessThan(minimum), minimum, rate.band());
    }

    /** "2026-27" for any day from 6 April 2026 to 5 April 2027. */
    public static String taxYearOf(LocalDate day) {
        int start = MonthDay.from(day).isBefore(MonthDay.of(4, 6)) ? day.getYear() - 1 : day.getYear();
        return start + "-" + String.format("%02d", (start + 1) % 100);
    }

    private TaxYear yearFor(LocalDate on) {
        String id = taxYearOf(on);
        if (taxYears.has(id)) {
            return taxYears.year(id);
        }
        java.util.List<String> known = taxYears.known();
        String chosen = known.stream().filter(k -> k.compareTo(id) <= 0).reduce((a, b) -> b).orElse(known.get(0));
        return taxYears.year(chosen);
    }
}
