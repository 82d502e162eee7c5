package org.dphub.payments.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.dphub.payments.BankFiles;
import org.dphub.payments.PaymentRun;
import org.dphub.plans.AccountType;
import org.springframework.http.HttpHeaders;
import org.dphub.payments.PaymentRunStatus;
import org.dphub.payments.PaymentRuns;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/payment-runs")
@Tag(name = "Money")
class PaymentRunApiController {

    record StartRunJson(String paymentDate) {
    }

    record PaymentRunJson(long id, LocalDate paymentDate, PaymentRunStatus status, String startedBy, String approvedBy,
                          int paymentsCount, long totalPence, int exceptionsCount, int progressPercent, String failure) {
        static PaymentRunJson of(PaymentRun r) {
            return new PaymentRunJson(r.id(), r.paymentDate(), r.status(), r.startedBy(), r.approvedBy(), r.paymentsCount(),
                    r.total().pence(), r.exceptionsCount(), r.progressPercent(), r.failure());
        }
    }

    record TypeTotalJson(AccountType accountType, int paymentsCount, long totalPence) {
    }

    private final PaymentRuns runs;
    private final BankFiles bankFiles;
    private final MessageSource messages;

    PaymentRunApiController(PaymentRuns runs, BankFiles bankFiles, MessageSource messages) {
        this.runs = runs;
        this.bankFiles = bankFiles;
        this.messages = messages;
    }

    @PostMapping
    @PreAuthorize("hasRole('FINANCE')")
    @Operation(summary = "Start the payment run for a date: 202 when started, 200 with the same run if it already exists")
    ResponseEntity<PaymentRunJson> start(SignedInUser finance, @RequestBody StartRunJson body) {
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        LocalDate date = errors.isoDate("paymentDate", body.paymentDate(), true, "payments.label.paymentDate");
        errors.throwIfAny();
        PaymentRuns.Started started = runs.start(finance, date);
        return ResponseEntity.status(started.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .location(URI.create("/api/v1/payment-runs/" + started.run().id()))
                .body(PaymentRunJson.of(started.run()));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "A payment run: status, payments, total and progress")
    PaymentRunJson get(SignedInUser staff, @PathVariable long id) {
        return runs.find(staff, id).map(PaymentRunJson::of).orElseThrow(NotFound::new);
    }

    @GetMapping
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Your council's recent payment runs")
    List<PaymentRunJson> recent(SignedInUser staff) {
        return runs.recent(staff).stream().map(PaymentRunJson::of).toList();
    }

    @PostMapping("/{id}/approval")
    @PreAuthorize("hasRole('FINANCE')")
    @Operation(summary = "Approve a run ready for approval: a different finance officer from the one who started it")
    PaymentRunJson approve(SignedInUser finance, @PathVariable long id) {
        return PaymentRunJson.of(runs.approve(finance, id));
    }

    @GetMapping("/{id}/totals")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Count and total of the run's payments by account type")
    List<TypeTotalJson> totals(SignedInUser staff, @PathVariable long id) {
        return runs.totalsByType(staff, id).stream()
                .map(t -> new TypeTotalJson(t.type(), t.count(), t.total().pence())).toList();
    }

    @GetMapping("/{id}/exceptions")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Accounts the run could not pay, and why: ACCOUNT_SUSPENDED or MISSING_BANK_DETAILS")
    List<PaymentRuns.RunException> exceptions(SignedInUser staff, @PathVariable long id) {
        return runs.exceptions(staff, id);
    }

    record ProviderPayoutJson(long id, java.util.UUID organizationId, String organizationName, int parts, long amountPence,
                              LocalDate payOn, String accountNumberEnding) {
    }

    record ProviderExceptionJson(java.util.UUID organizationId, String organizationName, String reason, int charges,
                                 long amountPence) {
    }

    record ProviderPaymentsJson(List<ProviderPayoutJson> payouts, List<ProviderExceptionJson> exceptions) {
    }

    /** Issue 15: the run's payments to providers (one a provider) and the providers it could not pay. */
    @GetMapping("/{id}/provider-payments")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "The run's payments to providers (one a provider) and providers it could not pay (no bank details)")
    ProviderPaymentsJson providerPayments(SignedInUser staff, @PathVariable long id) {
        return new ProviderPaymentsJson(runs.providerPayouts(staff, id).stream().map(p -> new ProviderPayoutJson(p.id(),
                p.organizationId(), p.organizationName(), p.parts(), p.amount().pence(), p.payOn(), p.accountNumberEnding())).toList(),
                runs.providerExceptions(staff, id).stream().map(e -> new ProviderExceptionJson(e.organizationId(),
                        e.organizationName(), e.reason(), e.charges(), e.amount().pence())).toList());
    }

    @GetMapping("/{id}/bank-file")
    @PreAuthorize("hasRole('FINANCE')")
    @Operation(summary = "The approved run's ISO 20022 pain.001.001.03 credit transfer file (409 before approval)")
    void bankFile(SignedInUser finance, @PathVariable long id, HttpServletResponse response) throws IOException {
        BankFiles.Ready ready = bankFiles.ready(finance, id);
        response.setContentType("application/xml");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ready.baseName() + ".xml\"");
        bankFiles.writePain001(ready, response.getOutputStream());
    }

    @GetMapping("/{id}/summary.csv")
    @PreAuthorize("hasRole('FINANCE')")
    @Operation(summary = "The approved run's payments as CSV, one line each, with a total line")
    void summary(SignedInUser finance, @PathVariable long id, HttpServletResponse response) throws IOException {
        BankFiles.Ready ready = bankFiles.ready(finance, id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ready.baseName() + ".csv\"");
        bankFiles.writeCsv(ready, response.getWriter());
    }
}
