package org.dphub.information;

import java.time.Instant;

/** A person's own words about their direct payment, shown on a guide; stored only with their consent. */
public record Story(long id, long councilId, String guideSlug, String language, String quote, String attribution,
                   Instant createdAt) {

    /** The day it was saved, in the UK. */
    public java.time.LocalDate createdOn() {
        return createdAt.atZone(java.time.ZoneId.of("Europe/London")).toLocalDate();
    }
}
