package org.dphub.marketplace;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A cover shift starting on one day, from a start to an end time, as the parts of the day it falls in
 * (the same parts a profile's availability uses): night before 06:00, morning 06:00–12:00,
 * afternoon 12:00–17:00, evening 17:00–22:00, night from 22:00. A PA can start at the first part
 * of the shift their cover times include: "available from" that part's start (or the shift's).
 *
 * <p>An end earlier than the start is the next day: a night shift 22:00–07:00 is common for PAs
 * (under 24 hours, always). Its parts are the first day's to midnight, then the next day's (with that
 * day's own slots), and its length is measured between the real instants on a UK clock, so a night
 * when the clocks change is an hour shorter or longer.
 */
public record CoverShift(LocalDate day, LocalTime start, LocalTime end) {

    private static final java.time.ZoneId UK = java.time.ZoneId.of("Europe/London");

    /** One part of the day the shift falls in, and when the shift is in it from. */
    public record Part(AvailabilitySlot slot, LocalTime from) {
    }

    private static final LocalTime[] STARTS = {LocalTime.MIN, LocalTime.of(6, 0), LocalTime.of(12, 0), LocalTime.of(17, 0),
            LocalTime.of(22, 0)};
    private static final AvailabilitySlot.PartOfDay[] PARTS = {AvailabilitySlot.PartOfDay.NIGHT, AvailabilitySlot.PartOfDay.MORNING,
            AvailabilitySlot.PartOfDay.AFTERNOON, AvailabilitySlot.PartOfDay.EVENING, AvailabilitySlot.PartOfDay.NIGHT};

    public CoverShift {
        if (end.equals(start)) {
            throw new IllegalArgumentException("A cover shift ends at another time than it starts");
        }
    }

    /** Whether the shift ends the next day (its end time is earlier than its start). */
    public boolean endsNextDay() {
        return end.isBefore(start);
    }

    /** When the shift starts and ends, as local date and time. */
    public java.time.LocalDateTime startsAt() {
        return day.atTime(start);
    }

    public java.time.LocalDateTime endsAt() {
        return (endsNextDay() ? day.plusDays(1) : day).atTime(end);
    }

    /** The parts of the day the shift falls in, earliest first (an overnight shift's next-day parts after the first day's). */
    public List<Part> parts() {
        List<Part> parts = new ArrayList<>();
        if (endsNextDay()) {
            addParts(parts, day, start, null);
            if (end.isAfter(LocalTime.MIDNIGHT)) {
                addParts(parts, day.plusDays(1), LocalTime.MIDNIGHT, end);
            }
        } else {
            addParts(parts, day, start, end);
        }
        return parts;
    }

    /** The parts of {@code on} from {@code from} to {@code to} (null: to midnight). */
    private static void addParts(List<Part> parts, LocalDate on, LocalTime from, LocalTime to) {
        for (int i = 0; i < STARTS.length; i++) {
            LocalTime partStart = STARTS[i];
            LocalTime partEnd = i + 1 < STARTS.length ? STARTS[i + 1] : null;
            boolean overlaps = (partEnd == null || from.isBefore(partEnd)) && (to == null || to.isAfter(partStart));
            if (overlaps) {
                AvailabilitySlot slot = new AvailabilitySlot(on.getDayOfWeek(), PARTS[i]);
                if (parts.stream().noneMatch(p -> p.slot().equals(slot))) {
                    parts.add(new Part(slot, from.isAfter(partStart) ? from : partStart));
                }
            }
        }
    }

    /** Minutes from the shift's start to a time during it (a time earlier than the start is the next day's): to sort by. */
    public int minutesFromStart(LocalTime time) {
        return Math.floorMod((int) java.time.Duration.between(start, time).toMinutes(), 24 * 60);
    }

    public int mask() {
        return AvailabilitySlot.maskOf(parts().stream().map(Part::slot).toList());
    }

    /** When a PA with these cover times can start: the first part of the shift they cover; null if none. */
    public LocalTime availableFrom(int coverMask) {
        return parts().stream().filter(p -> (coverMask & p.slot().mask()) != 0).map(Part::from).findFirst().orElse(null);
    }

    /** The shift's length in minutes, between the real instants on a UK clock. */
    public int minutes() {
        return (int) java.time.Duration.between(startsAt().atZone(UK), endsAt().atZone(UK)).toMinutes();
    }
}
