package org.dphub.approvals.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.dphub.approvals.OneOffPayment;
import org.dphub.approvals.OneOffPayments;
import org.dphub.approvals.OneOffReason;
import org.dphub.approvals.OneOffStatus;
import org.dphub.plans.AccountType;
import org.dphub.shared.AccountDirectory;
import org.dphub.shared.Money;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.JsonInput;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/one-off-payments")
@Tag(name = "Money")
class OneOffPaymentApiController {

    /** accountType defaults to PREPAID_CARD (the quickest way to get money to someone). */
    record NewOneOffJson(Long citizenId, Object amountPence, String purpose, String outcome, String reason, String accountType) {
    }

    record DecisionJson(String decision, String reason) {
    }

    record OneOffJson(long id, long citizenId, long amountPence, String purpose, String outcome, OneOffReason reason,
                      OneOffStatus status, long selfApprovalLimitPence, String requestedBy, Instant requestedAt,
                      String approvedBy, String declinedBy, Instant decidedAt, String decisionReason, Long accountId,
                      java.time.LocalDate paidOn, Long minutesToApproval, Long daysToPayment) {
        static OneOffJson of(OneOffPayment p, Long accountId, java.time.LocalDate paidOn) {
            return new OneOffJson(p.id(), p.citizenId(), p.amount().pence(), p.purpose(), p.outcome(), p.reason(), p.status(),
                    p.limit().pence(), p.requestedBy(), p.requestedAt(),
                    p.status() == OneOffStatus.APPROVED ? p.decidedBy() : null,
                    p.status() == OneOffStatus.DECLINED ? p.decidedBy() : null, p.decidedAt(), p.decisionReason(), accountId,
                    paidOn, p.status() == OneOffStatus.APPROVED ? p.minutesToApproval() : null,
                    paidOn == null ? null : java.time.temporal.ChronoUnit.DAYS.between(p.requestedAtInUk().toLocalDate(), paidOn));
        }
    }

    private final OneOffPayments payments;
    private final java.util.Optional<AccountDirectory> accounts;
    private final MessageSource messages;

    OneOffPaymentApiController(OneOffPayments payments, java.util.Optional<AccountDirectory> accounts, MessageSource messages) {
        this.payments = payments;
        this.accounts = accounts;
        this.messages = messages;
    }

    private OneOffJson json(OneOffPayment payment) {
        return OneOffJson.of(payment, accounts.flatMap(a -> a.accountForOneOff(payment.id())).orElse(null),
                accounts.flatMap(a -> a.oneOffPaidOn(payment.id())).orElse(null));
    }

    @PostMapping
    @PreAuthorize("hasRole('PRACTITIONER')")
    @Operation(summary = "Ask for a Connect and Enable one-off payment: approved at once up to the council's limit, "
            + "otherwise waiting for a budget holder")
    ResponseEntity<OneOffJson> request(SignedInUser practitioner, @RequestBody NewOneOffJson body) {
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        if (body.citizenId() == null) {
            errors.reject("citizenId", "oneoff.error.citizen");
        }
        Long pence = JsonInput.pence(body.amountPence(), "amountPence", errors);
        if (body.amountPence() == null) {
            errors.reject("amountPence", "money.error.empty");
        } else if (pence != null && pence <= 0) {
            errors.reject("amountPence", "money.error.zero");
        } else if (pence != null && practitioner.councilId() != null
                && pence > payments.oneOffMaximum(practitioner.councilId()).pence()) {
            errors.reject("amountPence", "oneoff.error.too-large",
                    payments.oneOffMaximum(practitioner.councilId()).formatWithPence());
        }
        String purpose = errors.text("purpose", body.purpose(), 1000, true, "oneoff.label.purpose");
        String outcome = errors.text("outcome", body.outcome(), 1000, true, "oneoff.label.outcome");
        OneOffReason reason = null;
        try {
            reason = OneOffReason.valueOf(body.reason() == null ? "" : body.reason().strip());
        } catch (IllegalArgumentException e) {
            errors.reject("reason", "oneoff.error.reason");
        }
        AccountType type = AccountType.PREPAID_CARD;
        if (body.accountType() != null) {
            try {
                type = AccountType.chosenForDirectPayment(body.accountType().strip());
            } catch (IllegalArgumentException e) {
                errors.reject("accountType", "dp.error.accountType");
            }
        }
        errors.throwIfAny();
        OneOffPayment created = payments.request(practitioner, new OneOffPayments.NewOneOff(body.citizenId(),
                Money.ofPence(pence), purpose, outcome, reason, type));
        return ResponseEntity.created(URI.create("/api/v1/one-off-payments/" + created.id())).body(json(created));
    }

    @PostMapping("/{id}/decision")
    @PreAuthorize("hasRole('BUDGET_HOLDER')")
    @Operation(summary = "A budget holder approves or declines (with a reason) a payment over the practitioner's limit")
    OneOffJson decide(SignedInUser budgetHolder, @PathVariable long id, @RequestBody DecisionJson body) {
        payments.find(budgetHolder, id).orElseThrow(NotFound::new);
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        String decision = body.decision() == null ? "" : body.decision().strip();
        if (!decision.equals("APPROVE") && !decision.equals("DECLINE")) {
            errors.reject("decision", "oneoff.error.decision");
        }
        String reason = errors.text("reason", body.reason(), 2000, decision.equals("DECLINE"), "oneoff.label.decisionReason");
        errors.throwIfAny();
        return json(payments.decide(budgetHolder, id, decision.equals("APPROVE"), reason == null || reason.isEmpty() ? null : reason));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A one-off payment: status, who approved it and when, and its account")
    OneOffJson get(SignedInUser user, @PathVariable long id) {
        return payments.find(user, id).map(this::json).orElseThrow(NotFound::new);
    }

    @GetMapping
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Payments waiting for a budget holder's decision")
    List<OneOffJson> awaiting(SignedInUser staff) {
        return payments.awaitingDecision(staff).stream().map(this::json).toList();
    }
}
