package org.dphub.directory;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dphub.shared.Money;

/**
 * A service as the rest of dphub sees it: what, where, when, cost, ages, languages and the
 * outcomes it serves, with its status and the DP team's checks.
 */
public record DirectoryService(UUID id, UUID organizationId, String organizationName, long councilId, String name,
                               String description, ServiceStatus status, Delivery delivery, String postcode,
                               BigDecimal latitude, BigDecimal longitude, Integer travelKm, List<Schedule> schedules,
                               Money cost, CostUnit costUnit, Integer minimumAge, Integer maximumAge, List<String> languages,
                               String accessibility, List<UUID> taxonomyTermIds, String url, String email,
                               Checks checks, boolean changedSinceCheck, List<String> changedFields, String suspensionReason,
                               Instant lastModified) {

    /** The DP team's checks: both needed before a service is published. */
    public record Checks(boolean insurance, boolean safeguarding, String checkedBy, Instant checkedAt) {
    }

    /** Shows the "Checked by the council" badge. */
    public boolean checkedByCouncil() {
        return status == ServiceStatus.PUBLISHED && checks.insurance() && checks.safeguarding();
    }

    /** The values the audit trail keeps, and compares to say what changed since the DP team's check. */
    public Map<String, Object> auditValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("name", name);
        values.put("description", description);
        values.put("delivery", delivery.name());
        values.put("postcode", postcode);
        values.put("travelKm", travelKm);
        values.put("schedules", schedules.stream().map(s -> s.day() + " " + s.opensAt() + "-" + s.closesAt()).toList());
        values.put("cost", cost.pence());
        values.put("costUnit", costUnit.name());
        values.put("minimumAge", minimumAge);
        values.put("maximumAge", maximumAge);
        values.put("languages", languages);
        values.put("accessibility", accessibility);
        values.put("taxonomyTermIds", taxonomyTermIds.stream().map(UUID::toString).sorted().toList());
        values.put("url", url);
        values.put("email", email);
        values.put("status", status.name());
        return values;
    }
}
