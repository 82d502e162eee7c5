package org.dphub.information;

import java.time.Instant;

/** One version of a word in the jargon buster, in one language. */
public record GlossaryTerm(long id, Long councilId, String key, String language, int version, String term,
                           String definition, String createdBy, Instant createdAt) {

    public boolean isCouncilsOwn() {
        return councilId != null;
    }

    /** The day it was saved, in the UK. */
    public java.time.LocalDate createdOn() {
        return createdAt.atZone(java.time.ZoneId.of("Europe/London")).toLocalDate();
    }
}
