package org.dphub.people;

import java.time.Instant;

/** One change of a person's named contact, kept for ever: from whom (null the first time) to whom, by whom and when. */
public record DpContactChange(long id, long citizenId, long contactUserId, String contactName, Long previousUserId,
                              String previousName, String changedBy, Instant changedAt) {

    /** The day of the change, in the UK. */
    public java.time.LocalDate changedOn() {
        return changedAt.atZone(java.time.ZoneId.of("Europe/London")).toLocalDate();
    }
}
