package org.dphub.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads sent together (the home page's reads, docs/PERFORMANCE.md) give the answers each would give
 * read on its own, in the order they were added, with the parameters the repositories use (a list
 * for {@code IN}, an array for {@code ANY}, a null); a read that needs another's answer goes in the
 * next step; once sent, a read is not made again in the transaction; outside a read-only
 * transaction nothing is sent ahead; a read that fails fails the whole page.
 */
@IntegrationTest
class ReadsIT {

    @Autowired
    Reads reads;
    @Autowired
    PlatformTransactionManager transactions;

    private record Key(String name) {
    }

    private final AtomicInteger extracted = new AtomicInteger();

    /** 1..n, counted each time its rows are read. */
    private Read<List<Integer>> upTo(String name, int n) {
        return Read.list(new Key(name), "SELECT generate_series(1, :n)", Map.of("n", n), (rs, i) -> rs.getInt(1)).map(rows -> {
            extracted.incrementAndGet();
            return rows;
        });
    }

    private List<Read<?>> kinds() {
        Map<String, Object> withNull = new HashMap<>();
        withNull.put("x", null);
        withNull.put("y", "a");
        return List.of(
                upTo("three", 3),
                Read.optional(new Key("none"), "SELECT 1 WHERE false AND :n = 1", Map.of("n", 1), (rs, i) -> rs.getInt(1)),
                Read.number(new Key("in"), "SELECT count(*) FROM generate_series(1, 10) g WHERE g IN (:ids)", Map.of("ids", List.of(2, 4, 99))),
                Read.number(new Key("any"), "SELECT count(*) FROM generate_series(1, 10) g WHERE g = ANY(:ids)",
                        Map.of("ids", new Long[] {1L, 2L, 3L})),
                Read.optional(new Key("null"), "SELECT CAST(:x AS text) IS NULL AND CAST(:y AS text) = 'a'", withNull,
                        (rs, i) -> rs.getBoolean(1)),
                upTo("five", 5));
    }

    private <T> T inReadOnlyTransaction(java.util.function.Supplier<T> work) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setReadOnly(true);
        return template.execute(status -> work.get());
    }

    @Test
    void readsSentTogetherGiveTheAnswersEachGivesOnItsOwn() {
        List<Object> alone = new ArrayList<>();
        for (Read<?> read : kinds()) {
            alone.add(reads.get(read));
        }
        assertThat(alone).containsExactly(List.of(1, 2, 3), Optional.empty(), 2L, 3L, Optional.of(true), List.of(1, 2, 3, 4, 5));

        List<Object> together = inReadOnlyTransaction(() -> {
            List<Object> answers = new ArrayList<>();
            Reads.Together ahead = reads.together();
            kinds().forEach(read -> ahead.add(read, answers::add));
            ahead.send();
            return answers;
        });
        assertThat(together).as("each then() is given its own read's answer, in the order added").isEqualTo(alone);
    }

    @Test
    void aReadThatNeedsAnotherGoesInTheNextStepAndNothingSentIsReadAgain() {
        List<List<Integer>> found = inReadOnlyTransaction(() -> {
            Reads.Together ahead = reads.together();
            List<List<Integer>> seen = new ArrayList<>();
            ahead.add(upTo("first", 2), first -> ahead.add(upTo("second-" + first.size(), first.size() + 1), seen::add));
            ahead.add(upTo("first", 2)); // the same read twice in a step is sent once
            ahead.send();
            assertThat(extracted).as("each read's rows read once").hasValue(2);
            // what the page's parts then read one at a time is found kept, not read again
            seen.add(reads.get(upTo("first", 2)));
            seen.add(reads.get(upTo("second-2", 3)));
            assertThat(extracted).hasValue(2);
            return seen;
        });
        assertThat(found).containsExactly(List.of(1, 2, 3), List.of(1, 2), List.of(1, 2, 3));
    }

    @Test
    void outsideAReadOnlyTransactionNothingIsSentAheadAndEachReadIsMadeWhereItIsNeeded() {
        Reads.Together ahead = reads.together();
        List<Object> answered = new ArrayList<>();
        ahead.add(upTo("outside", 2), answered::add);
        ahead.send();
        assertThat(extracted).hasValue(0);
        assertThat(answered).isEmpty();
        assertThat(reads.get(upTo("outside", 2))).containsExactly(1, 2);
        assertThat(reads.get(upTo("outside", 2))).containsExactly(1, 2);
        assertThat(extracted).as("nothing kept outside a read-only transaction: read each time").hasValue(2);
    }

    /** The plan cache mode PostgreSQL has when it runs this read. */
    private static Read<String> planMode(String name) {
        return new Read<>(new Key(name), "SELECT current_setting('plan_cache_mode') WHERE :n = 1", Map.of("n", 1), rs -> {
            rs.next();
            return rs.getString(1);
        });
    }

    @Test
    void aReadPlannedOnceIsSentWithPlansKeptForItAloneAndTheRestArePlannedAsBefore() {
        List<Object> together = inReadOnlyTransaction(() -> {
            List<Object> answers = new ArrayList<>();
            Reads.Together ahead = reads.together();
            ahead.add(planMode("before"), answers::add);
            ahead.add(planMode("once").planOnce(), answers::add);
            ahead.add(upTo("between", 2).planOnce(), answers::add);
            ahead.add(planMode("after"), answers::add);
            ahead.add(planMode("last").planOnce(), answers::add);
            ahead.send();
            // sent on its own, the same; and nothing left set for the statements after it
            answers.add(reads.get(planMode("alone").planOnce()));
            answers.add(reads.get(planMode("next")));
            return answers;
        });
        assertThat(together).containsExactly("auto", "force_generic_plan", List.of(1, 2), "auto", "force_generic_plan",
                "force_generic_plan", "auto");

        // outside a transaction there is no SET LOCAL to send: the read is made as any other
        assertThat(reads.get(planMode("outside").planOnce())).isEqualTo("auto");
        assertThat(reads.get(upTo("outside", 3).planOnce())).containsExactly(1, 2, 3);
    }

    @Test
    void aReadThatFailsFailsThemAll() {
        assertThatThrownBy(() -> inReadOnlyTransaction(() -> {
            Reads.Together ahead = reads.together();
            ahead.add(upTo("before", 1));
            ahead.add(Read.number(new Key("broken"), "SELECT count(*) FROM no_such_table WHERE id = :id", Map.of("id", 1)));
            ahead.send();
            return null;
        })).isInstanceOf(DataAccessException.class).hasMessageContaining("no_such_table");
    }

    @Test
    void aReadIsOneStatement() {
        assertThatThrownBy(() -> Read.number(new Key("two"), "SELECT 1; SELECT 2", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one statement");
    }
}
