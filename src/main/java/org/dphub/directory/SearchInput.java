package org.dphub.directory;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.dphub.marketplace.Language;
import org.dphub.shared.InvalidMoneyException;
import org.dphub.shared.Money;
import org.dphub.shared.Postcode;
import org.dphub.shared.PostcodeDirectory;
import org.dphub.web.FormErrors;

/**
 * Reads a search as typed on the page or sent to the API, the same way for both; each problem is
 * named by its field (the query parameter). Limits: distance 1 to 200 km, cost £0 to £10,000, age 0
 * to 120, at most 10 words of 100 characters in all.
 */
public final class SearchInput {

    private SearchInput() {
    }

    /**
     * What was typed. {@code cost} is ANY, FREE or UP_TO (with {@code maxCost} in pounds, or
     * {@code maxCostPence} from the API).
     */
    public record Typed(List<String> outcomes, String q, String postcode, String distance, String day, String time,
                        String cost, String maxCost, String maxCostPence, String language, String age, String page,
                        String perPage) {

        public Typed {
            outcomes = outcomes == null ? List.of() : outcomes;
        }

        public static Typed empty() {
            return new Typed(List.of(), "", "", "", "", "", "", "", "", "", "", "", "");
        }

        /** True when nothing to search by was given (the page then shows the form and everything). */
        public boolean isBlank() {
            return outcomes.stream().allMatch(SearchInput::blank) && blank(q) && blank(postcode) && blank(day) && blank(time)
                    && (blank(cost) || "ANY".equals(cost)) && blank(maxCostPence) && blank(language) && blank(age);
        }
    }

    public static SearchQuery read(Typed typed, Set<UUID> knownTerms, PostcodeDirectory postcodes, FormErrors errors) {
        Set<UUID> terms = new LinkedHashSet<>();
        for (String outcome : typed.outcomes()) {
            if (blank(outcome)) {
                continue;
            }
            try {
                UUID id = UUID.fromString(outcome.strip());
                if (!knownTerms.contains(id)) {
                    throw new IllegalArgumentException();
                }
                terms.add(id);
            } catch (IllegalArgumentException e) {
                errors.reject("outcome", "dir.search.error.outcome");
                break;
            }
        }
        List<String> words = new ArrayList<>();
        String q = errors.text("q", typed.q(), 100, false, "dir.search.label.q");
        if (q != null && !q.isEmpty()) {
            for (String word : q.split("\\s+")) {
                if (words.size() < 10 && !word.isBlank()) {
                    words.add(word);
                }
            }
        }
        Postcode postcode = null;
        if (!blank(typed.postcode())) {
            if (!Postcode.isValid(typed.postcode())) {
                errors.reject("postcode", "dir.search.error.postcode");
            } else {
                postcode = Postcode.parse(typed.postcode());
                if (postcodes.findSector(postcode).isEmpty()) {
                    errors.reject("postcode", "dir.search.error.postcode-unknown", postcode.value());
                    postcode = null;
                }
            }
        }
        int distance = SearchQuery.DEFAULT_DISTANCE_KM;
        if (!blank(typed.distance())) {
            Integer km = whole(typed.distance(), 1, SearchQuery.MOST_DISTANCE_KM);
            if (km == null) {
                errors.reject("distance", "dir.search.error.distance", SearchQuery.MOST_DISTANCE_KM);
            } else {
                distance = km;
            }
        }
        DayOfWeek day = null;
        if (!blank(typed.day()) && !"ANY".equalsIgnoreCase(typed.day().strip())) {
            try {
                day = DayOfWeek.valueOf(typed.day().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.reject("day", "dir.search.error.day");
            }
        }
        LocalTime time = null;
        if (!blank(typed.time())) {
            String text = typed.time().strip();
            try {
                if (!text.matches("^\\d{1,2}:\\d{2}$")) {
                    throw new DateTimeParseException("not HH:MM", text, 0);
                }
                time = LocalTime.parse(text.length() == 4 ? "0" + text : text);
            } catch (DateTimeParseException e) {
                errors.reject("time", "dir.search.error.time");
            }
        }
        boolean free = false;
        Money maxCost = null;
        String cost = blank(typed.cost()) ? "ANY" : typed.cost().strip().toUpperCase(Locale.ROOT);
        if (!blank(typed.maxCostPence())) {
            Integer pence = whole(typed.maxCostPence(), Integer.MIN_VALUE, Integer.MAX_VALUE);
            if (pence == null || pence < 0 || pence > SearchQuery.MOST_COST.pence()) {
                errors.reject("maxCostPence", "dir.search.error.cost-pence", SearchQuery.MOST_COST.pence());
            } else {
                maxCost = Money.ofPence(pence);
            }
        } else if ("FREE".equals(cost)) {
            free = true;
        } else if ("UP_TO".equals(cost)) {
            maxCost = money("maxCost", typed.maxCost(), errors);
        } else if (!"ANY".equals(cost)) {
            errors.reject("cost", "dir.search.error.cost");
        }
        Language language = null;
        if (!blank(typed.language()) && !"ANY".equalsIgnoreCase(typed.language().strip())) {
            language = Language.fromCode(typed.language()).orElse(null);
            if (language == null) {
                errors.reject("language", "dir.search.error.language");
            }
        }
        Integer age = null;
        if (!blank(typed.age())) {
            age = whole(typed.age(), 0, SearchQuery.MOST_AGE);
            if (age == null) {
                errors.reject("age", "dir.search.error.age", SearchQuery.MOST_AGE);
            }
        }
        int page = 1;
        if (!blank(typed.page())) {
            Integer n = whole(typed.page(), 1, 100_000);
            if (n == null) {
                errors.reject("page", "dir.search.error.page");
            } else {
                page = n;
            }
        }
        int perPage = SearchQuery.PER_PAGE;
        if (!blank(typed.perPage())) {
            Integer n = whole(typed.perPage(), 1, SearchQuery.MOST_PER_PAGE);
            if (n == null) {
                errors.reject("perPage", "dir.search.error.per-page", SearchQuery.MOST_PER_PAGE);
            } else {
                perPage = n;
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new SearchQuery(terms, words, postcode, distance, day, time, free, maxCost, language, age, page, perPage);
    }

    private static Money money(String field, String text, FormErrors errors) {
        if (blank(text)) {
            errors.reject(field, "dir.search.error.cost-missing");
            return null;
        }
        try {
            Money money = Money.parse(text.strip());
            if (money.isNegative()) {
                errors.reject(field, "money.error.negative");
                return null;
            }
            if (money.isGreaterThan(SearchQuery.MOST_COST)) {
                errors.reject(field, "dir.search.error.cost-too-large");
                return null;
            }
            return money;
        } catch (InvalidMoneyException e) {
            errors.reject(field, e.reason() == InvalidMoneyException.Reason.TOO_LARGE ? "dir.search.error.cost-too-large" : e.messageKey());
            return null;
        } catch (NumberFormatException e) {
            errors.reject(field, "money.error.not-a-number");
            return null;
        }
    }

    /** A whole number within the limits, or null. */
    private static Integer whole(String text, int least, int most) {
        String t = text.strip();
        if (!t.matches("^-?\\d{1,9}$")) {
            return null;
        }
        int n = Integer.parseInt(t);
        return n < least || n > most ? null : n;
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
