package org.dphub.information;

import java.time.Instant;

/** One version of a guide in one language: national (no council) or a council's own. */
public record Guide(long id, Long councilId, String slug, String language, int version, int position, String title,
                    String summary, String body, String createdBy, Instant createdAt) {

    public boolean isCouncilsOwn() {
        return councilId != null;
    }

    /** The day it was saved, in the UK. */
    public java.time.LocalDate createdOn() {
        return createdAt.atZone(java.time.ZoneId.of("Europe/London")).toLocalDate();
    }
}
