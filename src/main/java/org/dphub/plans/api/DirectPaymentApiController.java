package org.dphub.plans.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.dphub.plans.AccountType;
import org.dphub.plans.DirectPayment;
import org.dphub.plans.DirectPaymentRequest;
import org.dphub.plans.DirectPaymentStatus;
import org.dphub.plans.DirectPaymentTransitions;
import org.dphub.plans.DirectPayments;
import org.dphub.plans.RecipientKind;
import org.dphub.plans.Review;
import org.dphub.plans.ReviewReason;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Direct payments")
class DirectPaymentApiController {

    record NecessityDecisionJson(String reason) {
    }

    /**
     * Set up a direct payment. {@code hasCapacity} defaults to true (Mental Capacity Act 2005 s1(2):
     * a person is assumed to have capacity unless it is established that they lack it);
     * {@code excludedPerson} defaults to false.
     */
    record DirectPaymentRequestJson(Long planId, Boolean hasCapacity, Long representativeId, Boolean excludedPerson,
                                    List<Long> paysHouseholdMemberIds, NecessityDecisionJson necessityDecision,
                                    String accountType, String requestedOn, String startDate, String recipientKind) {
    }

    record AgreementJson(Boolean signedOnPaper, String signedOn) {
    }

    record ReviewRequestJson(String reason, String reviewedOn, String working, String notWorking, Boolean planToChange) {
    }

    record ReviewJson(long id, ReviewReason reason, LocalDate reviewedOn, String working, String notWorking,
                      boolean planToChange, String reviewedBy) {
        static ReviewJson of(Review r) {
            return new ReviewJson(r.id(), r.reason(), r.reviewedOn(), r.working(), r.notWorking(), r.planToChange(), r.reviewedBy());
        }
    }

    record DirectPaymentJson(long id, long citizenId, long planId, DirectPaymentStatus status, AccountType accountType,
                             boolean hasCapacity, Long representativeId, List<Long> paysHouseholdMemberIds,
                             LocalDate requestedOn, LocalDate startDate, LocalDate firstPaymentDate, LocalDate nextReviewDue,
                             boolean reviewOverdue, long daysSinceRequest, int targetDaysToMoney, String agreedBy,
                             String agreementMethod, LocalDate paperSignedOn, String necessityDecidedBy,
                             String necessityReason, LocalDate necessityDecidedOn, List<ReviewJson> reviews,
                             Long accountId, RecipientKind recipientKind, Long continuesDirectPaymentId) {
        static DirectPaymentJson of(DirectPayments.Details d, Long accountId) {
            DirectPayment dp = d.directPayment();
            var decision = d.necessityDecision();
            return new DirectPaymentJson(dp.id(), dp.citizenId(), dp.planId(), dp.status(), dp.accountType(), dp.hasCapacity(),
                    dp.representativeId(), dp.householdPayeeIds(), dp.requestedOn(), dp.startDate(), dp.firstPaymentDate(),
                    d.nextReviewDue(), d.reviewOverdue(), d.daysSinceRequest(), d.targetDaysToMoney(), dp.agreedBy(),
                    dp.agreementMethod(), dp.paperSignedOn(), decision.map(n -> n.decidedBy()).orElse(null),
                    decision.map(n -> n.reason()).orElse(null), decision.map(n -> n.decidedOn()).orElse(null),
                    d.reviews().stream().map(ReviewJson::of).toList(), accountId, dp.recipientKind(),
                    dp.continuesDirectPaymentId());
        }
    }

    private final DirectPayments directPayments;
    private final java.util.Optional<org.dphub.shared.AccountDirectory> accountDirectory;
    private final MessageSource messages;
    private final Clock clock;

    DirectPaymentApiController(DirectPayments directPayments,
                               java.util.Optional<org.dphub.shared.AccountDirectory> accountDirectory,
                               MessageSource messages, Clock clock) {
        this.directPayments = directPayments;
        this.accountDirectory = accountDirectory;
        this.messages = messages;
        this.clock = clock;
    }

