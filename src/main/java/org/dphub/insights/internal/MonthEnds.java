package org.dphub.insights.internal;

import java.sql.Types;
import java.util.stream.Collectors;
import org.dphub.insights.Period;
import org.springframework.jdbc.core.SqlParameterValue;

/**
 * The last day in the period of each of its months, in order, as a PostgreSQL {@code date[]}
 * literal for {@code CAST(:ends AS date[])}: the figures by month find which months' last days a
 * run of days covers with {@code width_bucket} in this array. Given as a parameter, not built in the
 * query: a one-row CTE cross-joined to every row is scanned again for each of them (half a million
 * times at the benchmark's scale), and a CTE keeps the plan from using parallel workers.
 */
final class MonthEnds {

    private MonthEnds() {
    }

    /**
     * For example {@code {2025-12-31,2026-01-31,2026-02-05}} (ISO dates, which PostgreSQL reads), sent
     * with no type so that PostgreSQL takes it as the {@code date[]} of its cast once, as it binds the
     * query. Sent as text, it would be cast again each time the array is used: once for each row.
     */
    static SqlParameterValue of(Period period) {
        return new SqlParameterValue(Types.OTHER,
                period.months().stream().map(period::endOf).map(Object::toString).collect(Collectors.joining(",", "{", "}")));
    }
}
