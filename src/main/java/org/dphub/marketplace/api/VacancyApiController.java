package org.dphub.marketplace.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.dphub.marketplace.EmploymentBasis;
import org.dphub.marketplace.Introduction;
import org.dphub.marketplace.Introductions;
import org.dphub.marketplace.ProfileMatch;
import org.dphub.marketplace.Skill;
import org.dphub.marketplace.Vacancies;
import org.dphub.marketplace.Vacancy;
import org.dphub.marketplace.VacancyStatus;
import org.dphub.shared.PostcodeDirectory;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/vacancies")
@Tag(name = "Marketplace")
class VacancyApiController {

    record VacancyInputJson(Object citizenId, String title, List<String> outcomes, List<String> interests,
                            List<String> skillsWanted, List<String> mustHaves, List<MarketplaceInput.SlotJson> availability,
                            String postcode, Object maxDistanceKm, Object hoursPerWeek, Object hourlyRatePence, String startDate,
                            String contactEmail, String contactPhone) {
    }

    record PostedJson(long id, String status, List<Vacancies.Warning> warnings) {
    }

    record VacancyJson(long id, long citizenId, String title, List<String> outcomes, List<String> interests,
                       List<String> skillsWanted, List<String> mustHaves, List<MarketplaceInput.SlotJson> availability,
                       String postcode, int maxDistanceKm, BigDecimal hoursPerWeek, long hourlyRatePence, LocalDate startDate,
                       String status) {
        static VacancyJson of(Vacancy v) {
            return new VacancyJson(v.id(), v.citizenId(), v.title(), v.outcomes(), v.interests(),
                    v.skillsWanted().stream().map(Skill::code).sorted().toList(), v.mustHaves(), ProfileJson.slots(v.availability()),
                    v.postcode().value(), v.maxDistanceKm(), v.hoursPerWeek(), v.hourlyRate().pence(), v.startDate(), v.status().name());
        }
    }

    record InvitationJson(Object profileId) {
    }

    record StatusJson(long id, String status) {
    }

    private final Vacancies vacancies;
    private final Introductions introductions;
    private final PostcodeDirectory postcodes;
    private final MessageSource messages;

