package org.dphub.marketplace.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.dphub.marketplace.Introductions;
import org.dphub.marketplace.MarketplaceSettings;
import org.dphub.marketplace.MatchWeights;
import org.dphub.marketplace.PaProfiles;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/marketplace")
@Tag(name = "Marketplace")
class MarketplaceApiController {

    record PayRateJson(String area, String district, int hires, long lowestPence, long medianPence, long highestPence) {
    }

    record WeightsJson(Integer availability, Integer interests, Integer skills, Integer rate, Integer distance) {
    }

    record ReportJson(long id, Long profileId, Long vacancyId, String reason, String reportedBy, java.time.Instant reportedAt) {
    }

    private final Introductions introductions;
    private final MarketplaceSettings settings;
    private final PaProfiles profiles;
    private final MessageSource messages;

    MarketplaceApiController(Introductions introductions, MarketplaceSettings settings, PaProfiles profiles, MessageSource messages) {
        this.introductions = introductions;
        this.settings = settings;
        this.profiles = profiles;
        this.messages = messages;
    }

    @GetMapping("/pay-rates")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "PA rates of pay agreed through hires in the staff member's council, by postcode area and district")
    List<PayRateJson> payRates(SignedInUser staff) {
        return introductions.payRates(staff).stream()
                .map(r -> new PayRateJson(r.area(), r.district(), r.hires(), r.lowestPence(), r.medianPence(), r.highestPence()))
                .toList();
    }

    @GetMapping("/match-weights")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "The council's weights for the parts of a match score")
    MatchWeights weights(SignedInUser staff) {
        return settings.weights(staff.councilId());
    }

    @PutMapping("/match-weights")
    @PreAuthorize("hasRole('COUNCIL_ADMIN')")
    @Operation(summary = "A council administrator changes the weights (each 0 to 100, at least one above 0)")
    MatchWeights changeWeights(SignedInUser admin, @RequestBody WeightsJson body) {
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        Integer[] values = {body.availability(), body.interests(), body.skills(), body.rate(), body.distance()};
        String[] names = {"availability", "interests", "skills", "rate", "distance"};
        int total = 0;
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null || values[i] < 0 || values[i] > 100) {
                errors.reject(names[i], "marketplace.error.weights");
            } else {
                total += values[i];
            }
        }
        if (errors.isEmpty() && total == 0) {
            errors.reject("availability", "marketplace.error.weights");
        }
        errors.throwIfAny();
        return settings.changeWeights(admin, new MatchWeights(values[0], values[1], values[2], values[3], values[4]));
    }

    @GetMapping("/reports")
    @PreAuthorize("hasRole('DP_TEAM')")
    @Operation(summary = "Reports of profiles (national register) and of the council's vacancies, newest first")
    List<ReportJson> reports(SignedInUser dpTeam) {
        return profiles.reports(dpTeam).stream()
                .map(r -> new ReportJson(r.id(), r.profileId(), r.vacancyId(), r.reason(), r.reportedBy(), r.reportedAt()))
                .toList();
    }
}
