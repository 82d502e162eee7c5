package org.dphub.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dphub.shared.Money;
import org.dphub.shared.SignedInUser;
import org.springframework.context.MessageSource;

/**
 * The home page as the template reads it, put together from every module's {@link HomeItem}s:
 * each person with their facts and things to do, the person's own things to do, and the work
 * queue (each count once, however many of the user's roles would show it).
 */
record HomeView(String greetingName, List<PersonCard> people, List<Line> toDos, List<WorkLine> work) {

    record Line(String text, String href, boolean flagged) {
    }

    record WorkLine(String label, long count, String href, boolean flagged) {
    }

    record Fact(String label, String value) {
    }

    record PersonCard(long citizenId, String name, boolean self, List<Fact> facts, List<Line> toDos) {
    }

    static HomeView of(SignedInUser user, List<HomeItem> items, MessageSource messages, Locale locale) {
        Words words = new Words(messages, locale);
        String greeting = items.stream().filter(HomeItem.Greeting.class::isInstance).map(i -> ((HomeItem.Greeting) i).name())
                .filter(n -> n != null && !n.isBlank()).findFirst().orElse(user.displayName());

        Map<Long, HomeItem.Person> people = new LinkedHashMap<>();
        items.stream().filter(HomeItem.Person.class::isInstance).map(HomeItem.Person.class::cast)
                .sorted(Comparator.comparing((HomeItem.Person p) -> !p.self()))
                .forEach(p -> people.putIfAbsent(p.citizenId(), p));

        List<PersonCard> cards = new ArrayList<>();
        for (HomeItem.Person person : people.values()) {
            List<Fact> facts = items.stream().filter(HomeItem.Fact.class::isInstance).map(HomeItem.Fact.class::cast)
                    .filter(f -> f.citizenId() == person.citizenId())
                    .sorted(Comparator.comparingInt(HomeItem.Fact::order))
                    .map(f -> new Fact(words.of(f.label()), words.of(f.value()))).toList();
            cards.add(new PersonCard(person.citizenId(), person.name(), person.self(), facts,
                    toDos(items, person.citizenId(), words)));
        }

        Set<String> seen = new HashSet<>();
        List<WorkLine> work = items.stream().filter(HomeItem.Work.class::isInstance).map(HomeItem.Work.class::cast)
                .sorted(Comparator.comparingInt(HomeItem.Work::order))
                .filter(w -> seen.add(w.label().key() + " " + w.href()))
                .map(w -> new WorkLine(words.of(w.label()), w.count(), w.href(), w.attention() && w.count() > 0))
                .toList();
        return new HomeView(greeting, cards, toDos(items, null, words), work);
    }

    /** The things to do for a person (or, for null, the user's own), in order; the same link once. */
    private static List<Line> toDos(List<HomeItem> items, Long citizenId, Words words) {
        Set<String> seen = new HashSet<>();
        return items.stream().filter(HomeItem.ToDo.class::isInstance).map(HomeItem.ToDo.class::cast)
                .filter(t -> java.util.Objects.equals(t.citizenId(), citizenId))
                .sorted(Comparator.comparingInt(HomeItem.ToDo::order))
                .filter(t -> seen.add(t.href()))
                .map(t -> new Line(words.of(t.text()), t.href(), t.overdue())).toList();
    }

    /** Resolves {@link HomeItem.Text} in the reader's language: dates as "5 December 2026", money as "£1,088.40". */
    record Words(MessageSource messages, Locale locale) {

        String of(HomeItem.Text text) {
            DateTimeFormatter dates = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
            Object[] args = text.args().stream().map(a -> a instanceof LocalDate date ? dates.format(date)
                    : a instanceof Money money ? money.formatWithPence() : a).toArray();
            return text.key() == null ? String.valueOf(args[0]) : messages.getMessage(text.key(), args, locale);
        }
    }
}
