package org.dphub.directory;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** A weekly opening: the day and the times it opens and closes (closes after it opens). */
public record Schedule(DayOfWeek day, LocalTime opensAt, LocalTime closesAt) {
}
