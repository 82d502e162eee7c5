package org.dphub.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.dphub.shared.Money;
import org.junit.jupiter.api.Test;

/** When each instalment of a regular payment falls due, and when there are no more. */
class RegularPaymentScheduleTest {

    static final LocalDate JAN_31 = LocalDate.of(2027, 1, 31);

    static RegularPayments.Row row(RegularPayments.Frequency frequency, LocalDate end, Integer times, LocalDate stoppedFrom) {
        return new RegularPayments.Row(1, UUID.randomUUID(), "Sunny Days CIC", UUID.randomUUID(), "Yoga", 1, 1, 1, Money.ofPence(800),
                frequency, JAN_31, end, times, null, null, "REG-1", stoppedFrom == null ? "ACTIVE" : "STOPPED", stoppedFrom, 1, JAN_31,
                null, null);
    }

    @Test
    void eachFrequencyCountsFromTheFirstDayAndMonthsKeepTheDayWhereTheyCan() {
        assertThat(RegularPayments.Frequency.WEEKLY.dueOn(JAN_31, 2)).isEqualTo(LocalDate.of(2027, 2, 7));
        assertThat(RegularPayments.Frequency.FORTNIGHTLY.dueOn(JAN_31, 3)).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(RegularPayments.Frequency.FOUR_WEEKLY.dueOn(JAN_31, 2)).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(RegularPayments.Frequency.MONTHLY.dueOn(JAN_31, 2)).isEqualTo(LocalDate.of(2027, 2, 28));
        assertThat(RegularPayments.Frequency.MONTHLY.dueOn(JAN_31, 3)).as("not drifting to the 28th").isEqualTo(LocalDate.of(2027, 3, 31));
    }

    @Test
    void anEndDateANumberOfTimesOrAStopEndsIt() {
        assertThat(row(RegularPayments.Frequency.WEEKLY, null, 3, null).dueOn(3)).isEqualTo(LocalDate.of(2027, 2, 14));
        assertThat(row(RegularPayments.Frequency.WEEKLY, null, 3, null).dueOn(4)).isNull();
        assertThat(row(RegularPayments.Frequency.WEEKLY, LocalDate.of(2027, 2, 14), null, null).dueOn(3)).as("the end day counts")
                .isEqualTo(LocalDate.of(2027, 2, 14));
        assertThat(row(RegularPayments.Frequency.WEEKLY, LocalDate.of(2027, 2, 14), null, null).dueOn(4)).isNull();
        assertThat(row(RegularPayments.Frequency.WEEKLY, null, null, LocalDate.of(2027, 2, 7)).dueOn(1)).isEqualTo(JAN_31);
        assertThat(row(RegularPayments.Frequency.WEEKLY, null, null, LocalDate.of(2027, 2, 7)).dueOn(2)).as("nothing on the stop day")
                .isNull();
        assertThat(row(RegularPayments.Frequency.MONTHLY, null, null, null).dueOn(120)).isEqualTo(LocalDate.of(2036, 12, 31));
    }
}
