package org.dphub.marketplace;

import java.time.Instant;

/** An invitation (started by the employer) or an expression of interest (started by the PA). */
public record Introduction(long id, long councilId, long vacancyId, long profileId, Side startedBy,
                           IntroductionStatus status, Instant createdAt, Instant updatedAt) {
}
