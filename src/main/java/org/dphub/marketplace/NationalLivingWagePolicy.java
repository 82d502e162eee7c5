package org.dphub.marketplace;

import java.time.LocalDate;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.dphub.shared.Money;

/**
 * An hourly rate offered or agreed must be at least the National Living Wage (21 and over) in
 * force when the work starts — or today, if the start is past (National Minimum Wage Act 1998;
 * £12.21 from 1 April 2025, £12.71 from 1 April 2026). The rates are data
 * ({@code marketplace_national_living_wage}), handed in by the caller.
 */
public final class NationalLivingWagePolicy {

    public static final String RULE = "BELOW_NATIONAL_LIVING_WAGE";

    private final NavigableMap<LocalDate, Money> rates;

    public NationalLivingWagePolicy(java.util.Map<LocalDate, Money> rates) {
        this.rates = new TreeMap<>(rates);
    }

    /** The rate in force on a day, if any is known. */
    public Optional<Money> rateOn(LocalDate day) {
        var entry = rates.floorEntry(day);
        return entry == null ? Optional.empty() : Optional.of(entry.getValue());
    }

    /** The National Living Wage the rate falls below, or empty when the rate is lawful. */
    public Optional<Refusal> check(Money hourlyRate, LocalDate startDate, LocalDate today) {
        LocalDate day = startDate.isAfter(today) ? startDate : today;
        var entry = rates.floorEntry(day);
        if (entry != null && hourlyRate.isLessThan(entry.getValue())) {
            return Optional.of(new Refusal(entry.getValue(), entry.getKey()));
        }
        return Optional.empty();
    }

    public record Refusal(Money nationalLivingWage, LocalDate inForceFrom) {
    }
}
