package org.dphub.monitoring.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.dphub.monitoring.CheckOutcome;
import org.dphub.monitoring.CheckReason;
import org.dphub.monitoring.Checks;
import org.dphub.monitoring.internal.CheckRepository;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.JsonInput;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Monitoring")
class CheckApiController {

    record DueJson(long accountId, long citizenId, List<CheckReason> reasons) {
    }

    record CheckJson(Long accountId, String outcome, Object minutes, String notes) {
    }

    record ConcernJson(String concern) {
    }

    record EffortJson(CheckOutcome outcome, long checks, long minutes) {
    }

    private final Checks checks;
    private final MessageSource messages;

    CheckApiController(Checks checks, MessageSource messages) {
        this.checks = checks;
        this.messages = messages;
    }

    @GetMapping("/api/v1/monitoring/checks")
    @PreAuthorize("hasAnyRole('FINANCE', 'DP_TEAM')")
    @Operation(summary = "status=DUE: accounts selected for a check and why; status=DONE: checks recorded, newest first")
    List<?> checks(SignedInUser staff, @RequestParam(defaultValue = "DUE") String status) {
        if (status.equals("DONE")) {
            return checks.done(staff);
        }
        if (!status.equals("DUE")) {
            FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
            errors.reject("status", "checks.error.status");
            errors.throwIfAny();
        }
        return checks.due(staff).stream().map(d -> new DueJson(d.accountId(), d.citizenId(), d.reasons())).toList();
    }

    @PostMapping("/api/v1/monitoring/checks")
    @PreAuthorize("hasAnyRole('FINANCE', 'DP_TEAM')")
    @Operation(summary = "Record a check: {accountId, outcome: ALL_WELL|QUESTION_ASKED|SURPLUS_RECOVERY_PROPOSED|REFERRAL, minutes, notes}")
    ResponseEntity<CheckRepository.Done> record(SignedInUser staff, @RequestBody CheckJson body) {
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        if (body.accountId() == null) {
            errors.reject("accountId", "checks.error.account");
        }
        CheckOutcome outcome = null;
        try {
            outcome = CheckOutcome.valueOf(body.outcome() == null ? "" : body.outcome().strip());
        } catch (IllegalArgumentException e) {
            errors.reject("outcome", "checks.error.outcome");
        }
        Long minutes = JsonInput.pence(body.minutes(), "minutes", errors);
        if (body.minutes() == null || (minutes != null && (minutes < 0 || minutes > 6000))) {
            errors.reject("minutes", "checks.error.minutes");
        }
        String notes = errors.text("notes", body.notes(), 2000, false, "checks.label.notes");
        errors.throwIfAny();
        long id = checks.record(staff, body.accountId(), outcome, minutes.intValue(), notes == null || notes.isEmpty() ? null : notes);
        return ResponseEntity.created(URI.create("/api/v1/monitoring/checks/" + id))
                .body(checks.done(staff).stream().filter(d -> d.id() == id).findFirst().orElseThrow());
    }

    @PostMapping("/api/v1/accounts/{id}/concerns")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Raise a concern about an account: it is selected for a check")
    ResponseEntity<Void> concern(SignedInUser staff, @PathVariable long id, @RequestBody ConcernJson body) {
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        String concern = errors.text("concern", body.concern(), 2000, true, "checks.label.concern");
        errors.throwIfAny();
        checks.raiseConcern(staff, id, concern);
        return ResponseEntity.status(201).build();
    }

    @GetMapping("/api/v1/monitoring/effort")
    @PreAuthorize("hasAnyRole('FINANCE', 'DP_TEAM')")
    @Operation(summary = "Effort against findings over the last 12 months: checks and minutes by outcome")
    List<EffortJson> effort(SignedInUser staff) {
        return checks.effort(staff).stream().map(e -> new EffortJson(e.outcome(), e.checks(), e.minutes())).toList();
    }
}
