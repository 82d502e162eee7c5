package org.dphub.directory.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.dphub.directory.DirectoryService;
import org.dphub.directory.Directory;

/** A service in the API: its provider and its council's staff see the checks and what changed; others do not. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ServiceJson(UUID id, UUID organizationId, String organizationName, String name, String description, String status,
                   String delivery, String postcode, Integer travelKm, List<ScheduleJson> schedules, long costPence,
                   String costUnit, Integer minimumAge, Integer maximumAge, List<String> languages, String accessibility,
                   List<UUID> taxonomyTermIds, String url, String email, boolean checkedByCouncil, ChecksJson checks,
                   Boolean changedSinceCheck, List<String> changedFields, String suspensionReason, Instant lastModified) {

    record ScheduleJson(String day, String opensAt, String closesAt) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ChecksJson(boolean insuranceChecked, boolean safeguardingChecked, String checkedBy, Instant checkedAt) {
    }

    static ServiceJson of(Directory.ServiceView view) {
        DirectoryService s = view.service();
        boolean full = view.full();
        return new ServiceJson(s.id(), s.organizationId(), s.organizationName(), s.name(), s.description(), s.status().name(),
                s.delivery().name(), s.postcode(), s.travelKm(),
                s.schedules().stream().map(d -> new ScheduleJson(d.day().name(), d.opensAt().toString(), d.closesAt().toString())).toList(),
                s.cost().pence(), s.costUnit().name(), s.minimumAge(), s.maximumAge(), s.languages(), s.accessibility(),
                s.taxonomyTermIds(), s.url(), s.email(), s.checkedByCouncil(),
                full ? new ChecksJson(s.checks().insurance(), s.checks().safeguarding(), s.checks().checkedBy(), s.checks().checkedAt())
                        : null,
                full ? s.changedSinceCheck() : null, full ? s.changedFields() : null, full ? s.suspensionReason() : null,
                s.lastModified());
    }
}
