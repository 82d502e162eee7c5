package org.dphub.directory;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.dphub.marketplace.Language;
import org.dphub.shared.Money;
import org.dphub.shared.Postcode;

/**
 * A search of the directory, checked: outcomes and needs (any of them), words (all of them), near a
 * postcode within a distance, open on a day (and at a time), free or costing at most an amount, in
 * a language, for an age. Null or empty means "any". Pages are numbered from 1.
 */
public record SearchQuery(Set<UUID> termIds, List<String> words, Postcode postcode, int distanceKm, DayOfWeek day,
                          LocalTime time, boolean freeOnly, Money maxCost, Language language, Integer age, int page,
                          int perPage) {

    public static final int DEFAULT_DISTANCE_KM = 10;
    public static final int MOST_DISTANCE_KM = 200;
    public static final int PER_PAGE = 10;
    public static final int MOST_PER_PAGE = 50;
    public static final Money MOST_COST = Money.ofPounds(10_000);
    public static final int MOST_AGE = 120;

    public SearchQuery {
        termIds = termIds == null ? Set.of() : Set.copyOf(termIds);
        words = words == null ? List.of() : List.copyOf(words);
    }

    /** Everything published, nearest or by name. */
    public static SearchQuery everything() {
        return new SearchQuery(Set.of(), List.of(), null, DEFAULT_DISTANCE_KM, null, null, false, null, null, null, 1, PER_PAGE);
    }

    /** Services near a postcode that serve any of the terms: what a plan's outcome starts from. */
    public static SearchQuery near(Postcode postcode, Set<UUID> termIds, int distanceKm, int perPage) {
        return new SearchQuery(termIds, List.of(), postcode, distanceKm, null, null, false, null, null, null, 1, perPage);
    }

    public int offset() {
        return (page - 1) * perPage;
    }
}
