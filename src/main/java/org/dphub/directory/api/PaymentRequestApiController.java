package org.dphub.directory.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.dphub.directory.PaymentRequests;
import org.dphub.shared.Money;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.JsonInput;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Requests for payment (issue 15): a provider sends one to a person's dphub number; the person or
 * their representative agrees it (the account is charged once; the next payment run pays the
 * provider) or queries it; the provider changes or withdraws it.
 */
@RestController
@RequestMapping("/api/v1/payment-requests")
@Tag(name = "Paying providers")
class PaymentRequestApiController {

    /** Largest request: £100,000. */
    static final long MOST_PENCE = 10_000_000;

    record SendJson(Object citizenId, String serviceId, Object amountPence, String description, String reference, List<String> dates) {
    }

    record ChangeJson(Object amountPence, String description) {
    }

    record PaymentAgreementJson(Integer budgetLinePosition, String outcome) {
    }

    record QueryJson(String message) {
    }

    record PaymentRequestJson(long id, String status, long citizenId, UUID serviceId, String serviceName, String organizationName,
                              long amountPence, String description, String reference, List<LocalDate> dates, String queryMessage,
                              Integer budgetLinePosition, String outcome) {
        static PaymentRequestJson of(PaymentRequests.PaymentRequest r) {
            var row = r.row();
            return new PaymentRequestJson(row.id(), r.status().name(), row.citizenId(), row.serviceId(), row.serviceName(),
                    row.organizationName(), row.amount().pence(), row.description(), row.reference(), row.dates(),
                    row.queryMessage(), row.budgetLinePosition(), row.outcome());
        }
    }

    private final PaymentRequests requests;
    private final MessageSource messages;

    PaymentRequestApiController(PaymentRequests requests, MessageSource messages) {
        this.requests = requests;
        this.messages = messages;
    }

    @PostMapping
    @Operation(summary = "A provider sends a request for payment for one of its published services to a person (by dphub number)")
    ResponseEntity<PaymentRequestJson> send(SignedInUser provider, @RequestBody SendJson json, Locale locale) {
        requests.providerOf(provider);
        FormErrors errors = new FormErrors(messages, locale);
        Long citizen = JsonInput.pence(json.citizenId(), "citizenId", errors);
        if (citizen == null && !errors.has("citizenId")) {
            errors.reject("citizenId", "preq.error.citizen");
        }
        UUID service = null;
        try {
            service = json.serviceId() == null ? null : UUID.fromString(json.serviceId().strip());
        } catch (IllegalArgumentException notAnId) {
            // said below
        }
        if (service == null) {
            errors.reject("serviceId", "preq.error.service");
        }
        Money amount = amount(json.amountPence(), errors);
        String description = errors.text("description", json.description(), 400, true, "preq.label.description");
        String reference = errors.text("reference", json.reference(), 60, false, "preq.label.reference");
        List<LocalDate> dates = new java.util.ArrayList<>();
        if (json.dates() != null) {
            for (int i = 0; i < json.dates().size() && i < 100; i++) {
                LocalDate d = errors.isoDate("dates[" + i + "]", json.dates().get(i), true, "preq.label.date");
                if (d != null) {
                    dates.add(d);
                }
            }
            if (json.dates().size() > 100) {
                errors.reject("dates", "preq.error.dates");
            }
        }
        errors.throwIfAny();
        PaymentRequests.PaymentRequest sent = requests.send(provider, new PaymentRequests.Send(citizen, service, amount,
                description, reference == null || reference.isEmpty() ? null : reference, dates));
        return ResponseEntity.status(HttpStatus.CREATED).body(PaymentRequestJson.of(sent));
    }

    @GetMapping
    @Operation(summary = "A provider's requests for payment, newest first")
    List<PaymentRequestJson> list(SignedInUser provider) {
        return requests.forProvider(provider).stream().map(PaymentRequestJson::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A request: the provider's own, or one to a person this user may see")
    PaymentRequestJson get(SignedInUser user, @PathVariable long id) {
        var found = user.has(org.dphub.shared.Role.PROVIDER) ? requests.findForProvider(user, id) : requests.findForPerson(user, id);
        return found.map(PaymentRequestJson::of).orElseThrow(NotFound::new);
    }

    record AffordabilityJson(long accountId, long balancePence, long promisedPence, long availablePence, LocalDate nextPaymentDate,
                             Long nextPaymentPence, String inWords) {
    }

    @GetMapping("/{id}/affordability")
    @Operation(summary = "What the person's account can cover now (balance less what is promised) and when the next payment lands")
    AffordabilityJson affordability(SignedInUser user, @PathVariable long id) {
        var a = requests.affordability(user, id).orElseThrow(NotFound::new);
        return new AffordabilityJson(a.accountId(), a.balance().pence(), a.promised().pence(), a.available().pence(),
                a.nextPaymentDate(), a.nextPayment() == null ? null : a.nextPayment().pence(), a.inWords());
    }

    @PutMapping("/{id}")
    @Operation(summary = "The provider changes the amount or description of a request not yet agreed; it waits again")
    PaymentRequestJson change(SignedInUser provider, @PathVariable long id, @RequestBody ChangeJson json, Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        Money amount = amount(json.amountPence(), errors);
        String description = errors.text("description", json.description(), 400, true, "preq.label.description");
        errors.throwIfAny();
        return PaymentRequestJson.of(requests.change(provider, id, amount, description));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "The provider withdraws a request not yet agreed")
    PaymentRequestJson withdraw(SignedInUser provider, @PathVariable long id) {
        return PaymentRequestJson.of(requests.withdraw(provider, id));
    }

    @PostMapping("/{id}/agreement")
    @Operation(summary = "The person or their representative agrees: the account is charged once and the next run pays the provider. "
            + "422 rule NOT_ENOUGH_MONEY says what the account has and when the next payment lands.")
    PaymentRequestJson agree(SignedInUser user, @PathVariable long id, @RequestBody(required = false) PaymentAgreementJson json,
                             @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        PaymentAgreementJson body = json == null ? new PaymentAgreementJson(null, null) : json;
        return PaymentRequestJson.of(requests.agree(user, id, new PaymentRequests.Agreement(body.budgetLinePosition(),
                body.outcome()), key == null || key.isBlank() ? null : key.strip()));
    }

    @PostMapping("/{id}/query")
    @Operation(summary = "The person or their representative asks the provider about a request (a message)")
    PaymentRequestJson query(SignedInUser user, @PathVariable long id, @RequestBody QueryJson json, Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        String message = errors.text("message", json.message(), 1000, true, "preq.label.message");
        errors.throwIfAny();
        return PaymentRequestJson.of(requests.query(user, id, message));
    }

    private static Money amount(Object value, FormErrors errors) {
        Long pence = JsonInput.pence(value, "amountPence", errors);
        if (pence == null) {
            if (!errors.has("amountPence")) {
                errors.reject("amountPence", "preq.error.amount");
            }
            return null;
        }
        if (pence < 1 || pence > MOST_PENCE) {
            errors.reject("amountPence", "preq.error.amount");
            return null;
        }
        return Money.ofPence(pence);
    }
}
