package org.dphub.directory.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.dphub.directory.Directory;
import org.dphub.directory.DirectoryService;
import org.dphub.directory.ServiceInput;
import org.dphub.directory.internal.ServiceInputRules;
import org.dphub.shared.PostcodeDirectory;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Providers' services, and the DP team's checks, reports and suspensions of them. */
@RestController
@RequestMapping("/api/v1/directory/services")
@Tag(name = "Directory")
class DirectoryServiceApiController {

    record ServiceInputJson(String name, String description, String delivery, String postcode, Object travelKm,
                            List<ServiceInputRules.RawSchedule> schedules, Object costPence, String costUnit, Object minimumAge,
                            Object maximumAge, List<String> languages, String accessibility, List<String> taxonomyTermIds,
                            String url, String email) {
    }

    record StatusJson(UUID id, String status) {
    }

    record ChecksInputJson(Boolean insuranceChecked, Boolean safeguardingChecked) {
    }

    record ReasonJson(String reason) {
    }

    record ReportedJson(long id, String status) {
    }

    private final Directory directory;
    private final PostcodeDirectory postcodes;
    private final MessageSource messages;

    DirectoryServiceApiController(Directory directory, PostcodeDirectory postcodes, MessageSource messages) {
        this.directory = directory;
        this.postcodes = postcodes;
        this.messages = messages;
    }

    @PostMapping
    @PreAuthorize("hasRole('PROVIDER')")
    @Operation(summary = "A provider adds a service; it waits for the DP team's checks (AWAITING_CHECKS). delivery: AT_A_PLACE "
            + "(default), COMES_TO_YOU (with travelKm) or ONLINE (no postcode); schedules: [{day, opensAt, closesAt}] (HH:MM); "
            + "costPence in whole pence with costUnit SESSION, HOUR, TERM or FREE (0); languages: ISO 639-1 codes")
    ResponseEntity<StatusJson> create(SignedInUser provider, @RequestBody ServiceInputJson body) {
        DirectoryService created = directory.addService(provider, read(body));
        return ResponseEntity.created(URI.create("/api/v1/directory/services/" + created.id()))
                .body(new StatusJson(created.id(), created.status().name()));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('PROVIDER')")
    @Operation(summary = "The provider changes its service. A published service stays published and is shown to the DP team "
            + "as changed since its check")
    ServiceJson update(SignedInUser provider, @PathVariable UUID id, @RequestBody ServiceInputJson body) {
        directory.updateService(provider, id, read(body));
        return ServiceJson.of(directory.view(provider, id).orElseThrow(NotFound::new));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A service: in full (checks, what changed) for its provider and its council's staff; for anyone else "
            + "signed in only when published")
    ServiceJson get(SignedInUser user, @PathVariable UUID id) {
        return ServiceJson.of(directory.view(user, id).orElseThrow(NotFound::new));
    }

    @GetMapping
    @PreAuthorize("hasRole('PROVIDER')")
    @Operation(summary = "The provider's own services, each with its status")
    List<ServiceJson> own(SignedInUser provider) {
        return directory.ownServices(provider).stream().map(s -> ServiceJson.of(new Directory.ServiceView(s, true))).toList();
    }

    @PostMapping("/{id}/withdrawal")
    @PreAuthorize("hasRole('PROVIDER')")
    @Operation(summary = "The provider withdraws its service: it leaves the directory for good")
    StatusJson withdraw(SignedInUser provider, @PathVariable UUID id) {
        DirectoryService withdrawn = directory.withdraw(provider, id);
        return new StatusJson(withdrawn.id(), withdrawn.status().name());
    }

    @PostMapping("/{id}/checks")
    @PreAuthorize("hasRole('DP_TEAM')")
    @Operation(summary = "The DP team of the service's council records insurance and safeguarding checks (both needed): "
            + "the service is PUBLISHED. Checking a published service again clears 'changed since check'")
    StatusJson checks(SignedInUser dpTeam, @PathVariable UUID id, @RequestBody ChecksInputJson body) {
        FormErrors errors = new FormErrors(messages, LocaleContextHolder.getLocale());
        if (body.insuranceChecked() == null) {
            errors.reject("insuranceChecked", "directory.error.boolean");
        }
        if (body.safeguardingChecked() == null) {
            errors.reject("safeguardingChecked", "directory.error.boolean");
        }
        errors.throwIfAny();
        DirectoryService checked = directory.recordChecks(dpTeam, id, body.insuranceChecked(), body.safeguardingChecked());
        return new StatusJson(checked.id(), checked.status().name());
    }

    @PostMapping("/{id}/suspension")
    @PreAuthorize("hasRole('DP_TEAM')")
    @Operation(summary = "The DP team suspends a service (it leaves the directory at once), with a reason")
    StatusJson suspend(SignedInUser dpTeam, @PathVariable UUID id, @RequestBody ReasonJson body) {
        String reason = reason(body);
        DirectoryService suspended = directory.suspend(dpTeam, id, reason);
        return new StatusJson(suspended.id(), suspended.status().name());
    }

    @DeleteMapping("/{id}/suspension")
    @PreAuthorize("hasRole('DP_TEAM')")
    @Operation(summary = "The DP team restores a suspended service: published again if both checks are on record")
    StatusJson restore(SignedInUser dpTeam, @PathVariable UUID id) {
        DirectoryService restored = directory.restore(dpTeam, id);
        return new StatusJson(restored.id(), restored.status().name());
    }

    @PostMapping("/{id}/reports")
    @Operation(summary = "Anyone signed in reports a service they can see, for its council's DP team")
    ResponseEntity<ReportedJson> report(SignedInUser user, @PathVariable UUID id, @RequestBody ReasonJson body) {
        String reason = reason(body);
        long reportId = directory.report(user, id, reason);
        return ResponseEntity.status(201).body(new ReportedJson(reportId, "REPORTED"));
    }

    private String reason(ReasonJson body) {
        ServiceInputRules rules = new ServiceInputRules(new FormErrors(messages, LocaleContextHolder.getLocale()), postcodes);
        String reason = rules.text("reason", body == null ? null : body.reason(), 2000, true, "directory.label.reason");
        rules.errors().throwIfAny();
        return reason;
    }

    private ServiceInput read(ServiceInputJson body) {
        ServiceInputRules rules = new ServiceInputRules(new FormErrors(messages, LocaleContextHolder.getLocale()), postcodes);
        ServiceInput input = rules.service(new ServiceInputRules.Raw(body.name(), body.description(), body.delivery(), body.postcode(),
                body.travelKm(), body.schedules(), body.costPence(), null, body.costUnit(), body.minimumAge(), body.maximumAge(),
                body.languages(), body.accessibility(), body.taxonomyTermIds(), body.url(), body.email()));
        rules.errors().throwIfAny();
        return input;
    }
}
