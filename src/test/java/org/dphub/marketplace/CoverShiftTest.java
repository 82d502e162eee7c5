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
    void aShiftEndsAtAnotherTimeThanItStarts() {
        assertThatThrownBy(() -> new CoverShift(FRIDAY, LocalTime.of(10, 0), LocalTime.of(10, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new CoverShift(FRIDAY, LocalTime.of(10, 0), LocalTime.of(15, 0)).endsNextDay()).isFalse();
    }

    @Test
    void anEndEarlierThanTheStartIsTheNextMorning() {
        CoverShift night = new CoverShift(FRIDAY, LocalTime.of(22, 0), LocalTime.of(7, 0));
        assertThat(night.endsNextDay()).isTrue();
        assertThat(night.startsAt()).isEqualTo(FRIDAY.atTime(22, 0));
        assertThat(night.endsAt()).isEqualTo(FRIDAY.plusDays(1).atTime(7, 0));
        assertThat(night.minutes()).as("9 hours").isEqualTo(540);
        // Friday's night, then Saturday's night and morning: each day's own slots
        assertThat(night.parts()).extracting(CoverShift.Part::slot).containsExactly(
                new AvailabilitySlot(DayOfWeek.FRIDAY, AvailabilitySlot.PartOfDay.NIGHT),
                new AvailabilitySlot(DayOfWeek.SATURDAY, AvailabilitySlot.PartOfDay.NIGHT),
                new AvailabilitySlot(DayOfWeek.SATURDAY, AvailabilitySlot.PartOfDay.MORNING));
        assertThat(night.parts()).extracting(CoverShift.Part::from).containsExactly(LocalTime.of(22, 0), LocalTime.MIDNIGHT,
                LocalTime.of(6, 0));
    }

    @Test
    void aPaWhoCoversOnlyTheNextMorningStartsLaterThanOneWhoCoversFridayNight() {
        CoverShift night = new CoverShift(FRIDAY, LocalTime.of(22, 0), LocalTime.of(7, 0));
        int saturdayMornings = new AvailabilitySlot(DayOfWeek.SATURDAY, AvailabilitySlot.PartOfDay.MORNING).mask();
        assertThat(night.availableFrom(saturdayMornings)).isEqualTo(LocalTime.of(6, 0));
        assertThat(night.availableFrom(mask(AvailabilitySlot.PartOfDay.NIGHT))).isEqualTo(LocalTime.of(22, 0));
        assertThat(night.availableFrom(mask(AvailabilitySlot.PartOfDay.MORNING))).as("Friday mornings are not in it").isNull();
        // sorted by time into the shift, not by the clock: 06:00 the next morning is after 22:00
        assertThat(night.minutesFromStart(LocalTime.of(6, 0))).isEqualTo(480);
        assertThat(night.minutesFromStart(LocalTime.of(22, 0))).isZero();
        assertThat(night.minutesFromStart(LocalTime.of(6, 0))).isGreaterThan(night.minutesFromStart(LocalTime.of(23, 0)));
    }

    @Test
    void aShiftEndingAtMidnightOrJustAfterItStartsIsShortAndANightWhenTheClocksChangeIsMeasuredOnTheClock() {
        CoverShift toMidnight = new CoverShift(FRIDAY, LocalTime.of(22, 0), LocalTime.MIDNIGHT);
        assertThat(toMidnight.endsNextDay()).isTrue();
        assertThat(toMidnight.minutes()).isEqualTo(120);
        assertThat(toMidnight.parts()).extracting(p -> p.slot().day()).containsOnly(DayOfWeek.FRIDAY);
        assertThat(new CoverShift(FRIDAY, LocalTime.of(10, 0), LocalTime.of(9, 59)).minutes()).as("at most 24 hours").isEqualTo(24 * 60 - 1);
        // 25 October 2026: the clocks go back an hour at 02:00, so 22:00 to 07:00 that night is 10 hours worked
        assertThat(new CoverShift(LocalDate.of(2026, 10, 24), LocalTime.of(22, 0), LocalTime.of(7, 0)).minutes()).isEqualTo(600);
        // 28 March 2027: forward an hour at 01:00, 8 hours
        assertThat(new CoverShift(LocalDate.of(2027, 3, 27), LocalTime.of(22, 0), LocalTime.of(7, 0)).minutes()).isEqualTo(480);
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
