package org.dphub.payments.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.dphub.payments.ServiceFunds;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormError;
import org.dphub.web.FormErrors;
import org.dphub.web.JsonInput;
import org.dphub.web.ValidationProblem;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Individual service funds (issue 18): what a provider holds for a person, and the spending it
 * reports against the person's outcomes. The provider's own user or the council's DP team/finance
 * records; the person and their representatives read.
 */
@RestController
@Tag(name = "Payments")
class ServiceFundApiController {

    record OutcomeJson(int number, String outcome, long spentPence) {
    }

    record SpendingJson(long id, LocalDate spentOn, long amountPence, String description, int outcome, String outcomeText,
                        String recordedBy) {
        static SpendingJson of(ServiceFunds.SpendingLine l) {
            return new SpendingJson(l.id(), l.spentOn(), l.amount().pence(), l.description(), l.outcomePosition(), l.outcome(),
                    l.recordedBy());
        }
    }

    record FundJson(long accountId, long citizenId, UUID providerId, String provider, String reference, String status,
                    long receivedPence, long spentPence, long leftPence, LocalDate nextPaymentDate, Long nextPaymentPence,
                    List<OutcomeJson> byOutcome, List<OutcomeJson> earlierOutcomes, List<SpendingJson> spending) {
        static FundJson of(ServiceFunds.Fund f) {
            return new FundJson(f.account().id(), f.account().citizenId(), f.account().isfOrganizationId(), f.provider(),
                    f.reference(), f.account().status().name(), f.received().pence(), f.spent().pence(), f.left().pence(),
                    f.nextPaymentDate(), f.nextPayment() == null ? null : f.nextPayment().pence(),
                    f.byOutcome().stream().map(o -> new OutcomeJson(o.number(), o.outcome(), o.spent().pence())).toList(),
                    f.earlierOutcomes().stream().map(o -> new OutcomeJson(o.number(), o.outcome(), o.spent().pence())).toList(),
                    f.lines().stream().map(SpendingJson::of).toList());
        }
    }

    /** One line of spending: the day, the amount in pence, what it was for, and the plan outcome's number (from 1). */
    record SpendingRequest(String spentOn, Object amountPence, String description, Object outcome, String idempotencyKey) {
    }

    record PostedJson(int posted, List<SpendingJson> spending) {
    }

    private final ServiceFunds funds;
    private final MessageSource messages;

    ServiceFundApiController(ServiceFunds funds, MessageSource messages) {
        this.funds = funds;
        this.messages = messages;
    }

    @GetMapping("/api/v1/service-funds")
    @Operation(summary = "The individual service funds this user records spending for: a provider's own, or all the council's (DP team, finance)")
    List<FundJson> list(SignedInUser user) {
        return funds.fundsFor(user).stream().map(FundJson::of).toList();
    }

    @GetMapping("/api/v1/service-funds/{id}")
    @Operation(summary = "An individual service fund: received, spent and left, spending by outcome and line by line")
    FundJson get(SignedInUser user, @PathVariable long id) {
        return FundJson.of(funds.find(user, id));
    }

    @GetMapping("/api/v1/citizens/{citizenId}/service-funds")
    @Operation(summary = "The individual service funds providers hold for a person")
    List<FundJson> ofCitizen(SignedInUser user, @PathVariable long citizenId) {
        return funds.heldFor(user, citizenId).stream().map(FundJson::of).toList();
    }

    @PostMapping("/api/v1/service-funds/{id}/spending")
    @Operation(summary = "The provider (or the DP team for it) reports one line of spending against an outcome; "
            + "SPENDING on the fund's ledger. idempotencyKey (optional) makes a repeat post nothing more.")
    ResponseEntity<PostedJson> spend(SignedInUser user, @PathVariable long id, @RequestBody SpendingRequest body) {
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        Long pence = JsonInput.pence(body.amountPence(), "lines[0].amount", errors);
        if (!errors.isEmpty()) {
            throw new ValidationProblem(errors.list());
        }
        String key = body.idempotencyKey() == null || body.idempotencyKey().isBlank() ? UUID.randomUUID().toString()
                : body.idempotencyKey().strip();
        if (key.length() > 100) {
            throw new ValidationProblem(List.of(new FormError("idempotencyKey", "Use an idempotency key of 100 characters or fewer")));
        }
        var recorded = funds.record(user, id, List.of(new ServiceFunds.SpendingInput(body.spentOn(),
                pence == null ? null : "pence:" + pence, body.description(),
                body.outcome() == null ? null : String.valueOf(body.outcome()))), "api:" + id + ":" + key, errors);
        return ResponseEntity.created(URI.create("/api/v1/service-funds/" + id))
                .body(new PostedJson(recorded.size(), recorded.stream().map(SpendingJson::of).toList()));
    }

    @PostMapping(path = "/api/v1/service-funds/{id}/spending-imports", consumes = "multipart/form-data")
    @Operation(summary = "A CSV of spending lines (header date,amount,description,outcome; amount in pounds): all or none, "
            + "each error naming its line number; the same file again posts nothing more")
    ResponseEntity<PostedJson> upload(SignedInUser user, @PathVariable long id,
                                      @RequestParam(required = false) MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            throw new ValidationProblem(List.of(new FormError("file", "Choose a CSV file of spending lines")));
        }
        var recorded = funds.upload(user, id, file.getBytes(), new FormErrors(messages, Locale.ENGLISH));
        return ResponseEntity.created(URI.create("/api/v1/service-funds/" + id))
                .body(new PostedJson(recorded.size(), recorded.stream().map(SpendingJson::of).toList()));
    }
}
