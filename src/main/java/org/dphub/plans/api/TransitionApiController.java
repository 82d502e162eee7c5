package org.dphub.plans.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.dphub.councils.Councils;
import org.dphub.plans.AccountType;
import org.dphub.plans.DirectPayments;
import org.dphub.plans.TransitionToAdulthood;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Issue 18: children's direct payments moving to adult support at 18. */
@RestController
@Tag(name = "Direct payments")
class TransitionApiController {

    /** A child's payment whose child turns 18 within the council's notice period. */
    record MovingJson(long directPaymentId, long citizenId, String name, String reference, LocalDate eighteenthBirthday,
                      LocalDate adultStart, Long adultDirectPaymentId) {
        static MovingJson of(TransitionToAdulthood.MovingToAdultSupport m) {
            return new MovingJson(m.childPayment().id(), m.person().id(), m.person().fullName(), m.person().reference(),
                    m.eighteenthBirthday(), m.adultStart(), m.adultPayment().map(p -> p.id()).orElse(null));
        }
    }

    /** Everything optional: hasCapacity (default true, Mental Capacity Act 2005 s1(2)), representativeId, accountType (default the child's). */
    record ContinuationJson(Boolean hasCapacity, Long representativeId, String accountType) {
    }

    record ContinuedJson(long childDirectPaymentId, String childStatus, long adultPlanId, long adultDirectPaymentId,
                         LocalDate adultStart) {
    }

    record NoticeJson(Integer transitionNoticeDays) {
    }

    private final TransitionToAdulthood transitions;
    private final DirectPayments directPayments;
    private final Councils councils;
    private final MessageSource messages;

    TransitionApiController(TransitionToAdulthood transitions, DirectPayments directPayments, Councils councils,
                            MessageSource messages) {
        this.transitions = transitions;
        this.directPayments = directPayments;
        this.councils = councils;
        this.messages = messages;
    }

    @GetMapping("/api/v1/direct-payments/moving-to-adult-support")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Children's direct payments whose child turns 18 within the council's notice period (default 90 days)")
    List<MovingJson> movingToAdultSupport(SignedInUser staff) {
        return transitions.dueSoon(staff).stream().map(MovingJson::of).toList();
    }

    @PostMapping("/api/v1/direct-payments/{id}/adult-continuation")
    @PreAuthorize("hasRole('PRACTITIONER')")
    @Operation(summary = "Set up the adult's own plan and direct payment from the day the child's payment ends (and end it then)")
    ResponseEntity<ContinuedJson> continueAsAdult(SignedInUser practitioner, @PathVariable long id,
                                                  @RequestBody(required = false) ContinuationJson body) {
        directPayments.find(practitioner, id).orElseThrow(org.dphub.web.NotFound::new);
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        ContinuationJson choice = body == null ? new ContinuationJson(null, null, null) : body;
        AccountType accountType = null;
        if (choice.accountType() != null) {
            try {
                accountType = AccountType.valueOf(choice.accountType().strip());
            } catch (IllegalArgumentException e) {
                errors.reject("accountType", "dp.error.accountType");
            }
        }
        errors.throwIfAny();
        TransitionToAdulthood.Continued done = transitions.continueAsAdult(practitioner, id,
                new TransitionToAdulthood.AdultPaymentChoice(choice.hasCapacity(), choice.representativeId(), accountType), errors);
        ContinuedJson json = new ContinuedJson(done.childPayment().id(), done.childPayment().status().name(),
                done.adultPlan().id(), done.adultPayment().id(), done.adultPayment().startDate());
        return done.created()
                ? ResponseEntity.created(URI.create("/api/v1/direct-payments/" + done.adultPayment().id())).body(json)
                : ResponseEntity.ok(json);
    }

    @GetMapping("/api/v1/council/settings/transition-notice-days")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "How many days before a child's 18th birthday they are listed as moving to adult support")
    NoticeJson notice(SignedInUser staff) {
        return new NoticeJson(councils.transitionNoticeDays(staff.councilId()));
    }

    @PutMapping("/api/v1/council/settings/transition-notice-days")
    @PreAuthorize("hasRole('COUNCIL_ADMIN')")
    @Operation(summary = "Change the notice period: {transitionNoticeDays: 1 to 365}")
    NoticeJson changeNotice(SignedInUser admin, @RequestBody NoticeJson body) {
        Integer days = body == null ? null : body.transitionNoticeDays();
        if (days == null || days < 1 || days > Councils.MAX_TRANSITION_NOTICE_DAYS) {
            FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
            errors.reject("transitionNoticeDays", "settings.error.transitionNoticeDays", Councils.MAX_TRANSITION_NOTICE_DAYS);
            errors.throwIfAny();
        }
        return new NoticeJson(councils.changeTransitionNoticeDays(admin.councilId(), days));
    }
}
