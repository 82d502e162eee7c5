package org.dphub.marketplace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.councils.Councils;
import org.dphub.marketplace.internal.MatchingRepository;
import org.dphub.marketplace.internal.PaProfileRepository;
import org.dphub.marketplace.internal.VacancyRepository;
import org.dphub.people.Citizen;
import org.dphub.shared.GeoPoint;
import org.dphub.shared.Money;
import org.dphub.shared.PostcodeDirectory;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.Reads;
import org.dphub.web.Conflict;
import org.dphub.web.NotFound;
import org.dphub.web.RuleRefusal;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The marketplace's public face for vacancies and matching, both ways. */
@Service
public class Vacancies {

    /** A vacancy as posted, with warnings that did not stop it (a rate below the council's PA rate). */
    public record Posted(Vacancy vacancy, List<Warning> warnings) {
    }

    public record Warning(String code, String message) {
    }

    private final VacancyRepository repository;
    private final PaProfileRepository profiles;
    private final MatchingRepository matching;
    private final MarketplaceSettings settings;
    private final EmployerSide employerSide;
    private final Councils councils;
    private final PostcodeDirectory postcodes;
    private final AuditTrail audit;

    Vacancies(VacancyRepository repository, PaProfileRepository profiles, MatchingRepository matching,
              MarketplaceSettings settings, EmployerSide employerSide, Councils councils, PostcodeDirectory postcodes,
              AuditTrail audit) {
        this.repository = repository;
        this.profiles = profiles;
        this.matching = matching;
        this.settings = settings;
        this.employerSide = employerSide;
        this.councils = councils;
        this.postcodes = postcodes;
        this.audit = audit;
    }

    /** A vacancy still open, where and since when (for the gaps in the market: no personal details). */
    public record OpenVacancy(long id, String postcode, java.time.Instant postedAt) {
    }

    /** The council's vacancies still open that were posted before the instant; council staff only. */
    @Transactional(readOnly = true)
    public List<OpenVacancy> openPostedBefore(SignedInUser staff, long councilId, java.time.Instant before) {
        if (!staff.isStaffOf(councilId)) {
            return List.of();
        }
        return repository.openPostedBefore(councilId, before).stream()
                .map(r -> new OpenVacancy((Long) r[0], (String) r[1], (java.time.Instant) r[2])).toList();
    }

    /** The citizen, when this user may post vacancies and hire for them. */
    @Transactional(readOnly = true)
    public Optional<Citizen> citizenFor(SignedInUser user, long citizenId) {
        return employerSide.citizenFor(user, citizenId);
    }

    /**
     * Posts a vacancy for a citizen. The rate must be at least the National Living Wage when the
     * work starts ({@link NationalLivingWagePolicy}: 422 otherwise); below the council's PA rate
     * it is allowed, with a warning (the council's rate is a guide, not a floor).
     */
    @Transactional
    public Posted post(SignedInUser user, Vacancy input) {
        Citizen citizen = employerSide.citizenFor(user, input.citizenId()).orElseThrow(NotFound::new);
        NationalLivingWagePolicy wage = settings.nationalLivingWage();
        IntimateCarePolicy.check(input.skillsWanted(), input.mustHaves()).ifPresent(refusal -> {
            throw genderNotForThisCare(refusal);
        });
        wage.check(input.hourlyRate(), input.startDate(), settings.today()).ifPresent(refusal -> {
            throw belowNationalLivingWage(input.hourlyRate(), refusal);
        });
        List<Warning> warnings = new ArrayList<>();
        Money councilRate = councils.settings(citizen.councilId()).settings().paHourlyRate();
        if (input.hourlyRate().isLessThan(councilRate)) {
            warnings.add(new Warning("BELOW_COUNCIL_PA_RATE", "The rate offered, " + input.hourlyRate().formatWithPence()
                    + " an hour, is below the council's PA rate of " + councilRate.formatWithPence()
                    + ". PAs may not apply; you can offer up to the council's rate from your direct payment."));
        }
        String contactName = input.contactName() != null ? input.contactName() : citizen.givenName() + " " + citizen.familyName();
        Vacancy toAdd = new Vacancy(0, citizen.councilId(), citizen.id(), input.title(), input.outcomes(), input.interests(),
                input.skillsWanted(), input.mustHaves(), input.availability(), input.postcode(), input.maxDistanceKm(),
                input.hoursPerWeek(), input.hourlyRate(), input.startDate(), VacancyStatus.OPEN, contactName,
                input.contactEmail() != null ? input.contactEmail() : citizen.email(),
                input.contactPhone() != null ? input.contactPhone() : citizen.phone(), user.username());
        int mustSkills = 0;
        int mustLanguages = 0;
        for (String code : input.mustHaves()) {
            mustSkills |= Skill.fromCode(code).map(Skill::mask).orElse(0);
            mustLanguages |= Language.fromCode(code).map(Language::mask).orElse(0);
        }
        long id = repository.insert(toAdd, placeOf(toAdd), mustSkills, mustLanguages, Gender.mustHaveOf(input.mustHaves()));
        Vacancy created = repository.findById(id).orElseThrow();
        audit.record(created.councilId(), "vacancy", id, AuditAction.CREATE, null, created.auditValues());
        return new Posted(created, warnings);
    }

