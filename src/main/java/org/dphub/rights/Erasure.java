package org.dphub.rights;

import java.time.Instant;
import java.util.List;
import org.dphub.shared.personaldata.PersonalDataSource.Kept;

/**
 * An erasure or retention step carried out for a citizen or a PA (exactly one of {@code citizenId} and
 * {@code paProfileId}): when, by whom, what was removed and what was kept and why (message keys).
 */
public record Erasure(long id, Long citizenId, Long paProfileId, String step, String carriedOutBy, Instant carriedOutAt, List<String> removed,
                      List<Kept> kept) {
    public Erasure {
        removed = List.copyOf(removed);
        kept = List.copyOf(kept);
    }
}
