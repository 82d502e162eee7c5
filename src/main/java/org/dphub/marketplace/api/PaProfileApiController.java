package org.dphub.marketplace.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import org.dphub.marketplace.EmploymentBasis;
import org.dphub.marketplace.Introduction;
import org.dphub.marketplace.Introductions;
import org.dphub.marketplace.PaProfile;
import org.dphub.marketplace.PaProfileStatus;
import org.dphub.marketplace.PaProfiles;
import org.dphub.marketplace.Vacancies;
import org.dphub.marketplace.VacancyMatch;
import org.dphub.shared.PostcodeDirectory;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/pa-profiles")
@Tag(name = "Marketplace")
class PaProfileApiController {

    record ProfileInputJson(String displayName, String about, String experience, List<String> skills, List<String> interests,
                            List<String> languages, List<MarketplaceInput.SlotJson> availability, String postcode,
                            Object travelRadiusKm, Object hourlyRatePence, Boolean visible, String phone, String email,
                            String employmentBasis, Boolean codeOfConductAccepted, String gender,
                            List<MarketplaceInput.TrainingJson> training) {
    }

    record StatusJson(long id, String status) {
    }

    record ChecksJson(Boolean identityChecked, Boolean referencesChecked, String dbsCheckedOn) {
    }

    record ReasonJson(String reason) {
    }

    record InterestJson(Object vacancyId) {
    }

    private final PaProfiles profiles;
    private final Vacancies vacancies;
    private final Introductions introductions;
    private final PostcodeDirectory postcodes;
    private final MessageSource messages;

    PaProfileApiController(PaProfiles profiles, Vacancies vacancies, Introductions introductions, PostcodeDirectory postcodes,
                           MessageSource messages) {
        this.profiles = profiles;
        this.vacancies = vacancies;
        this.introductions = introductions;
        this.postcodes = postcodes;
        this.messages = messages;
    }

