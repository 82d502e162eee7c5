package org.dphub.rights;

import java.time.Instant;

/**
 * An erasure that a restore from a backup undid (issue 17): the backup, taken before it, brought back
 * what it removed, so the DP team carries it out again from {@code page}. Whose data it is
 * ({@code person}, {@code PA}, {@code representative} for someone who acted for a person, or
 * {@code provider}) and their name as the restored record holds it (null when the record is not found),
 * when and by whom it was first carried out, when the backup was restored and its file's name, and when
 * it was carried out again (null until it is).
 */
public record ErasureUndone(String whose, String subjectId, String name, Instant erasedAt, String erasedBy,
                            Instant restoredAt, String backup, String page, Instant erasedAgainAt) {

    /** Still to carry out again. */
    public boolean pending() {
        return erasedAgainAt == null;
    }
}
