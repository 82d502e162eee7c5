package org.dphub.shared.personaldata;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads a module's own rows about a person as plain values for a subject access answer: dates and
 * times as ISO text, arrays as lists; secrets and search indexes left out.
 */
public final class PersonalDataRows {

    /** Columns never shown: hashes of secrets, search indexes, matching bitmasks, claims of a job. */
    private static final Set<String> LEFT_OUT = Set.of("password_hash", "key_hash", "secret_hash", "search", "claim_id",
            "claimed_until", "search_vector");

    private PersonalDataRows() {
    }

    /**
     * A section of the tables whose queries (by table key, in order) return rows; {@code :council}
     * and {@code :citizen} (or {@code :user}) are bound from {@code params}. Empty when no table has a row.
     */
    public static Optional<PersonalDataSource.Section> section(JdbcClient jdbc, String key, Map<String, Object> params,
                                                                Map<String, String> queries) {
        List<PersonalDataSource.Table> tables = new ArrayList<>();
        queries.forEach((table, sql) -> {
            List<Map<String, Object>> rows = rows(jdbc, sql, params);
            if (!rows.isEmpty()) {
                tables.add(new PersonalDataSource.Table(table, rows));
            }
        });
        return tables.isEmpty() ? Optional.empty() : Optional.of(new PersonalDataSource.Section(key, tables));
    }

    /** The rows, each column's value made plain. */
    public static List<Map<String, Object>> rows(JdbcClient jdbc, String sql, Map<String, Object> params) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        for (Map.Entry<String, Object> p : params.entrySet()) {
            if (sql.contains(":" + p.getKey())) {
                statement = statement.param(p.getKey(), p.getValue());
            }
        }
        return statement.query((rs, n) -> {
            var meta = rs.getMetaData();
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String column = meta.getColumnLabel(i);
                if (LEFT_OUT.contains(column) || column.endsWith("_mask")) {
                    continue;
                }
                row.put(column, plain(rs.getObject(i)));
            }
            return row;
        }).list();
    }

    private static Object plain(Object value) {
        try {
            if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
                return value;
            }
            if (value instanceof java.sql.Timestamp t) {
                return t.toInstant().toString();
            }
            if (value instanceof java.sql.Date d) {
                return d.toLocalDate().toString();
            }
            if (value instanceof Array a) {
                Object items = a.getArray();
                return items instanceof Object[] objects ? Arrays.stream(objects).map(PersonalDataRows::plain).toList() : String.valueOf(items);
            }
            return value.toString();
        } catch (SQLException e) {
            return null;
        }
    }
}
