package org.dphub.monitoring.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.dphub.monitoring.Returns;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Monitoring")
class ReturnApiController {

    record MoreTimeJson(String note) {
    }

    private final Returns returns;
    private final org.dphub.monitoring.Receipts receipts;
    private final MessageSource messages;

    ReturnApiController(Returns returns, org.dphub.monitoring.Receipts receipts, MessageSource messages) {
        this.receipts = receipts;
        this.returns = returns;
        this.messages = messages;
    }

    @PostMapping("/api/v1/monitoring/returns")
    @PreAuthorize("hasRole('FINANCE')")
    @Operation(summary = "Ask every open bank-account holder for a return for the council's last full period (letters sent); "
            + "prepaid-card and managed accounts are never asked")
    ResponseEntity<Map<String, Integer>> request(SignedInUser finance) {
        return ResponseEntity.status(201).body(Map.of("requested", returns.requestForLastPeriod(finance)));
    }

    @GetMapping("/api/v1/citizens/{id}/returns")
    @Operation(summary = "A person's returns: period, due date, status, money in and out from their statements")
    List<Returns.FinancialReturn> forCitizen(SignedInUser user, @PathVariable long id) {
        return returns.forCitizen(user, id);
    }

    @PostMapping("/api/v1/returns/{id}/confirmation")
    @Operation(summary = "The person confirms their return (once)")
    Returns.FinancialReturn confirm(SignedInUser user, @PathVariable long id) {
        return returns.confirm(user, id);
    }

    @PostMapping("/api/v1/returns/{id}/receipt-request")
    @PreAuthorize("hasAnyRole('FINANCE', 'DP_TEAM')")
    @Operation(summary = "Ask the person for receipts for this return: only items over the council's threshold")
    ResponseEntity<Void> requestReceipts(SignedInUser staff, @PathVariable long id) {
        receipts.request(staff, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/api/v1/returns/{id}/receipts", consumes = "multipart/form-data")
    @Operation(summary = "Upload a receipt (PDF, JPG or PNG, up to 10 MB) for an item that needs one")
    ResponseEntity<org.dphub.monitoring.Receipts.Receipt> upload(SignedInUser user, @PathVariable long id,
            @org.springframework.web.bind.annotation.RequestParam(required = false) Long transactionId,
            @org.springframework.web.bind.annotation.RequestParam(required = false) org.springframework.web.multipart.MultipartFile file)
            throws java.io.IOException {
        if (transactionId == null) {
            throw org.dphub.web.FileProblem.of(0, "Say which payment the receipt is for (transactionId).");
        }
        if (file == null) {
            throw org.dphub.web.FileProblem.of(0, "Choose a photo or PDF of the receipt.");
        }
        return ResponseEntity.status(201).body(receipts.upload(user, id, transactionId, file.getOriginalFilename(), file.getBytes()));
    }

    @GetMapping("/api/v1/returns/{id}/receipts")
    @Operation(summary = "Receipts uploaded for a return")
    List<org.dphub.monitoring.Receipts.Receipt> receipts(SignedInUser user, @PathVariable long id) {
        return receipts.forReturn(user, id);
    }

    @GetMapping("/api/v1/receipts/{id}")
    @Operation(summary = "A receipt as uploaded")
    ResponseEntity<byte[]> receipt(SignedInUser user, @PathVariable long id) {
        Object[] row = receipts.content(user, id).orElseThrow(org.dphub.web.NotFound::new);
        return ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType((String) row[1]))
                .header("Content-Disposition", "attachment; filename=\"receipt-" + id + "\"").body((byte[]) row[3]);
    }

    @PostMapping("/api/v1/returns/{id}/more-time")
    @Operation(summary = "Ask for more time: 28 more days, always")
    Returns.FinancialReturn moreTime(SignedInUser user, @PathVariable long id, @RequestBody(required = false) MoreTimeJson body) {
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        String note = errors.text("note", body == null ? null : body.note(), 1000, false, "returns.label.note");
        errors.throwIfAny();
        return returns.moreTime(user, id, note == null || note.isEmpty() ? null : note);
    }
}
