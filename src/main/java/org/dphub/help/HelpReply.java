package org.dphub.help;

import java.time.Instant;

/** One reply on a request for help: from the DP team or from the asker. Never changed. */
public record HelpReply(long id, long authorId, String authorName, boolean fromTeam, String text, Instant writtenAt) {

    /** The day it was written, in the UK. */
    public java.time.LocalDate writtenOn() {
        return writtenAt.atZone(java.time.ZoneId.of("Europe/London")).toLocalDate();
    }
}
