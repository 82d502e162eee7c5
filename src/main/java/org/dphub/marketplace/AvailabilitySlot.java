package org.dphub.marketplace;

import java.time.DayOfWeek;
import java.util.Collection;

/**
 * A part of a day of the week: 7 days × morning, afternoon, evening, night. Stored as
 * "MON_MORNING", and as bit {@code (day − 1) × 4 + part} of an availability mask.
 */
public record AvailabilitySlot(DayOfWeek day, PartOfDay part) {

    public enum PartOfDay { MORNING, AFTERNOON, EVENING, NIGHT }

    public String code() {
        return day.name().substring(0, 3) + "_" + part.name();
    }

    public int mask() {
        return 1 << ((day.getValue() - 1) * 4 + part.ordinal());
    }

    public static int maskOf(Collection<AvailabilitySlot> slots) {
        int mask = 0;
        for (AvailabilitySlot slot : slots) {
            mask |= slot.mask();
        }
        return mask;
    }

    /** The slots whose bits are set, Monday morning first. */
    public static java.util.List<AvailabilitySlot> slotsOf(int mask) {
        java.util.List<AvailabilitySlot> slots = new java.util.ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            for (PartOfDay part : PartOfDay.values()) {
                AvailabilitySlot slot = new AvailabilitySlot(day, part);
                if ((mask & slot.mask()) != 0) {
                    slots.add(slot);
                }
            }
        }
        return slots;
    }

    public static AvailabilitySlot parse(String code) {
        String[] pieces = code.split("_", 2);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().startsWith(pieces[0])) {
                return new AvailabilitySlot(day, PartOfDay.valueOf(pieces[1]));
            }
        }
        throw new IllegalArgumentException("Not an availability slot: " + code);
    }
}