    /** The JSON for a direct payment, with its account once it is active (from the payments module). */
    private DirectPaymentJson json(DirectPayments.Details details) {
        Long account = accountDirectory.flatMap(d -> d.accountFor(details.directPayment().id())).orElse(null);
        return DirectPaymentJson.of(details, account);
    }

    @PostMapping("/api/v1/citizens/{citizenId}/direct-payments")
    @PreAuthorize("hasRole('PRACTITIONER')")
    @Operation(summary = "Request a direct payment; the law's rules are checked (422 with `rule` when one refuses)")
    ResponseEntity<DirectPaymentJson> request(SignedInUser practitioner, @PathVariable long citizenId,
                                              @RequestBody DirectPaymentRequestJson body) {
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        if (body.planId() == null) {
            errors.reject("planId", "dp.error.plan");
        }
        AccountType accountType = null;
        try {
            accountType = AccountType.chosenForDirectPayment(body.accountType() == null ? "" : body.accountType().strip());
        } catch (IllegalArgumentException e) {
            errors.reject("accountType", "dp.error.accountType");
        }
        RecipientKind recipientKind = null;
        if (body.recipientKind() != null) {
            try {
                recipientKind = RecipientKind.valueOf(body.recipientKind().strip());
            } catch (IllegalArgumentException e) {
                errors.reject("recipientKind", "plans.error.choose.RecipientKind");
            }
        }
        LocalDate requestedOn = errors.isoDate("requestedOn", body.requestedOn(), true, "dp.label.requestedOn");
        LocalDate startDate = errors.isoDate("startDate", body.startDate(), true, "dp.label.startDate");
        DirectPaymentRequest request = new DirectPaymentRequest(body.planId() == null ? 0 : body.planId(),
                body.hasCapacity() == null || body.hasCapacity(), body.representativeId(),
                body.excludedPerson() != null && body.excludedPerson(), body.paysHouseholdMemberIds(),
                body.necessityDecision() == null ? null : body.necessityDecision().reason(), accountType, requestedOn, startDate,
                recipientKind);
        DirectPayment created = directPayments.request(practitioner, citizenId, request, errors);
        return ResponseEntity.created(URI.create("/api/v1/direct-payments/" + created.id()))
                .body(json(directPayments.find(practitioner, created.id()).orElseThrow()));
    }

    @GetMapping("/api/v1/direct-payments/{id}")
    @Operation(summary = "A direct payment: status, dates, next review due")
    DirectPaymentJson get(SignedInUser user, @PathVariable long id) {
        return directPayments.find(user, id).map(this::json).orElseThrow(NotFound::new);
    }

    @GetMapping("/api/v1/citizens/{citizenId}/direct-payments")
    @Operation(summary = "A citizen's direct payments")
    List<DirectPaymentJson> ofCitizen(SignedInUser user, @PathVariable long citizenId) {
        return directPayments.forCitizen(user, citizenId).stream().map(this::json).toList();
    }

    @PostMapping("/api/v1/direct-payments/{id}/agreement")
    @Operation(summary = "Agree: the citizen or representative sends {}; a practitioner records a signed paper copy "
            + "with {signedOnPaper: true, signedOn}")
    DirectPaymentJson agree(SignedInUser user, @PathVariable long id, @RequestBody(required = false) AgreementJson body) {
        directPayments.find(user, id).orElseThrow(NotFound::new);
        if (!user.isStaff()) {
            return json(directPayments.acceptOnline(user, id));
        }
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        if (body == null || body.signedOnPaper() == null || !body.signedOnPaper()) {
            errors.reject("signedOnPaper", "dp.error.signedOnPaper");
        }
        LocalDate signedOn = errors.isoDate("signedOn", body == null ? null : body.signedOn(), true, "dp.label.signedOn");
        if (signedOn != null && signedOn.isAfter(LocalDate.now(clock))) {
            errors.reject("signedOn", "dp.error.signedOn.future");
        }
        errors.throwIfAny();
        return json(directPayments.recordPaperAgreement(user, id, signedOn));
    }

