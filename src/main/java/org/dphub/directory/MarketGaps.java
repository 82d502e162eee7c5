package org.dphub.directory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.dphub.directory.internal.ServiceSearchRepository;
import org.dphub.marketplace.Vacancies;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.plans.CarePlans;
import org.dphub.shared.GeoPoint;
import org.dphub.shared.Postcode;
import org.dphub.shared.PostcodeDirectory;
import org.dphub.shared.SignedInUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gaps in the market, for the DP team and commissioners: per postcode district, the outcomes and
 * needs in live plans (people with an active direct payment) that no published service meets within
 * {@value #NEAR_KM} km of the person, and PA vacancies open more than {@value #LONG_OPEN_DAYS} days.
 * Only the staff member's own council's people are counted; nobody is named.
 */
@Service
public class MarketGaps {

    public static final int NEAR_KM = 10;
    public static final int LONG_OPEN_DAYS = 28;

    /** An outcome nobody near offers, and how many people in the district need it. */
    public record MissingOutcome(UUID termId, String name, int people) {
    }

    /**
     * One district: where its centre is (the mean of its sectors' centres), the outcomes missing there,
     * how many people have at least one, and the vacancies open too long. {@code gaps} is the missing
     * outcomes plus those vacancies: what the chart draws.
     */
    public record District(String district, GeoPoint centre, List<MissingOutcome> missing, int people, int longOpenVacancies) {

        public int gaps() {
            return missing.size() + longOpenVacancies;
        }
    }

    private final CarePlans plans;
    private final Citizens citizens;
    private final Vacancies vacancies;
    private final ServiceSearchRepository services;
    private final ServiceSearch search;
    private final PostcodeDirectory postcodes;
    private final Clock clock;

    MarketGaps(CarePlans plans, Citizens citizens, Vacancies vacancies, ServiceSearchRepository services, ServiceSearch search,
               PostcodeDirectory postcodes, Clock clock) {
        this.plans = plans;
        this.citizens = citizens;
        this.vacancies = vacancies;
        this.services = services;
        this.search = search;
        this.postcodes = postcodes;
        this.clock = clock;
    }

    /** The staff member's council's gaps, districts in name order; districts with no gap are left out. */
    @Transactional(readOnly = true)
    public List<District> forCouncil(SignedInUser staff, Locale locale) {
        if (staff.councilId() == null || !staff.isStaff()) {
            return List.of();
        }
        long council = staff.councilId();
        List<CarePlans.LiveOutcomeTerm> live = plans.liveOutcomeTerms(staff, council);
        Map<Long, Citizen> people = citizens.findAll(staff, live.stream().map(CarePlans.LiveOutcomeTerm::citizenId).distinct().toList());
        List<ServiceSearchRepository.Need> needs = new ArrayList<>();
        List<CarePlans.LiveOutcomeTerm> needed = new ArrayList<>();
        for (CarePlans.LiveOutcomeTerm t : live) {
            Citizen person = people.get(t.citizenId());
            if (person == null) {
                continue;
            }
            GeoPoint at = postcodes.findSector(person.postcode()).map(PostcodeDirectory.Sector::centre).orElse(null);
            if (at == null) {
                continue;
            }
            needs.add(new ServiceSearchRepository.Need(needs.size(), at.latitude().doubleValue(), at.longitude().doubleValue(), t.termId()));
            needed.add(t);
        }
        Set<Integer> met = new java.util.HashSet<>(services.met(needs, NEAR_KM));
        Map<UUID, String> names = new LinkedHashMap<>();
        search.terms(locale).forEach(t -> names.put(t.id(), t.name()));

        // district -> term -> people
        Map<String, Map<UUID, Set<Long>>> missing = new TreeMap<>();
        for (int i = 0; i < needed.size(); i++) {
            if (met.contains(i)) {
                continue;
            }
            CarePlans.LiveOutcomeTerm t = needed.get(i);
            String district = people.get(t.citizenId()).postcode().outward();
            missing.computeIfAbsent(district, k -> new LinkedHashMap<>()).computeIfAbsent(t.termId(), k -> new TreeSet<>()).add(t.citizenId());
        }
        Map<String, Integer> longOpen = new TreeMap<>();
        for (Vacancies.OpenVacancy v : vacancies.openPostedBefore(staff, council, clock.instant().minus(Duration.ofDays(LONG_OPEN_DAYS)))) {
            if (Postcode.isValid(v.postcode())) {
                longOpen.merge(Postcode.parse(v.postcode()).outward(), 1, Integer::sum);
            }
        }
        Set<String> districts = new TreeSet<>(missing.keySet());
        districts.addAll(longOpen.keySet());
        List<District> result = new ArrayList<>();
        for (String district : districts) {
            Map<UUID, Set<Long>> terms = missing.getOrDefault(district, Map.of());
            List<MissingOutcome> outcomes = terms.entrySet().stream()
                    .map(e -> new MissingOutcome(e.getKey(), names.getOrDefault(e.getKey(), e.getKey().toString()), e.getValue().size()))
                    .sorted(Comparator.comparing(MissingOutcome::people).reversed().thenComparing(MissingOutcome::name))
                    .toList();
            int peopleWithGap = (int) terms.values().stream().flatMap(Set::stream).distinct().count();
            result.add(new District(district, centre(district), outcomes, peopleWithGap, longOpen.getOrDefault(district, 0)));
        }
        return result;
    }

    /** The mean of the district's sector centres; null for a district the sector list does not know. */
    private GeoPoint centre(String district) {
        var sectors = postcodes.sectorsInDistrict(district);
        if (sectors.isEmpty()) {
            return null;
        }
        double lat = sectors.stream().mapToDouble(s -> s.centre().latitude().doubleValue()).average().orElse(0);
        double lon = sectors.stream().mapToDouble(s -> s.centre().longitude().doubleValue()).average().orElse(0);
        return new GeoPoint(java.math.BigDecimal.valueOf(lat), java.math.BigDecimal.valueOf(lon));
    }
}
