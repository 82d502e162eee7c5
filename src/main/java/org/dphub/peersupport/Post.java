package org.dphub.peersupport;

import java.time.Instant;

/**
 * A question or an answer as one reader may see it. {@code area} is the poster's council, in the
 * reader's language. When {@link #showText()} is false (removed by a moderator, and the reader is
 * neither the poster nor a moderator) neither the title nor the text may be shown.
 */
public record Post(long id, Board board, long councilId, String area, Long questionId, String authorName, boolean own,
                   String title, String body, boolean hidden, String hiddenReason, boolean locked, Instant createdAt,
                   long answers, long helpful, boolean helpfulToAsker, boolean helpedMe, boolean reportedByMe,
                   boolean mayModerate) {

    public boolean isQuestion() {
        return questionId == null;
    }

    public boolean showText() {
        return !hidden || own || mayModerate;
    }

    /** Why it was removed: for the poster and moderators only. */
    public String hiddenReasonForReader() {
        return hidden && (own || mayModerate) ? hiddenReason : null;
    }
}
