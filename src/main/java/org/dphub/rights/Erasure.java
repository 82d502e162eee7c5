package org.dphub.rights;

import java.time.Instant;
import java.util.List;
import org.dphub.shared.personaldata.PersonalDataSource.Kept;

/**
 * An erasure or retention step carried out for a citizen, a PA, a former representative or a provider (exactly
 * one of {@code citizenId}, {@code paProfileId}, {@code representativeId} and {@code organizationId}): when, by
 * whom, what was removed and what was kept and why (message keys).
 */
public record Erasure(long id, Long citizenId, Long paProfileId, Long representativeId, java.util.UUID organizationId, String step, String carriedOutBy, Instant carriedOutAt,
                      List<String> removed, List<Kept> kept) {
    public Erasure {
        removed = List.copyOf(removed);
        kept = List.copyOf(kept);
    }
}
