package org.dphub.directory.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.dphub.directory.RegularPayments;
import org.dphub.shared.Money;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.JsonInput;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Regular payments to a listed provider (issue 15): the person or their representative sets one up
 * for a published service; each instalment is charged as it falls due (MISSED when the account
 * cannot cover it); they stop it from a day. The provider reads its own (reference, amount, dates,
 * status); the person's council's staff may read, not act.
 */
@RestController
@RequestMapping("/api/v1/regular-payments")
@Tag(name = "Paying providers")
class RegularPaymentApiController {

    record SetUpJson(Object citizenId, String serviceId, Object amountPence, String frequency, String firstDate, String endDate,
                     Object times, Object budgetLinePosition, String outcome, String reference) {
    }

    record CreatedJson(long id, String status, LocalDate nextDate) {
    }

    record StopJson(String from) {
    }

    record InstalmentJson(int n, LocalDate date, String status, long amountPence, String missedReason) {
    }

    record RegularPaymentJson(long id, String status, UUID serviceId, String serviceName, String organizationName, long amountPence,
                              String frequency, LocalDate firstDate, LocalDate endDate, Integer times, String reference,
                              LocalDate stoppedFrom, LocalDate nextDate, List<InstalmentJson> instalments) {
        static RegularPaymentJson of(RegularPayments.RegularPayment p) {
            var row = p.row();
            return new RegularPaymentJson(row.id(), p.status().name(), row.serviceId(), row.serviceName(), row.organizationName(),
                    row.amount().pence(), row.frequency().name(), row.firstDate(), row.endDate(), row.times(), row.reference(),
                    row.stoppedFrom(), p.nextDate(), p.instalments().stream().map(i -> new InstalmentJson(i.n(), i.dueOn(), i.status(),
                            i.amount().pence(), i.missedReason())).toList());
        }
    }

    private final RegularPayments payments;
    private final MessageSource messages;

    RegularPaymentApiController(RegularPayments payments, MessageSource messages) {
        this.payments = payments;
        this.messages = messages;
    }

    @PostMapping
    @Operation(summary = "The person or their representative sets up a regular payment to a published service. "
            + "Idempotency-Key: the same key again answers the first and sets up nothing.")
    ResponseEntity<CreatedJson> setUp(SignedInUser user, @RequestBody SetUpJson json,
                                      @RequestHeader(name = "Idempotency-Key", required = false) String key, Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        Long citizen = null;
        if (json.citizenId() != null) {
            citizen = JsonInput.pence(json.citizenId(), "citizenId", errors);
        }
        payments.payerFor(user, citizen); // 403 for staff and providers, 404 for anyone else's person, before anything else
        UUID service = null;
        try {
            service = json.serviceId() == null ? null : UUID.fromString(json.serviceId().strip());
        } catch (IllegalArgumentException notAnId) {
            // said below
        }
        if (service == null) {
            errors.reject("serviceId", "regular.error.service");
        }
        Money amount = amount(json.amountPence(), errors);
        RegularPayments.Frequency frequency = null;
        try {
            frequency = json.frequency() == null ? null : RegularPayments.Frequency.valueOf(json.frequency().strip());
        } catch (IllegalArgumentException unknown) {
            // said below
        }
        if (frequency == null) {
            errors.reject("frequency", "regular.error.frequency.api");
        }
        LocalDate first = errors.isoDate("firstDate", json.firstDate(), true, "regular.label.first");
        LocalDate end = errors.isoDate("endDate", json.endDate(), false, "regular.label.end");
        Integer times = whole(json.times(), "times", errors);
        Integer line = whole(json.budgetLinePosition(), "budgetLinePosition", errors);
        String outcome = json.outcome() == null ? null : errors.text("outcome", json.outcome(), 1000, true, "regular.label.outcome");
        String reference = errors.text("reference", json.reference(), 60, false, "regular.label.reference");
        errors.throwIfAny();
        RegularPayments.RegularPayment made = payments.setUp(user, new RegularPayments.SetUp(citizen, service, amount, frequency,
                first, end, times, line, outcome, reference == null || reference.isEmpty() ? null : reference),
                key == null || key.isBlank() ? null : key.strip());
        return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedJson(made.id(), made.status().name(), made.nextDate()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A regular payment with its instalments: the provider's own, or one of a person this user may see")
    RegularPaymentJson get(SignedInUser user, @PathVariable long id) {
        var found = user.has(Role.PROVIDER) ? payments.findForProvider(user, id) : payments.findForPerson(user, id);
        return found.map(RegularPaymentJson::of).orElseThrow(NotFound::new);
    }

    @GetMapping
    @Operation(summary = "A provider's regular payments to its services, newest first")
    List<RegularPaymentJson> list(SignedInUser provider) {
        return payments.forProvider(provider).stream().map(RegularPaymentJson::of).toList();
    }

    @PostMapping("/{id}/stop")
    @Operation(summary = "The person or their representative stops it from a day (today or later): instalments already charged stay")
    RegularPaymentJson stop(SignedInUser user, @PathVariable long id, @RequestBody(required = false) StopJson json,
                            @RequestHeader(name = "Idempotency-Key", required = false) String key, Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        LocalDate from = json == null || json.from() == null ? payments.today()
                : errors.isoDate("from", json.from(), true, "regular.label.stop");
        errors.throwIfAny();
        return RegularPaymentJson.of(payments.stop(user, id, from, key == null || key.isBlank() ? null : key.strip()));
    }

    private static Money amount(Object value, FormErrors errors) {
        Long pence = JsonInput.pence(value, "amountPence", errors);
        if (pence == null) {
            if (!errors.has("amountPence")) {
                errors.reject("amountPence", "preq.error.amount");
            }
            return null;
        }
        if (pence < 1 || pence > RegularPayments.MOST_PENCE) {
            errors.reject("amountPence", "preq.error.amount");
            return null;
        }
        return Money.ofPence(pence);
    }

    private static Integer whole(Object value, String field, FormErrors errors) {
        if (value == null) {
            return null;
        }
        Long n = JsonInput.pence(value, field, errors);
        if (n == null || n < 0 || n > 100_000) {
            errors.reject(field, "regular.error.whole");
            return null;
        }
        return n.intValue();
    }
}
