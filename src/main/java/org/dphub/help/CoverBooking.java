package org.dphub.help;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.dphub.shared.Money;

/**
 * A cover booking as one side sees it (issue 18). {@code paContact} (the PA's phone and email) is
 * present for the employer's side, and {@code employerContact} and {@code employerName} for the PA,
 * only from ACCEPTED on; before that each sees only what they need to decide (the district, the shift,
 * what is needed, the rate).
 */
public record CoverBooking(long id, long councilId, long citizenId, long profileId, String paName, LocalDate day, LocalTime start,
                           LocalTime end, String needs, Money hourlyRate, String district, CoverStatus status, Long employmentId,
                           CoverTransitions.Side yourSide, String employerName, String employerContact, String paPhone,
                           String paEmail, List<Change> history) {

    /** One change of state: to what, by whom (a name), when. */
    public record Change(CoverStatus status, String by, Instant at) {
        /** When, as a UK clock showed it. */
        public java.time.LocalDateTime atLocal() {
            return at.atZone(java.time.ZoneId.of("Europe/London")).toLocalDateTime();
        }
    }

    public boolean contactShared() {
        return status == CoverStatus.ACCEPTED || status == CoverStatus.WORKED;
    }

    /** Whether the shift ends the next day (a night shift: its end time is earlier than its start). */
    public boolean endsNextDay() {
        return end.isBefore(start);
    }

    /** The shift's hours (8, 9.50), between the real instants: a night shift 22:00–07:00 is 9. */
    public String hours() {
        long minutes = new org.dphub.marketplace.CoverShift(day, start, end).minutes();
        return minutes % 60 == 0 ? Long.toString(minutes / 60) : String.format(java.util.Locale.ROOT, "%d.%02d", minutes / 60, minutes % 60 * 100 / 60);
    }
}
