package org.dphub.insights.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Types;
import java.time.LocalDate;
import org.dphub.insights.Period;
import org.junit.jupiter.api.Test;

class MonthEndsTest {

    @Test
    void eachMonthsLastDayInThePeriodInOrderTheLastMonthEndingWithThePeriod() {
        var ends = MonthEnds.of(new Period(LocalDate.of(2025, 12, 6), LocalDate.of(2026, 3, 5)));

        assertThat(ends.getValue()).isEqualTo("{2025-12-31,2026-01-31,2026-02-28,2026-03-05}");
        // no type: PostgreSQL takes it as the date[] it is cast to once, not a text cast again for every row
        assertThat(ends.getSqlType()).isEqualTo(Types.OTHER);
    }

    @Test
    void aLeapYearsFebruaryAndAPeriodInsideOneMonth() {
        assertThat(MonthEnds.of(new Period(LocalDate.of(2028, 2, 1), LocalDate.of(2028, 2, 29))).getValue())
                .isEqualTo("{2028-02-29}");
        assertThat(MonthEnds.of(new Period(LocalDate.of(2026, 12, 3), LocalDate.of(2026, 12, 3))).getValue())
                .isEqualTo("{2026-12-03}");
    }
}
