package org.dphub.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.dphub.marketplace.Language;
import org.dphub.shared.Money;
import org.dphub.shared.PostcodeDirectory;
import org.dphub.support.ShippedMessages;
import org.dphub.web.FormErrors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A search as typed is read the same way for the page and the API, and each problem names its field. */
class SearchInputTest {

    static final UUID TERM = UUID.fromString("6a1d6a2e-5d1f-4c1b-9a52-000000000009");
    static PostcodeDirectory postcodes;

    @BeforeAll
    static void load() {
        postcodes = PostcodeDirectory.fromClasspath();
    }

    static FormErrors errors() {
        var source = ShippedMessages.source();
        return new FormErrors(source, Locale.ENGLISH);
    }

    static SearchInput.Typed typed(String postcode, String distance, String cost, String maxCost, String maxCostPence, String age) {
        return new SearchInput.Typed(List.of(TERM.toString()), "  chair   yoga ", postcode, distance, "saturday", "9:30", cost, maxCost,
                maxCostPence, "cy", age, "2", "");
    }

    @Test
    void readsEveryFilter() {
        FormErrors errors = errors();
        SearchQuery query = SearchInput.read(typed("sy11aa", "25", "UP_TO", "7.50", "", "30"), Set.of(TERM), postcodes, errors);
        assertThat(errors.list()).isEmpty();
        assertThat(query.termIds()).containsExactly(TERM);
        assertThat(query.words()).containsExactly("chair", "yoga");
        assertThat(query.postcode().value()).isEqualTo("SY1 1AA");
        assertThat(query.distanceKm()).isEqualTo(25);
        assertThat(query.day()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(query.time()).isEqualTo(LocalTime.of(9, 30));
        assertThat(query.maxCost()).isEqualTo(Money.ofPence(750));
        assertThat(query.freeOnly()).isFalse();
        assertThat(query.language()).isEqualTo(Language.WELSH);
        assertThat(query.age()).isEqualTo(30);
        assertThat(query.page()).isEqualTo(2);
        assertThat(query.offset()).isEqualTo(10);
    }

    @Test
    void blankMeansAnything() {
        FormErrors errors = errors();
        SearchQuery query = SearchInput.read(SearchInput.Typed.empty(), Set.of(), postcodes, errors);
        assertThat(errors.list()).isEmpty();
        assertThat(query.postcode()).isNull();
        assertThat(query.distanceKm()).isEqualTo(SearchQuery.DEFAULT_DISTANCE_KM);
        assertThat(query.maxCost()).isNull();
        assertThat(query.page()).isEqualTo(1);
        assertThat(SearchInput.Typed.empty().isBlank()).isTrue();
    }

    @Test
    void badInputNamesItsField() {
        record Case(SearchInput.Typed typed, String field) {
        }
        for (Case c : List.of(
                new Case(typed("ZZ99 9ZZ", "", "", "", "", ""), "postcode"),
                new Case(typed("not a postcode", "", "", "", "", ""), "postcode"),
                new Case(typed("", "0", "", "", "", ""), "distance"),
                new Case(typed("", "201", "", "", "", ""), "distance"),
                new Case(typed("", "2.5", "", "", "", ""), "distance"),
                new Case(typed("", "", "UP_TO", "-5", "", ""), "maxCost"),
                new Case(typed("", "", "UP_TO", "12.345", "", ""), "maxCost"),
                new Case(typed("", "", "UP_TO", "1e9", "", ""), "maxCost"),
                new Case(typed("", "", "UP_TO", "10000.01", "", ""), "maxCost"),
                new Case(typed("", "", "UP_TO", "", "", ""), "maxCost"),
                new Case(typed("", "", "", "", "-1", ""), "maxCostPence"),
                new Case(typed("", "", "CHEAP", "", "", ""), "cost"),
                new Case(typed("", "", "", "", "", "121"), "age"),
                new Case(typed("", "", "", "", "", "-1"), "age"))) {
            FormErrors errors = errors();
            assertThat(SearchInput.read(c.typed(), Set.of(TERM), postcodes, errors)).as(c.toString()).isNull();
            assertThat(errors.list()).as(c.toString()).extracting(e -> e.field()).containsExactly(c.field());
        }
        FormErrors unknownTerm = errors();
        assertThat(SearchInput.read(typed("", "", "", "", "", ""), Set.of(), postcodes, unknownTerm)).isNull();
        assertThat(unknownTerm.list()).extracting(e -> e.field()).containsExactly("outcome");
    }
}
