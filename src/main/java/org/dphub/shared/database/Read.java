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
 */
public record Read<T>(Object key, String sql, Map<String, ?> params, ResultSetExtractor<T> extractor) {

    public Read {
        if (sql.indexOf(';') >= 0) {
            throw new IllegalArgumentException("A read is one statement: " + sql);
        }
        // a value may be null (a parameter the statement casts, CAST(:x AS text)), so not Map.copyOf
        params = java.util.Collections.unmodifiableMap(new java.util.HashMap<>(params));
    }

    /** Every row, mapped. */
    public static <R> Read<List<R>> list(Object key, String sql, Map<String, ?> params, RowMapper<R> mapper) {
        return new Read<>(key, sql, params, new RowMapperResultSetExtractor<>(mapper));
    }

    /** The same read (key, statement, values), its answer then made into another. */
    public <U> Read<U> map(Function<? super T, ? extends U> then) {
        return new Read<>(key, sql, params, rs -> then.apply(extractor.extractData(rs)));
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
