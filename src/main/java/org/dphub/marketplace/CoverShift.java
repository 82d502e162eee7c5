package org.dphub.marketplace;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A cover shift on one day, from a start to an end time, as the parts of the day it falls in
 * (the same parts a profile's availability uses): night before 06:00, morning 06:00–12:00,
 * afternoon 12:00–17:00, evening 17:00–22:00, night from 22:00. A PA can start at the first part
 * of the shift their cover times include: "available from" that part's start (or the shift's).
 */
public record CoverShift(LocalDate day, LocalTime start, LocalTime end) {

    /** One part of the day the shift falls in, and when the shift is in it from. */
    public record Part(AvailabilitySlot slot, LocalTime from) {
    }

    private static final LocalTime[] STARTS = {LocalTime.MIN, LocalTime.of(6, 0), LocalTime.of(12, 0), LocalTime.of(17, 0),
            LocalTime.of(22, 0)};
    private static final AvailabilitySlot.PartOfDay[] PARTS = {AvailabilitySlot.PartOfDay.NIGHT, AvailabilitySlot.PartOfDay.MORNING,
            AvailabilitySlot.PartOfDay.AFTERNOON, AvailabilitySlot.PartOfDay.EVENING, AvailabilitySlot.PartOfDay.NIGHT};

    public CoverShift {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("A cover shift ends after it starts");
        }
    }

    /** The parts of the day the shift falls in, earliest first. */
    public List<Part> parts() {
        List<Part> parts = new ArrayList<>();
        for (int i = 0; i < STARTS.length; i++) {
            LocalTime partStart = STARTS[i];
            LocalTime partEnd = i + 1 < STARTS.length ? STARTS[i + 1] : null;
            boolean overlaps = (partEnd == null || start.isBefore(partEnd)) && end.isAfter(partStart);
            if (overlaps) {
                AvailabilitySlot slot = new AvailabilitySlot(day.getDayOfWeek(), PARTS[i]);
                if (parts.stream().noneMatch(p -> p.slot().equals(slot))) {
                    parts.add(new Part(slot, start.isAfter(partStart) ? start : partStart));
                }
            }
        }
        return parts;
    }

    public int mask() {
        return AvailabilitySlot.maskOf(parts().stream().map(Part::slot).toList());
    }

    /** When a PA with these cover times can start: the first part of the shift they cover; null if none. */
    public LocalTime availableFrom(int coverMask) {
        return parts().stream().filter(p -> (coverMask & p.slot().mask()) != 0).map(Part::from).findFirst().orElse(null);
    }

    public int minutes() {
        return (int) java.time.Duration.between(start, end).toMinutes();
    }
}
