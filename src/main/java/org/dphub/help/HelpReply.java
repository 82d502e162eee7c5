package org.dphub.help;

import java.time.Instant;

/** One reply on a request for help: from the DP team or from the asker. Never changed. */
public record HelpReply(long id, long authorId, String authorName, boolean fromTeam, String text, Instant writtenAt) {
}