    record StatusChangeJson(String event, String effectiveOn, String reason) {
    }

    @PostMapping("/api/v1/direct-payments/{id}/status-changes")
    @PreAuthorize("hasRole('PRACTITIONER')")
    @Operation(summary = "Suspend, resume or end a direct payment from a date, with a reason: "
            + "{event: SUSPENDED|RESUMED|ENDED, effectiveOn, reason}. Its payments stop, restart or end from that date. "
            + "WITHDRAWN withdraws one still waiting for agreement (409 once agreed).")
    DirectPaymentJson changeStatus(SignedInUser practitioner, @PathVariable long id, @RequestBody StatusChangeJson body) {
        directPayments.find(practitioner, id).orElseThrow(NotFound::new);
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        String name = body.event() == null ? "" : body.event().strip();
        DirectPaymentTransitions.Event event = switch (name) {
            case "SUSPENDED" -> DirectPaymentTransitions.Event.SUSPENDED;
            case "RESUMED" -> DirectPaymentTransitions.Event.RESUMED;
            case "ENDED" -> DirectPaymentTransitions.Event.ENDED;
            case "WITHDRAWN" -> DirectPaymentTransitions.Event.WITHDRAWN;
            default -> {
                errors.reject("event", "dp.error.status-event");
                yield null;
            }
        };
        LocalDate on = body.effectiveOn() == null ? LocalDate.now(clock)
                : errors.isoDate("effectiveOn", body.effectiveOn(), true, "dp.label.effectiveOn");
        String reason = errors.text("reason", body.reason(), 1000, true, "dp.label.status-reason");
        errors.throwIfAny();
        return json(directPayments.changeStatus(practitioner, id, event, on, reason));
    }

    @PostMapping("/api/v1/direct-payments/{id}/reviews")
    @PreAuthorize("hasRole('PRACTITIONER')")
    @Operation(summary = "Record a review (scheduled, change in capacity, a concern); sets the next review due")
    ResponseEntity<DirectPaymentJson> review(SignedInUser practitioner, @PathVariable long id, @RequestBody ReviewRequestJson body) {
        directPayments.find(practitioner, id).orElseThrow(NotFound::new);
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        ReviewReason reason = null;
        try {
            reason = ReviewReason.valueOf(body.reason() == null ? "" : body.reason().strip());
        } catch (IllegalArgumentException e) {
            errors.reject("reason", "review.error.reason");
        }
        LocalDate on = body.reviewedOn() == null ? LocalDate.now(clock)
                : errors.isoDate("reviewedOn", body.reviewedOn(), true, "dp.label.reviewedOn");
        if (on != null && on.isAfter(LocalDate.now(clock))) {
            errors.reject("reviewedOn", "review.error.reviewedOn.future");
        }
        String working = errors.text("working", body.working(), 5000, false, "review.label.working");
        String notWorking = errors.text("notWorking", body.notWorking(), 5000, false, "review.label.notWorking");
        errors.throwIfAny();
        Review review = directPayments.recordReview(practitioner, id, reason, on, working, notWorking,
                body.planToChange() != null && body.planToChange());
        return ResponseEntity.created(URI.create("/api/v1/direct-payments/" + id + "/reviews/" + review.id()))
                .body(json(directPayments.find(practitioner, id).orElseThrow()));
    }

    @GetMapping("/api/v1/direct-payments/in-progress")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Requests whose money has not arrived yet, with days since the person asked")
    List<DirectPaymentJson> inProgress(SignedInUser staff) {
        return directPayments.inProgress(staff).stream().map(this::json).toList();
    }

    @GetMapping("/api/v1/direct-payments/reviews-due")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Active direct payments by next review due, overdue first")
    List<DirectPaymentJson> reviewsDue(SignedInUser staff) {
        return directPayments.reviewsDue(staff).stream().map(this::json).toList();
    }
}