    static RuleRefusal belowNationalLivingWage(Money rate, NationalLivingWagePolicy.Refusal refusal) {
        return new RuleRefusal(NationalLivingWagePolicy.RULE, "The hourly rate " + rate.formatWithPence()
                + " is below the National Living Wage of " + refusal.nationalLivingWage().formatWithPence()
                + " an hour, in force from " + refusal.inForceFrom() + ".",
                "Offer at least " + refusal.nationalLivingWage().formatWithPence() + " an hour.");
    }

    static RuleRefusal genderNotForThisCare(IntimateCarePolicy.Refusal refusal) {
        return switch (refusal) {
            case NOT_INTIMATE_CARE -> new RuleRefusal(IntimateCarePolicy.RULE,
                    "A vacancy can ask for a woman or a man only when the work includes intimate personal care.",
                    "Add personal-care to skillsWanted or mustHaves, or remove the gender must-have.");
            case MORE_THAN_ONE_GENDER -> new RuleRefusal(IntimateCarePolicy.RULE,
                    "A vacancy can ask for one gender at most: gender:female or gender:male.",
                    "Keep one gender must-have, or none.");
        };
    }

    /** A vacancy for the people on its owner's side (the person, their representative, a practitioner of their council). */
    @Transactional(readOnly = true)
    public Optional<Vacancy> find(SignedInUser user, long id) {
        return repository.findById(id).filter(v -> employerSide.mayActFor(user, v.citizenId()));
    }

    /**
     * What the vacancy's page will read first, to send together ({@link Reads.Together}): the vacancy,
     * then in one round trip its person, whom the user may see, and the council's match weights.
     * Reading ahead shows nothing: {@link #find} and {@link #matches} still decide what the user sees.
     */
    public void readAhead(SignedInUser user, long id, Reads.Together together) {
        together.add(repository.findByIdRead(id), found -> found.ifPresent(vacancy -> {
            employerSide.readAhead(user, vacancy.citizenId(), together);
            settings.readAheadWeights(vacancy.councilId(), together);
        }));
    }

    @Transactional(readOnly = true)
    public List<Vacancy> forCitizen(SignedInUser user, long citizenId) {
        Citizen citizen = employerSide.citizenFor(user, citizenId).orElseThrow(NotFound::new);
        return repository.forCitizen(citizen.councilId(), citizen.id());
    }

    /** The owner's side closes an open vacancy: it leaves every PA's matches. */
    @Transactional
    public Vacancy close(SignedInUser user, long id) {
        Vacancy vacancy = repository.findForUpdate(id).filter(v -> employerSide.mayActFor(user, v.citizenId()))
                .orElseThrow(NotFound::new);
        return changeStatus(vacancy, VacancyStatus.CLOSED);
    }

    /** The DP team of the vacancy's council suspends it (after a report, say). */
    @Transactional
    public Vacancy suspend(SignedInUser dpTeam, long id) {
        return suspend(dpTeam, id, null);
    }

    /** As {@link #suspend(SignedInUser, long)}, with the DP team's reason kept in the audit trail. */
    @Transactional
    public Vacancy suspend(SignedInUser dpTeam, long id, String reason) {
        if (!dpTeam.has(Role.DP_TEAM)) {
            throw new AccessDeniedException("Only the direct payments team suspends a vacancy");
        }
        Vacancy vacancy = repository.findForUpdate(id).filter(v -> dpTeam.isStaffOf(v.councilId())).orElseThrow(NotFound::new);
        return changeStatus(vacancy, VacancyStatus.SUSPENDED, reason);
    }

    private Vacancy changeStatus(Vacancy vacancy, VacancyStatus to) {
        return changeStatus(vacancy, to, null);
    }

    private Vacancy changeStatus(Vacancy vacancy, VacancyStatus to, String reason) {
        if (vacancy.status() != VacancyStatus.OPEN) {
            throw new Conflict("The vacancy is " + vacancy.status() + "; only an open vacancy can be " + to.name().toLowerCase() + ".");
        }
        repository.changeStatus(vacancy.id(), to);
        audit.record(vacancy.councilId(), "vacancy", vacancy.id(), AuditAction.UPDATE,
                AuditTrail.values("status", vacancy.status().name()),
                reason == null ? AuditTrail.values("status", to.name()) : AuditTrail.values("status", to.name(), "reason", reason));
        return repository.findById(vacancy.id()).orElseThrow();
    }

