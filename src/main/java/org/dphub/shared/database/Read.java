package org.dphub.shared.database;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.RowMapperResultSetExtractor;

/**
 * One read, said before it runs: its statement with named parameters, their values, how its rows
 * become the answer, and the key the answer is kept under in a read-only transaction
 * ({@link ReadOnlyMemo}). Being a value, the same read can be run on its own ({@link Reads#get})
 * or sent with others in one round trip ({@link Reads.Together}), and the two always agree.
 *
 * @param key       what the answer is kept under: a record naming the read and its values
 * @param sql       one statement (no {@code ;}), with {@code :name} parameters
 * @param params    the parameters' values (null allowed); a {@code Long[]} for {@code = ANY(:ids)}, a
 *                  collection for {@code IN (:ids)}
 * @param extractor how the rows become the answer
 * @param plannedOnce PostgreSQL plans the statement once and keeps the plan, whatever the values
 *                  ({@link #planOnce()})
 */
public record Read<T>(Object key, String sql, Map<String, ?> params, ResultSetExtractor<T> extractor, boolean plannedOnce) {

    public Read {
        if (sql.indexOf(';') >= 0) {
            throw new IllegalArgumentException("A read is one statement: " + sql);
        }
        // a value may be null (a parameter the statement casts, CAST(:x AS text)), so not Map.copyOf
        params = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(params));
    }

    /** A read PostgreSQL plans as it judges best (see {@link #planOnce()}). */
    public Read(Object key, String sql, Map<String, ?> params, ResultSetExtractor<T> extractor) {
        this(key, sql, params, extractor, false);
    }

    /**
     * The same read, its statement planned once and the plan kept, whatever its values: for a read
     * by key (an account, a person, a list of ids) whose best plan does not depend on which key.
     *
     * <p>Why (docs/PERFORMANCE.md, "Plans made once"): PostgreSQL keeps a prepared statement's plan
     * only if a plan made without the values looks no dearer than the plans made with them. For a
     * join on an account's legs it knows how many legs that account has and the average; when this
     * account has fewer, each page made its plan again, about 0.35 ms of PostgreSQL's CPU each time
     * for a statement that then ran in less. Inside a transaction, {@link Reads} sends such a read
     * with {@code plan_cache_mode} set to {@code force_generic_plan} for it alone. A read whose best
     * plan does depend on its values (a search by words, an optional filter written
     * {@code :q = '' OR ...}) must not say this.
     */
    public Read<T> planOnce() {
        return new Read<>(key, sql, params, extractor, true);
    }

    /** Every row, mapped. */
    public static <R> Read<List<R>> list(Object key, String sql, Map<String, ?> params, RowMapper<R> mapper) {
        return new Read<>(key, sql, params, new RowMapperResultSetExtractor<>(mapper));
    }

    /** The same read (key, statement, values), its answer then made into another. */
    public <U> Read<U> map(Function<? super T, ? extends U> then) {
        return new Read<>(key, sql, params, rs -> then.apply(extractor.extractData(rs)), plannedOnce);
    }

    /** The first row, mapped, if there is one. */
    public static <R> Read<Optional<R>> optional(Object key, String sql, Map<String, ?> params, RowMapper<R> mapper) {
        return new Read<>(key, sql, params, rs -> rs.next() ? Optional.of(mapper.mapRow(rs, 0)) : Optional.empty());
    }

    /** A single number: a count, a sum (a statement that always returns one row). */
    public static Read<Long> number(Object key, String sql, Map<String, ?> params) {
        return new Read<>(key, sql, params, rs -> {
            rs.next();
            return rs.getLong(1);
        });
    }
}
