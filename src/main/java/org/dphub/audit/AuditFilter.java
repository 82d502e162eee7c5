package org.dphub.audit;

import java.time.LocalDate;
import java.util.List;

/**
 * Which of a council's changes to show: about these people (null: anyone; empty: nobody), by this
 * actor ({@link AuditTrail#SYSTEM_ACTOR} also means the nightly run; null: anyone), on or after
 * {@code from} and on or before {@code to} (UK dates; null: no limit), of this entity type (null: any).
 */
public record AuditFilter(List<Long> citizenIds, String actor, LocalDate from, LocalDate to, String entityType) {

    public static AuditFilter everything() {
        return new AuditFilter(null, null, null, null, null);
    }
}
