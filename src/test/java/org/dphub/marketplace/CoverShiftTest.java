package org.dphub.marketplace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cover shifts as parts of the day, when a PA can start, and whose notice fits (issue 18). */
class CoverShiftTest {

    static final LocalDate FRIDAY = LocalDate.of(2026, 12, 4);

    static int mask(AvailabilitySlot.PartOfDay... parts) {
        return AvailabilitySlot.maskOf(java.util.Arrays.stream(parts).map(p -> new AvailabilitySlot(DayOfWeek.FRIDAY, p)).toList());
    }

    @Test
    void aShiftFallsInThePartsOfTheDayItOverlaps() {
        CoverShift shift = new CoverShift(FRIDAY, LocalTime.of(10, 0), LocalTime.of(15, 0));
        assertThat(shift.parts()).extracting(CoverShift.Part::slot).containsExactly(
                new AvailabilitySlot(DayOfWeek.FRIDAY, AvailabilitySlot.PartOfDay.MORNING),
                new AvailabilitySlot(DayOfWeek.FRIDAY, AvailabilitySlot.PartOfDay.AFTERNOON));
        assertThat(new CoverShift(FRIDAY, LocalTime.of(12, 0), LocalTime.of(17, 0)).parts()).extracting(p -> p.slot().part())
                .as("an end on a boundary does not reach the next part").containsExactly(AvailabilitySlot.PartOfDay.AFTERNOON);
        assertThat(new CoverShift(FRIDAY, LocalTime.of(5, 0), LocalTime.of(7, 0)).parts()).extracting(p -> p.slot().part())
                .containsExactly(AvailabilitySlot.PartOfDay.NIGHT, AvailabilitySlot.PartOfDay.MORNING);
        assertThat(shift.minutes()).isEqualTo(300);
    }

    @Test
    void aPaCanStartAtTheFirstPartOfTheShiftTheyCover() {
        CoverShift shift = new CoverShift(FRIDAY, LocalTime.of(10, 0), LocalTime.of(15, 0));
        assertThat(shift.availableFrom(mask(AvailabilitySlot.PartOfDay.MORNING))).isEqualTo(LocalTime.of(10, 0));
        assertThat(shift.availableFrom(mask(AvailabilitySlot.PartOfDay.AFTERNOON))).isEqualTo(LocalTime.of(12, 0));
        assertThat(shift.availableFrom(mask(AvailabilitySlot.PartOfDay.EVENING))).isNull();
        int mondayMornings = new AvailabilitySlot(DayOfWeek.MONDAY, AvailabilitySlot.PartOfDay.MORNING).mask();
        assertThat(shift.availableFrom(mondayMornings)).as("another day's times do not count").isNull();
    }

    @Test
    void aShiftEndsAfterItStarts() {
        assertThatThrownBy(() -> new CoverShift(FRIDAY, LocalTime.of(15, 0), LocalTime.of(10, 0)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sameDayNoticeFitsTodayAndTomorrowNextDayOnlyTomorrow() {
        assertThat(CoverNotice.SAME_DAY.fits(FRIDAY, FRIDAY)).isTrue();
        assertThat(CoverNotice.SAME_DAY.fits(FRIDAY.plusDays(1), FRIDAY)).isTrue();
        assertThat(CoverNotice.NEXT_DAY.fits(FRIDAY, FRIDAY)).isFalse();
        assertThat(CoverNotice.NEXT_DAY.fits(FRIDAY.plusDays(1), FRIDAY)).isTrue();
        assertThat(CoverNotice.SAME_DAY.fits(FRIDAY.minusDays(1), FRIDAY)).isFalse();
        assertThat(List.of(CoverNotice.values())).hasSize(2);
    }
}