    /** Anyone signed in who can see the vacancy (its owner's side, or a PA it matches) may report it. */
    @Transactional
    public long report(SignedInUser user, long id, String reason) {
        Vacancy vacancy = repository.findById(id).filter(v -> mayReport(user, v)).orElseThrow(NotFound::new);
        long reportId = profiles.report(null, id, vacancy.councilId(), reason, user.username());
        audit.record(vacancy.councilId(), "marketplace_report", reportId, AuditAction.CREATE, null,
                AuditTrail.values("vacancyId", id, "reason", reason));
        return reportId;
    }

    /** The title of a vacancy this user may report (see {@link #report}); empty when they cannot see it. */
    @Transactional(readOnly = true)
    public Optional<String> reportableTitle(SignedInUser user, long id) {
        return repository.findById(id).filter(v -> mayReport(user, v)).map(Vacancy::title);
    }

    private boolean mayReport(SignedInUser user, Vacancy vacancy) {
        return employerSide.mayActFor(user, vacancy.citizenId())
                || (user.has(Role.PERSONAL_ASSISTANT) && vacancy.status() == VacancyStatus.OPEN);
    }

    /**
     * Ranked PAs for a vacancy, for its owner's side only; otherwise not found. With a
     * {@code basis}, only PAs who would work that way (one happy with either suits both).
     */
    @Transactional(readOnly = true)
    public List<ProfileMatch> matches(SignedInUser user, long vacancyId, int limit, int offset, EmploymentBasis basis) {
        Vacancy vacancy = find(user, vacancyId).orElseThrow(NotFound::new);
        return rankProfiles(vacancy, limit, offset, basis);
    }

    List<ProfileMatch> rankProfiles(Vacancy vacancy, int limit, int offset) {
        return rankProfiles(vacancy, limit, offset, null);
    }

    /** The matching itself, with no access check: callers have checked. */
    List<ProfileMatch> rankProfiles(Vacancy vacancy, int limit, int offset, EmploymentBasis basis) {
        MatchWants wants = wantsOf(vacancy);
        MatchScoring scoring = new MatchScoring(settings.weights(vacancy.councilId()));
        List<Scored> scored = new ArrayList<>();
        for (MatchingRepository.ProfileCandidate candidate
                : matching.profilesNear(wants, vacancy.mustHaves(), vacancy.interests(), vacancy.citizenId(), basis)) {
            MatchOffer offer = candidate.offer();
            double distance = MatchFilter.distanceKm(wants.latitude(), wants.longitude(), offer.latitude(), offer.longitude());
            // how they want to work is read (and checked) only when the person's side chose one
            boolean basisFits = basis == null || basis == EmploymentBasis.EITHER || offer.employmentBasis().suits(basis);
            if (MatchFilter.exclusion(wants, offer, distance).isEmpty() && basisFits) {
                scored.add(new Scored(offer.profileId(), scoring.score(wants, offer, candidate.sharedInterests(), distance)));
            }
        }
        List<Scored> page = page(scored, limit, offset);
        Map<Long, MatchingRepository.ProfileDetails> details = matching.profileDetails(page.stream().map(Scored::id).toList());
        return page.stream().map(s -> {
            MatchingRepository.ProfileDetails d = details.get(s.id());
            List<String> shared = vacancy.interests().stream().filter(d.interests()::contains).toList();
            return new ProfileMatch(s.id(), d.displayName(), s.score().score(), roundKm(s.score().distanceKm()),
                    reasons(s.score(), shared), d.employmentBasis(), d.training(), d.dbsCheckedOn());
        }).toList();
    }

    /** Open vacancies a PA matches, best first, for that PA only. A profile must be live to see them. */
    @Transactional(readOnly = true)
    public List<VacancyMatch> matchesForProfile(SignedInUser pa, long profileId, int limit, int offset) {
        PaProfile profile = profiles.findById(profileId).filter(p -> PaProfiles.isOwner(pa, p)).orElseThrow(NotFound::new);
        List<Scored> scored = scoredForProfile(profile);
        List<Scored> page = page(scored, limit, offset);
        Map<Long, MatchingRepository.VacancyDetails> details = matching.vacancyDetails(page.stream().map(Scored::id).toList());
        return page.stream().map(s -> {
            MatchingRepository.VacancyDetails d = details.get(s.id());
            List<String> shared = d.interests().stream().filter(profile.interests()::contains).toList();
            return new VacancyMatch(s.id(), d.title(), d.outcomes(), org.dphub.shared.Postcode.parse(d.postcode()).outward(),
                    s.score().score(), roundKm(s.score().distanceKm()), d.hoursPerWeek(), d.hourlyRatePence(), d.startDate(),
                    reasons(s.score(), shared));
        }).toList();
    }

