package org.dphub.marketplace.internal;

import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/** PostgreSQL array literals for {@code CAST(:x AS text[])}, every element quoted, and arrays read back. */
final class SqlArrays {

    private SqlArrays() {
    }

    static String text(Collection<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (String value : values) {
            if (literal.length() > 1) {
                literal.append(',');
            }
            literal.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return literal.append('}').toString();
    }

    static String longs(Collection<Long> values) {
        return "{" + String.join(",", values.stream().map(String::valueOf).toList()) + "}";
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
