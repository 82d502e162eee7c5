package org.dphub.councils.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.dphub.councils.ContributionBasis;
import org.dphub.councils.CouncilContact;
import org.dphub.councils.CouncilSettings;
import org.dphub.councils.CouncilSettingsRules;
import org.dphub.councils.Councils;
import org.dphub.councils.PaymentFrequency;
import org.dphub.councils.ReturnPeriod;
import org.dphub.councils.SettingsChangedByAnotherUserException;
import org.dphub.councils.VersionedSettings;
import org.dphub.shared.Money;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in staff member's own council settings. Only a council administrator may change them. */
@RestController
@RequestMapping("/api/v1/council/settings")
@Tag(name = "Councils")
class CouncilSettingsApiController {

    /** Settings as JSON: money in pence, choices as names. */
    record SettingsJson(long selfApprovalLimitPence, long receiptsThresholdPence, ReturnPeriod returnPeriod,
                        int surplusWeeks, PaymentFrequency paymentFrequency, long paHourlyRatePence,
                        long agencyHourlyRatePence, int firstReviewMonths, int reviewIntervalMonths,
                        ContributionBasis contributionBasis, int targetDaysToMoney, boolean welshLanguage,
                        Long oneOffMaximumPence, String contactPhone, String contactEmail, String cldLaCode,
                        Integer helpReplyTargetWorkingDays, Long version) {

        static SettingsJson of(VersionedSettings v) {
            CouncilSettings s = v.settings();
            return new SettingsJson(s.selfApprovalLimit().pence(), s.receiptsThreshold().pence(), s.returnPeriod(),
                    s.surplusWeeks(), s.paymentFrequency(), s.paHourlyRate().pence(), s.agencyHourlyRate().pence(),
                    s.firstReviewMonths(), s.reviewIntervalMonths(), s.contributionBasis(), s.targetDaysToMoney(),
                    s.welshLanguage(), s.oneOffMaximum().pence(), s.contact().phone(), s.contact().email(), s.cldLaCode(),
                    s.helpReplyTargetWorkingDays(), v.version());
        }

        /** The settings sent; a client that does not send the help reply target (issue 18) keeps the current one. */
        CouncilSettings settings(int currentHelpReplyTarget) {
            return new CouncilSettings(Money.ofPence(selfApprovalLimitPence), Money.ofPence(receiptsThresholdPence),
                    returnPeriod, surplusWeeks, paymentFrequency, Money.ofPence(paHourlyRatePence),
                    Money.ofPence(agencyHourlyRatePence), firstReviewMonths, reviewIntervalMonths, contributionBasis,
                    targetDaysToMoney, welshLanguage, Money.ofPence(oneOffMaximumPence),
                    new CouncilContact(contactPhone, contactEmail), cldLaCode,
                    helpReplyTargetWorkingDays == null ? currentHelpReplyTarget : helpReplyTargetWorkingDays);
        }
    }

    private final Councils councils;
    private final MessageSource messages;

    CouncilSettingsApiController(Councils councils, MessageSource messages) {
        this.councils = councils;
        this.messages = messages;
    }

    @GetMapping
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "Your council's settings")
    SettingsJson get(SignedInUser staff) {
        return SettingsJson.of(councils.settings(staff.councilId()));
    }

    @PutMapping
    @PreAuthorize("hasRole('COUNCIL_ADMIN')")
    @Operation(summary = "Change your council's settings; send the version you read")
    SettingsJson put(SignedInUser admin, @RequestBody SettingsJson body) {
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        if (body.returnPeriod() == null) {
            errors.reject("returnPeriod", "settings.error.returnPeriod.choose");
        }
        if (body.paymentFrequency() == null) {
            errors.reject("paymentFrequency", "settings.error.paymentFrequency.choose");
        }
        if (body.contributionBasis() == null) {
            errors.reject("contributionBasis", "settings.error.contributionBasis.choose");
        }
        if (body.oneOffMaximumPence() == null) {
            errors.reject("oneOffMaximumPence", "settings.error.oneOffMaximum.missing");
        }
        if (body.version() == null) {
            errors.reject("version", "settings.error.version.missing");
        }
        errors.throwIfAny();
        CouncilSettings settings = body.settings(councils.settings(admin.councilId()).settings().helpReplyTargetWorkingDays());
        CouncilSettingsRules.check(settings, errors);
        if (settings.cldLaCode() != null && !inEngland(admin)) {
            // Client Level Data is NHS England's return: a Welsh council has no code to record
            errors.reject("cldLaCode", "settings.error.cldLaCode.england-only");
        }
        errors.throwIfAny();
        return SettingsJson.of(councils.updateSettings(admin.councilId(), settings, body.version()));
    }

    private boolean inEngland(SignedInUser admin) {
        return councils.findById(admin.councilId()).map(c -> c.nation() == org.dphub.councils.Nation.ENGLAND).orElse(false);
    }

    @ExceptionHandler(SettingsChangedByAnotherUserException.class)
    ResponseEntity<ProblemDetail> conflict(SettingsChangedByAnotherUserException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                        "Someone changed the settings after you read them. Read them again and resend your change."));
    }
}
