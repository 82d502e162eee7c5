package org.dphub.marketplace;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.marketplace.internal.CoverOfferRepository;
import org.dphub.marketplace.internal.MatchingRepository;
import org.dphub.marketplace.internal.PaProfileRepository;
import org.dphub.shared.GeoPoint;
import org.dphub.shared.Postcode;
import org.dphub.shared.PostcodeDirectory;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The marketplace's public face for cover work (issue 18): a PA opts in to cover at short notice
 * ({@link CoverOffer}); an employer whose PA is off finds cover PAs with the same matching as a
 * vacancy ({@link MatchFilter}, {@link MatchScoring}, the council's weights), kept to live, visible
 * profiles that offer cover, whose notice fits the day and whose cover times include part of the
 * shift — soonest available first, then the best match.
 */
@Service
public class CoverOffers {

    /** How far from the person a cover PA may be, at most (each PA's own travel distance applies too). */
    public static final int MAX_COVER_DISTANCE_KM = 25;

    /**
     * What the employer asks for: where (the person's postcode), when, the rate, wanted skills and shared
     * interests. {@code busyProfiles}: PAs already booked for cover at that time (the help module knows
     * its bookings), left out of the search.
     */
    public record CoverSearch(long citizenId, long councilId, Postcode place, CoverShift shift, long hourlyRatePence,
                              Set<Skill> skills, List<String> interests, LocalDate today, Set<Long> busyProfiles) {
        public CoverSearch {
            busyProfiles = busyProfiles == null ? Set.of() : Set.copyOf(busyProfiles);
        }
    }

    /** A cover PA who fits: when they can start, their notice, the match score and why. Never contact details. */
    public record CoverCandidate(long profileId, String displayName, LocalTime availableFrom, CoverNotice notice, int score,
                                 double distanceKm, List<String> sharedInterests, LocalDate dbsCheckedOn) {
    }

    /** A cover PA as the cover booking needs them: contact details are for the booking to show only once accepted. */
    public record CoverPa(long profileId, Long userId, String displayName, boolean live, CoverOffer offer, String phone,
                          String email) {
    }

    private final CoverOfferRepository offers;
    private final PaProfileRepository profiles;
    private final MatchingRepository matching;
    private final MarketplaceSettings settings;
    private final EmployerSide employerSide;
    private final PostcodeDirectory postcodes;
    private final AuditTrail audit;

    CoverOffers(CoverOfferRepository offers, PaProfileRepository profiles, MatchingRepository matching, MarketplaceSettings settings,
                EmployerSide employerSide, PostcodeDirectory postcodes, AuditTrail audit) {
        this.offers = offers;
        this.profiles = profiles;
        this.matching = matching;
        this.settings = settings;
        this.employerSide = employerSide;
        this.postcodes = postcodes;
        this.audit = audit;
    }

    /** The profile's cover offer (none if the PA has not said). */
    @Transactional(readOnly = true)
    public CoverOffer offerOf(long profileId) {
        return offers.find(profileId).orElseGet(() -> CoverOffer.none(profileId));
    }

    /** The PA changes their own cover offer; anyone else's profile is not found. Offering cover needs at least one time. */
    @Transactional
    public CoverOffer save(SignedInUser pa, long profileId, CoverOffer offer, FormErrors errors) {
        PaProfile profile = profiles.findForUpdate(profileId).filter(p -> PaProfiles.isOwner(pa, p)).orElseThrow(NotFound::new);
        if (offer.offersCover() && offer.availability().isEmpty()) {
            errors.reject("coverTimes", "cover.offer.error.times");
        }
        errors.throwIfAny();
        CoverOffer before = offerOf(profileId);
        CoverOffer saved = new CoverOffer(profileId, offer.offersCover(), offer.notice(), offer.availability());
        offers.save(saved, pa.username());
        audit.record(profile.registeredCouncilId(), "pa_cover_offer", profileId, AuditAction.UPDATE, values(before), values(saved));
        return saved;
    }

    /** Adds an offer as given (demo data), audited as the PA's own change would be. */
    @Transactional
    public CoverOffer create(CoverOffer offer, String by) {
        PaProfile profile = profiles.findById(offer.profileId()).orElseThrow(NotFound::new);
        offers.save(offer, by);
        audit.record(profile.registeredCouncilId(), "pa_cover_offer", offer.profileId(), AuditAction.UPDATE,
                values(CoverOffer.none(offer.profileId())), values(offer));
        return offer;
    }

    private static Map<String, Object> values(CoverOffer offer) {
        return AuditTrail.values("offersCover", offer.offersCover(), "notice", offer.notice().name(),
                "coverTimes", offer.availability().stream().map(AvailabilitySlot::code).toList());
    }

    /** A PA as a cover booking needs them (for the help module's bookings). */
    @Transactional(readOnly = true)
    public Optional<CoverPa> coverPa(long profileId) {
        return profiles.findById(profileId).map(p -> new CoverPa(p.id(), p.userId(), p.displayName(),
                p.status() == PaProfileStatus.LIVE && p.visible(), offerOf(p.id()), p.phone(), p.email()));
    }

    /**
     * Cover PAs for a shift, for the person's side only (the person, a representative, a practitioner
     * of their council); anyone else: not found. Soonest available first, then the best match, then
     * the nearest; at most {@code limit}.
     */
    @Transactional(readOnly = true)
    public List<CoverCandidate> candidates(SignedInUser user, CoverSearch search, int limit) {
        if (!employerSide.mayActFor(user, search.citizenId())) {
            throw new NotFound();
        }
        GeoPoint centre = postcodes.centreOf(search.place());
        int shiftMask = search.shift().mask();
        MatchWants wants = new MatchWants(0, centre.latitude().doubleValue(), centre.longitude().doubleValue(), MAX_COVER_DISTANCE_KM,
                search.hourlyRatePence(), Skill.maskOf(search.skills()), 0, 0, shiftMask, search.interests().size(), null);
        List<MatchingRepository.ProfileCandidate> near = matching.profilesNear(wants, List.of(), search.interests(), search.citizenId(), null);
        Map<Long, Object[]> offering = offers.offering(near.stream().map(c -> c.offer().profileId()).toList());
        MatchScoring scoring = new MatchScoring(settings.weights(search.councilId()));
        record Fit(long id, LocalTime from, CoverNotice notice, MatchScore score) {
        }
        List<Fit> fits = new ArrayList<>();
        for (MatchingRepository.ProfileCandidate candidate : near) {
            Object[] cover = offering.get(candidate.offer().profileId());
            if (cover == null || search.busyProfiles().contains(candidate.offer().profileId())) {
                continue;
            }
            CoverNotice notice = (CoverNotice) cover[0];
            int coverMask = (Integer) cover[1];
            LocalTime from = search.shift().availableFrom(coverMask);
            if (from == null || !notice.fits(search.shift().day(), search.today())) {
                continue;
            }
            // scored on the PA's cover times, not their usual ones
            MatchOffer offer = candidate.offer();
            MatchOffer asCover = new MatchOffer(offer.profileId(), offer.status(), offer.visible(), offer.latitude(), offer.longitude(),
                    offer.travelKm(), offer.hourlyRatePence(), offer.skillsMask(), offer.languagesMask(), coverMask, offer.gender(),
                    offer.employmentBasis());
            double distance = MatchFilter.distanceKm(wants.latitude(), wants.longitude(), offer.latitude(), offer.longitude());
            if (MatchFilter.exclusion(wants, asCover, distance).isEmpty()) {
                fits.add(new Fit(offer.profileId(), from, notice, scoring.score(wants, asCover, candidate.sharedInterests(), distance)));
            }
        }
        // soonest first: a night shift's 00:00 part comes after its 22:00 part
        fits.sort(Comparator.comparingInt((Fit f) -> search.shift().minutesFromStart(f.from()))
                .thenComparing(Comparator.comparingInt((Fit f) -> f.score().score()).reversed())
                .thenComparingDouble(f -> f.score().distanceKm())
                .thenComparingLong(Fit::id));
        List<Fit> page = fits.subList(0, Math.min(limit, fits.size()));
        Map<Long, MatchingRepository.ProfileDetails> details = matching.profileDetails(page.stream().map(Fit::id).toList());
        return page.stream().map(f -> {
            MatchingRepository.ProfileDetails d = details.get(f.id());
            return new CoverCandidate(f.id(), d.displayName(), f.from(), f.notice(), f.score().score(),
                    Vacancies.roundKm(f.score().distanceKm()), search.interests().stream().filter(d.interests()::contains).toList(),
                    d.dbsCheckedOn());
        }).toList();
    }
}
