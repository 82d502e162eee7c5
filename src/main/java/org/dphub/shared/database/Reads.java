package org.dphub.shared.database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.ConcurrentLruCache;

/**
 * Runs {@link Read}s: one at a time ({@link #get}), or many sent to PostgreSQL together in one
 * round trip ({@link #together}). Either way the answer is kept in a read-only transaction's
 * {@link ReadOnlyMemo} under the read's key, so what one sent together is then found there by the
 * code that reads it one at a time.
 *
 * <p>Why (docs/PERFORMANCE.md, "Reads sent together" and the entry before it): a page of twenty small
 * statements sent one by one spends more of the machine on the twenty round trips (a write and a
 * wake-up on each side) than on the statements. The JDBC driver sends a prepared string of several
 * statements as one message and keeps each one's rows.
 */
@Component
public class Reads {

    /** Plan once: inside a transaction, for the reads that say so alone ({@link Read#planOnce()}). */
    private static final String PLAN_ONCE = "SET LOCAL plan_cache_mode = force_generic_plan";
    private static final String PLAN_AS_BEFORE = "SET LOCAL plan_cache_mode TO DEFAULT";

    private final JdbcTemplate jdbc;

    Reads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The read's answer: already read in this read-only transaction, or read now (and kept). */
    public <T> T get(Read<T> read) {
        return ReadOnlyMemo.remember(read.key(), () -> {
            if (read.plannedOnce() && TransactionSynchronizationManager.isActualTransactionActive()) {
                @SuppressWarnings("unchecked")
                T answer = (T) inOneRoundTrip(List.of(read)).get(0);
                return answer;
            }
            Positional p = Positional.of(read);
            return jdbc.query(p.sql(), new ArgumentPreparedStatementSetter(p.values()), read.extractor());
        });
    }

    /**
     * These reads' answers, in order, from one message to PostgreSQL. Inside a transaction, the reads
     * that are planned once go between {@link #PLAN_ONCE} and {@link #PLAN_AS_BEFORE}, sent in the same
     * message: no round trip more, and every other statement is planned as before.
     */
    private List<Object> inOneRoundTrip(List<Read<?>> sent) {
        boolean inTransaction = TransactionSynchronizationManager.isActualTransactionActive();
        List<Object> statements = new ArrayList<>(); // a Read, or a SET between them
        boolean planningOnce = false;
        for (Read<?> read : sent) {
            boolean once = read.plannedOnce() && inTransaction;
            if (once != planningOnce) {
                statements.add(once ? PLAN_ONCE : PLAN_AS_BEFORE);
                planningOnce = once;
            }
            statements.add(read);
        }
        if (planningOnce) {
            statements.add(PLAN_AS_BEFORE);
        }
        StringBuilder sql = new StringBuilder();
        List<Object> values = new ArrayList<>();
        for (Object s : statements) {
            sql.append(sql.isEmpty() ? "" : ";\n");
            if (s instanceof Read<?> read) {
                Positional p = Positional.of(read);
                sql.append(p.sql());
                values.addAll(Arrays.asList(p.values())); // a value may be null
            } else {
                sql.append(s);
            }
        }
        return jdbc.execute(sql.toString(), (PreparedStatement statement) -> {
            new ArgumentPreparedStatementSetter(values.toArray()).setValues(statement);
            statement.execute();
            List<Object> answers = new ArrayList<>();
            for (int i = 0; i < statements.size(); i++) {
                if (i > 0) {
                    statement.getMoreResults();
                }
                if (statements.get(i) instanceof Read<?> read) {
                    try (ResultSet rows = statement.getResultSet()) {
                        answers.add(read.extractor().extractData(rows));
                    }
                }
            }
            return answers;
        });
    }

    /**
     * Reads to send together. Only inside a read-only transaction: outside one nothing would be kept,
     * so {@link Together#send} reads nothing and each read is made where it is needed, as before.
     */
    public Together together() {
        return new Together();
    }

    /** Reads waiting to be sent; {@link #send} sends them in as few round trips as their order allows. */
    public final class Together {

        private final List<Waiting<?>> waiting = new ArrayList<>();

        private Together() {
        }

        /** Send this read with the others. */
        public <T> Together add(Read<T> read) {
            return add(read, answer -> {
            });
        }

        /**
         * Send this read with the others; then, with its answer, {@code then} may add reads that need it:
         * they go in the next round trip.
         */
        public <T> Together add(Read<T> read, Consumer<? super T> then) {
            waiting.add(new Waiting<>(read, then));
            return this;
        }

        /** Sends what was added, one round trip for each step, until nothing waits. */
        public void send() {
            if (!ReadOnlyMemo.keeping()) {
                waiting.clear();
                return;
            }
            while (!waiting.isEmpty()) {
                List<Waiting<?>> step = new ArrayList<>();
                for (Waiting<?> w : waiting) {
                    if (!ReadOnlyMemo.has(w.read().key()) && step.stream().noneMatch(s -> s.read().key().equals(w.read().key()))) {
                        step.add(w);
                    }
                }
                List<Waiting<?>> answered = new ArrayList<>(waiting);
                waiting.clear();
                sendTogether(step);
                // in the order added; a then() may add reads, which wait for the next step
                answered.forEach(Waiting::answer);
            }
        }

        private void sendTogether(List<Waiting<?>> step) {
            if (step.isEmpty()) {
                return;
            }
            if (step.size() == 1) {
                get(step.get(0).read());
                return;
            }
            List<Object> answers = inOneRoundTrip(step.stream().<Read<?>>map(Waiting::read).toList());
            for (int i = 0; i < step.size(); i++) {
                Object answer = answers.get(i);
                ReadOnlyMemo.remember(step.get(i).read().key(), () -> answer);
            }
        }
    }

    private record Waiting<T>(Read<T> read, Consumer<? super T> then) {

        void answer() {
            then.accept(ReadOnlyMemo.remember(read.key(), () -> {
                throw new IllegalStateException("Not read: " + read.key());
            }));
        }
    }

    /** A read's statement with {@code ?} in place of its named parameters, and their values in order. */
    private record Positional(String sql, Object[] values) {

        // each statement parsed once, as NamedParameterJdbcTemplate keeps them (its cache holds 256 too)
        private static final ConcurrentLruCache<String, ParsedSql> PARSED = new ConcurrentLruCache<>(256,
                NamedParameterUtils::parseSqlStatement);

        static Positional of(Read<?> read) {
            ParsedSql parsed = PARSED.get(read.sql());
            MapSqlParameterSource source = new MapSqlParameterSource(read.params());
            // a collection for IN (:ids) is one ? for each of its values, as NamedParameterJdbcTemplate sends it
            List<Object> values = new ArrayList<>();
            for (Object value : NamedParameterUtils.buildValueArray(parsed, source, null)) {
                if (value instanceof Iterable<?> each) {
                    each.forEach(values::add);
                } else {
                    values.add(value);
                }
            }
            return new Positional(NamedParameterUtils.substituteNamedParameters(parsed, source), values.toArray());
        }
    }
}
