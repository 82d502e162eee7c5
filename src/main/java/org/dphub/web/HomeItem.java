package org.dphub.web;

import java.util.List;
import java.util.Objects;

/** One thing a module puts on the home page ({@link HomeContribution}). */
public sealed interface HomeItem {

    /**
     * Words from the message bundles with their arguments. A {@code java.time.LocalDate} argument is
     * shown as people read it ("5 December 2026", in the page's language) and a {@code shared.Money}
     * as "£1,088.40"; anything else as it is (and escaped).
     */
    record Text(String key, List<Object> args) {

        public Text {
            args = List.copyOf(args);
            if (key == null && args.size() != 1) {
                throw new IllegalArgumentException("Words without a message key are one value");
            }
        }

        public static Text of(String key, Object... args) {
            return new Text(Objects.requireNonNull(key), List.of(args));
        }

        /** A value on its own, with no words around it: an amount of money, a date, a name. */
        public static Text value(Object value) {
            return new Text(null, List.of(value));
        }
    }

    /**
     * Someone whose direct payment the home page is about: the citizen themself, or a person a
     * representative acts for. Facts and things to do name the person by {@code citizenId}.
     */
    record Person(long citizenId, String name, boolean self) implements HomeItem {
    }

    /** A fact about a person's direct payment, shown as a summary list row: "In the account today" – "£794.55". */
    record Fact(long citizenId, int order, Text label, Text value) implements HomeItem {
    }

    /**
     * Something to do, linked to the page where it is done. {@code citizenId} names the person it
     * is for; null is the signed-in person's own (a PA's timesheet, finance's bank account).
     * {@code overdue} is shown as a tag.
     */
    record ToDo(Long citizenId, int order, Text text, String href, boolean overdue) implements HomeItem {
    }

    /**
     * A count in the work queue, linked to the list it counts; zero is shown as zero. When
     * {@code attention} is true and the count is above zero, it is flagged ("Needs attention").
     */
    record Work(int order, Text label, long count, String href, boolean attention) implements HomeItem {
    }

    /** The name to greet the person by, when a module knows it better than the account does (a PA's profile). */
    record Greeting(String name) implements HomeItem {
    }
}
