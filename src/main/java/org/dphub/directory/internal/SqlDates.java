package org.dphub.directory.internal;

import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A PostgreSQL {@code date[]} as days, in its order; none for NULL. */
final class SqlDates {

    private SqlDates() {
    }

    static List<LocalDate> days(Array array) throws SQLException {
        List<LocalDate> days = new ArrayList<>();
        if (array != null) {
            for (Object d : (Object[]) array.getArray()) {
                days.add(d instanceof java.sql.Date date ? date.toLocalDate() : LocalDate.parse(d.toString()));
            }
        }
        return List.copyOf(days);
    }
}
