package org.dphub.marketplace;

import java.time.DayOfWeek;

/** A part of a day of the week: 7 days × morning, afternoon, evening, night. Stored as "MON_MORNING". */
public record AvailabilitySlot(DayOfWeek day, PartOfDay part) {

    public enum PartOfDay { MORNING, AFTERNOON, EVENING, NIGHT }

    public String code() {
        return day.name().substring(0, 3) + "_" + part.name();
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