    @PostMapping
    @PreAuthorize("hasRole('PERSONAL_ASSISTANT')")
    @Operation(summary = "A PA makes their profile (one each; a second is 409). It waits for the DP team's checks. "
            + "gender (FEMALE, MALE, NON_BINARY; absent: not given) is seen only by the PA and the DP team; "
            + "training: up to 20 {title, completedOn, modules}")
    ResponseEntity<StatusJson> create(SignedInUser pa, @RequestBody ProfileInputJson body) {
        PaProfile created = profiles.create(pa, read(body));
        return ResponseEntity.created(URI.create("/api/v1/pa-profiles/" + created.id()))
                .body(new StatusJson(created.id(), created.status().name()));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('PERSONAL_ASSISTANT')")
    @Operation(summary = "A PA changes their own profile; matches show the change at once. The training given replaces "
            + "the training saved")
    ProfileJson.Full update(SignedInUser pa, @PathVariable long id, @RequestBody ProfileInputJson body) {
        return ProfileJson.full(profiles.update(pa, id, read(body)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A profile: in full for the PA and the DP team; for anyone else only when live and visible, "
            + "and never with contact details")
    Object get(SignedInUser user, @PathVariable long id) {
        PaProfiles.ProfileView view = profiles.view(user, id).orElseThrow(NotFound::new);
        return view.full() ? ProfileJson.full(view.profile()) : ProfileJson.open(view.profile());
    }

    @PostMapping("/{id}/checks")
    @PreAuthorize("hasRole('DP_TEAM')")
    @Operation(summary = "The DP team records identity, references and the DBS check date; with the code of conduct "
            + "accepted by the PA, the profile goes LIVE")
    StatusJson checks(SignedInUser dpTeam, @PathVariable long id, @RequestBody ChecksJson body) {
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        if (body.identityChecked() == null) {
            errors.reject("identityChecked", "marketplace.error.boolean");
        }
        if (body.referencesChecked() == null) {
            errors.reject("referencesChecked", "marketplace.error.boolean");
        }
        LocalDate dbs = errors.isoDate("dbsCheckedOn", body.dbsCheckedOn(), false, "marketplace.label.dbsCheckedOn");
        errors.throwIfAny();
        PaProfile checked = profiles.recordChecks(dpTeam, id, body.identityChecked(), body.referencesChecked(), dbs);
        return new StatusJson(checked.id(), checked.status().name());
    }

    @PostMapping("/{id}/suspension")
    @PreAuthorize("hasRole('DP_TEAM')")
    @Operation(summary = "The DP team suspends a profile (it leaves every match at once), with a reason")
    StatusJson suspend(SignedInUser dpTeam, @PathVariable long id, @RequestBody ReasonJson body) {
        MarketplaceInput input = new MarketplaceInput(new FormErrors(messages, Locale.ENGLISH), postcodes);
        String reason = input.text("reason", body.reason(), 2000, true, "marketplace.label.reason", true);
        input.errors().throwIfAny();
        PaProfile suspended = profiles.suspend(dpTeam, id, reason);
        return new StatusJson(suspended.id(), suspended.status().name());
    }

    @DeleteMapping("/{id}/suspension")
    @PreAuthorize("hasRole('DP_TEAM')")
    @Operation(summary = "The DP team lifts a suspension: the profile is checked again (AWAITING_CHECKS) before it is live")
    StatusJson reinstate(SignedInUser dpTeam, @PathVariable long id) {
        PaProfile reinstated = profiles.reinstate(dpTeam, id);
        return new StatusJson(reinstated.id(), reinstated.status().name());
    }

    @PostMapping("/{id}/reports")
    @Operation(summary = "Anyone signed in reports a profile they can see, for the DP team")
    ResponseEntity<StatusJson> report(SignedInUser user, @PathVariable long id, @RequestBody ReasonJson body) {
        MarketplaceInput input = new MarketplaceInput(new FormErrors(messages, Locale.ENGLISH), postcodes);
        String reason = input.text("reason", body.reason(), 2000, true, "marketplace.label.reason", true);
        input.errors().throwIfAny();
        long reportId = profiles.report(user, id, reason);
        return ResponseEntity.status(201).body(new StatusJson(reportId, "REPORTED"));
    }

    @GetMapping("/{id}/matches")
    @PreAuthorize("hasRole('PERSONAL_ASSISTANT')")
    @Operation(summary = "The PA's matching open vacancies, best first, with why (district only, never who or where exactly)")
    List<VacancyMatch> matches(SignedInUser pa, @PathVariable long id, @RequestParam(defaultValue = "20") int limit,
                               @RequestParam(defaultValue = "0") int offset) {
        Paging.check(limit, offset, messages);
        return vacancies.matchesForProfile(pa, id, limit, offset);
    }

    @PostMapping("/{id}/interests")
    @PreAuthorize("hasRole('PERSONAL_ASSISTANT')")
    @Operation(summary = "The PA expresses interest in an open vacancy; the person's side accepts or declines")
    ResponseEntity<StatusJson> interest(SignedInUser pa, @PathVariable long id, @RequestBody InterestJson body) {
        MarketplaceInput input = new MarketplaceInput(new FormErrors(messages, Locale.ENGLISH), postcodes);
        Long vacancyId = input.id("vacancyId", body.vacancyId(), "marketplace.error.id");
        input.errors().throwIfAny();
        Introduction introduction = introductions.expressInterest(pa, id, vacancyId);
        return ResponseEntity.created(URI.create("/api/v1/introductions/" + introduction.id()))
                .body(new StatusJson(introduction.id(), introduction.status().name()));
    }

    private PaProfile read(ProfileInputJson body) {
        MarketplaceInput input = new MarketplaceInput(new FormErrors(messages, Locale.ENGLISH), postcodes);
        String name = input.text("displayName", body.displayName(), 100, true, "marketplace.label.displayName", false);
        String about = input.text("about", body.about(), 2000, false, "marketplace.label.about", true);
        String experience = input.text("experience", body.experience(), 2000, false, "marketplace.label.experience", true);
        var skills = input.skills("skills", body.skills());
        var interests = input.interests("interests", body.interests());
        var languages = input.languages("languages", body.languages());
        var availability = input.availability("availability", body.availability());
        var postcode = input.knownPostcode("postcode", body.postcode());
        Integer travel = input.km("travelRadiusKm", body.travelRadiusKm());
        var rate = input.rate("hourlyRatePence", body.hourlyRatePence());
        String phone = input.phone("phone", body.phone());
        String email = input.email("email", body.email(), true);
        EmploymentBasis basis = EmploymentBasis.EITHER;
        if (body.employmentBasis() != null) {
            try {
                basis = EmploymentBasis.valueOf(body.employmentBasis().strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                input.errors().reject("employmentBasis", "marketplace.error.basis");
            }
        }
        var gender = input.gender("gender", body.gender());
        var training = input.training("training", body.training(), profiles.today());
        input.errors().throwIfAny();
        return new PaProfile(0, null, null, name, about, experience, postcode, travel, rate, basis, skills,
                new HashSet<>(interests), languages, availability, body.visible() == null || body.visible(),
                PaProfileStatus.AWAITING_CHECKS, phone, email, Boolean.TRUE.equals(body.codeOfConductAccepted()),
                PaProfile.Checks.NONE, gender, training);
    }
}