    VacancyApiController(Vacancies vacancies, Introductions introductions, PostcodeDirectory postcodes, MessageSource messages) {
        this.vacancies = vacancies;
        this.introductions = introductions;
        this.postcodes = postcodes;
        this.messages = messages;
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('CITIZEN', 'REPRESENTATIVE', 'PRACTITIONER')")
    @Operation(summary = "Post a vacancy for a person: by them, their representative or a practitioner of their council. "
            + "mustHaves: skill codes (driving), language codes (cy), and for intimate personal care gender:female or "
            + "gender:male (one; only with personal-care wanted or a must-have, else 422 GENDER_ONLY_FOR_INTIMATE_CARE). "
            + "A rate below the National Living Wage: 422 BELOW_NATIONAL_LIVING_WAGE; below the council's PA rate: a warning")
    ResponseEntity<PostedJson> post(SignedInUser user, @RequestBody VacancyInputJson body) {
        MarketplaceInput input = new MarketplaceInput(new FormErrors(messages, Locale.ENGLISH), postcodes);
        Long citizenId = input.id("citizenId", body.citizenId(), "marketplace.error.citizen");
        if (citizenId != null && vacancies.citizenFor(user, citizenId).isEmpty()) {
            // another council's person, or one this user does not act for: the same answer, nothing learned
            input.errors().reject("citizenId", "marketplace.error.citizen");
        }
        String title = input.text("title", body.title(), 200, true, "marketplace.label.title", false);
        List<String> outcomes = input.texts("outcomes", body.outcomes(), MarketplaceInput.MAX_OUTCOMES, 300, true,
                "marketplace.label.outcome");
        List<String> interests = input.interests("interests", body.interests());
        var skills = input.skills("skillsWanted", body.skillsWanted());
        List<String> mustHaves = input.mustHaves("mustHaves", body.mustHaves());
        var availability = input.availability("availability", body.availability());
        var postcode = input.knownPostcode("postcode", body.postcode());
        Integer distance = input.km("maxDistanceKm", body.maxDistanceKm());
        BigDecimal hours = input.hours("hoursPerWeek", body.hoursPerWeek());
        var rate = input.rate("hourlyRatePence", body.hourlyRatePence());
        LocalDate start = input.errors().isoDate("startDate", body.startDate(), true, "marketplace.label.startDate");
        String email = input.email("contactEmail", body.contactEmail(), false);
        String phone = input.phone("contactPhone", body.contactPhone());
        input.errors().throwIfAny();
        Vacancies.Posted posted = vacancies.post(user, new Vacancy(0, 0, citizenId, title, outcomes, interests, skills, mustHaves,
                availability, postcode, distance, hours, rate, start, VacancyStatus.OPEN, null, email, phone, user.username()));
        return ResponseEntity.created(URI.create("/api/v1/vacancies/" + posted.vacancy().id()))
                .body(new PostedJson(posted.vacancy().id(), posted.vacancy().status().name(), posted.warnings()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A vacancy, for the person's side")
    VacancyJson get(SignedInUser user, @PathVariable long id) {
        return vacancies.find(user, id).map(VacancyJson::of).orElseThrow(NotFound::new);
    }

    @GetMapping
    @Operation(summary = "A person's vacancies, for the person's side")
    List<VacancyJson> forCitizen(SignedInUser user, @RequestParam long citizenId) {
        return vacancies.forCitizen(user, citizenId).stream().map(VacancyJson::of).toList();
    }

    @GetMapping("/{id}/matches")
    @Operation(summary = "Ranked PAs for the vacancy, best first, with why, how they want to work and their training; never "
            + "contact details, never a gender. Hidden, unchecked and suspended profiles never appear. basis=EMPLOYED or "
            + "SELF_EMPLOYED: only PAs who would work that way (a PA happy with either suits both)")
    List<ProfileMatch> matches(SignedInUser user, @PathVariable long id, @RequestParam(defaultValue = "20") int limit,
                               @RequestParam(defaultValue = "0") int offset, @RequestParam(required = false) String basis) {
        Paging.check(limit, offset, messages);
        EmploymentBasis wanted = null;
        if (basis != null && !basis.isBlank()) {
            wanted = EmploymentBasis.parse(basis).orElse(null);
            if (wanted == null) {
                new FormErrors(messages, Locale.ENGLISH).reject("basis", "marketplace.error.basis-filter").throwIfAny();
            }
        }
        return vacancies.matches(user, id, limit, offset, wanted);
    }

    @PostMapping("/{id}/invitations")
    @Operation(summary = "The person's side invites a live PA; the PA accepts or declines")
    ResponseEntity<StatusJson> invite(SignedInUser user, @PathVariable long id, @RequestBody InvitationJson body) {
        MarketplaceInput input = new MarketplaceInput(new FormErrors(messages, Locale.ENGLISH), postcodes);
        Long profileId = input.id("profileId", body.profileId(), "marketplace.error.id");
        input.errors().throwIfAny();
        Introduction introduction = introductions.invite(user, id, profileId);
        return ResponseEntity.created(URI.create("/api/v1/introductions/" + introduction.id()))
                .body(new StatusJson(introduction.id(), introduction.status().name()));
    }

    @PostMapping("/{id}/closure")
    @Operation(summary = "The person's side closes an open vacancy")
    StatusJson close(SignedInUser user, @PathVariable long id) {
        Vacancy closed = vacancies.close(user, id);
        return new StatusJson(closed.id(), closed.status().name());
    }

    @PostMapping("/{id}/suspension")
    @PreAuthorize("hasRole('DP_TEAM')")
    @Operation(summary = "The DP team of the vacancy's council suspends it")
    StatusJson suspend(SignedInUser dpTeam, @PathVariable long id) {
        Vacancy suspended = vacancies.suspend(dpTeam, id);
        return new StatusJson(suspended.id(), suspended.status().name());
    }

    @PostMapping("/{id}/reports")
    @Operation(summary = "Report a vacancy to the DP team")
    ResponseEntity<StatusJson> report(SignedInUser user, @PathVariable long id, @RequestBody PaProfileApiController.ReasonJson body) {
        MarketplaceInput input = new MarketplaceInput(new FormErrors(messages, Locale.ENGLISH), postcodes);
        String reason = input.text("reason", body.reason(), 2000, true, "marketplace.label.reason", true);
        input.errors().throwIfAny();
        return ResponseEntity.status(201).body(new StatusJson(vacancies.report(user, id, reason), "REPORTED"));
    }
}