    /** How many open vacancies a PA's live profile matches (for their home page); none while it is not live. */
    @Transactional(readOnly = true)
    public int countMatchesForProfile(SignedInUser pa, long profileId) {
        PaProfile profile = profiles.findById(profileId).filter(p -> PaProfiles.isOwner(pa, p)).orElseThrow(NotFound::new);
        return profile.status() == PaProfileStatus.LIVE ? scoredForProfile(profile).size() : 0;
    }

    /** Every open vacancy the profile matches, scored (not yet ranked): refused unless the profile is live. */
    private List<Scored> scoredForProfile(PaProfile profile) {
        if (profile.status() != PaProfileStatus.LIVE) {
            throw new Conflict("Your profile is " + profile.status() + ". You can see vacancies once the direct payments "
                    + "team has checked it and it is live.");
        }
        GeoPoint centre = postcodes.centreOf(profile.homePostcode());
        MatchOffer offer = new MatchOffer(profile.id(), profile.status(), profile.visible(), centre.latitude().doubleValue(),
                centre.longitude().doubleValue(), profile.travelKm(), profile.hourlyRate().pence(), Skill.maskOf(profile.skills()),
                Language.maskOf(profile.languages()), AvailabilitySlot.maskOf(profile.availability()), profile.gender(),
                profile.employmentBasis());
        // a hidden PA still finds work: being hidden keeps them out of searches, not out of jobs
        MatchOffer asSeen = new MatchOffer(offer.profileId(), offer.status(), true, offer.latitude(), offer.longitude(),
                offer.travelKm(), offer.hourlyRatePence(), offer.skillsMask(), offer.languagesMask(), offer.availabilityMask(),
                offer.gender(), offer.employmentBasis());
        Map<Long, MatchWeights> weights = settings.allWeights();
        List<Scored> scored = new ArrayList<>();
        List<MatchingRepository.VacancyCandidate> candidates = matching.vacanciesNear(offer, List.copyOf(profile.interests()));
        for (MatchingRepository.VacancyCandidate candidate : candidates) {
            MatchWants wants = candidate.wants();
            double distance = MatchFilter.distanceKm(wants.latitude(), wants.longitude(), offer.latitude(), offer.longitude());
            if (MatchFilter.exclusion(wants, asSeen, distance).isEmpty()) {
                MatchScoring scoring = new MatchScoring(weights.getOrDefault(candidate.councilId(), MatchWeights.DEFAULTS));
                scored.add(new Scored(wants.vacancyId(), scoring.score(wants, asSeen, candidate.sharedInterests(), distance)));
            }
        }
        return scored;
    }

    record Scored(long id, MatchScore score) {
    }

    private static List<Scored> page(List<Scored> scored, int limit, int offset) {
        Comparator<Scored> order = (a, b) -> MatchScore.compare(a.score(), a.id(), b.score(), b.id());
        return scored.stream().sorted(order).skip(offset).limit(limit).toList();
    }

    private static ProfileMatch.Reasons reasons(MatchScore score, List<String> sharedInterests) {
        return new ProfileMatch.Reasons(score.availabilityOverlap(), AvailabilitySlot.slotsOf(score.timesInCommonMask()),
                sharedInterests, Skill.codesOf(score.skillsMetMask()), score.rateFits());
    }

    static double roundKm(double km) {
        return Math.round(km * 10) / 10.0;
    }

    MatchWants wantsOf(Vacancy vacancy) {
        PaProfileRepository.Place place = placeOf(vacancy);
        int mustSkills = 0;
        int mustLanguages = 0;
        for (String code : vacancy.mustHaves()) {
            mustSkills |= Skill.fromCode(code).map(Skill::mask).orElse(0);
            mustLanguages |= Language.fromCode(code).map(Language::mask).orElse(0);
        }
        return new MatchWants(vacancy.id(), place.latitude(), place.longitude(), vacancy.maxDistanceKm(), vacancy.hourlyRate().pence(),
                Skill.maskOf(vacancy.skillsWanted()), mustSkills, mustLanguages, AvailabilitySlot.maskOf(vacancy.availability()),
                vacancy.interests().size(), Gender.mustHaveOf(vacancy.mustHaves()));
    }

    private PaProfileRepository.Place placeOf(Vacancy vacancy) {
        GeoPoint centre = postcodes.centreOf(vacancy.postcode());
        return new PaProfileRepository.Place(centre.latitude().doubleValue(), centre.longitude().doubleValue());
    }
}
