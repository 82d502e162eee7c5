package org.dphub.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.dphub.marketplace.AvailabilitySlot;
import org.dphub.marketplace.AvailabilitySlot.PartOfDay;
import org.dphub.marketplace.Interest;
import org.dphub.marketplace.Introduction;
import org.dphub.marketplace.Introductions;
import org.dphub.marketplace.PaProfile;
import org.dphub.marketplace.Skill;
import org.dphub.marketplace.Vacancies;
import org.dphub.marketplace.Vacancy;
import org.dphub.people.Citizen;
import org.dphub.plans.CarePlans;
import org.dphub.shared.Money;
import org.dphub.shared.PostcodeDirectory;
import org.dphub.shared.SignedInUser;
import org.springframework.stereotype.Component;

/**
 * Find a PA, as the demo people would have used it, through the marketplace's public face (so
 * its rules and the audit trail apply): vacancies written around the person's outcomes by the
 * demo citizen, the demo representative and a practitioner; introductions in every state; and
 * hires at agreed rates in several postcode districts, so the rates of pay page has something to show.
 *
 * <pre>
 * vacancy (who posts it, for whom)                  introductions
 * help at home      (citizen, person 1)             demo PA: HIRED, after a few messages
 * weekend company   (citizen, person 1)             demo PA: INTERESTED; another PA: DECLINED
 * meals             (representative, person 2)      demo PA: CONNECTED, with messages; another PA: BLOCKED
 * keeping active    (representative, person 3)      demo PA: INVITED
 * morning visits    (practitioner, the person nearest the demo PA)   none yet: open, and it matches the demo PA
 * one per other PA  (practitioner, a person in that PA's district)   that PA: HIRED
 * </pre>
 */
@Component
class DemoMarketplace {

    /** PAs besides the demo PA who can sign in (and so accept, decline, and be hired). */
    static final int OTHER_PAS = 4;

    /** A PA with an account: their sign-in and their profile. */
    record OtherPa(SignedInUser user, PaProfile profile) {
    }

    /** Who takes part: the council's people (the demo citizen first) and the demo accounts. */
    record Cast(List<Citizen> people, SignedInUser citizen, SignedInUser representative, SignedInUser practitioner, SignedInUser pa,
                PaProfile paProfile, List<OtherPa> otherPas) {
    }

    /** The demo citizen hired the demo PA at this rate, from this day. */
    record Hired(Money hourlyRate, LocalDate startDate, BigDecimal hoursPerWeek) {
    }

    private final Vacancies vacancies;
    private final Introductions introductions;
    private final CarePlans plans;
    private final PostcodeDirectory postcodes;
    private final Clock clock;

    DemoMarketplace(Vacancies vacancies, Introductions introductions, CarePlans plans, PostcodeDirectory postcodes, Clock clock) {
        this.vacancies = vacancies;
        this.introductions = introductions;
        this.plans = plans;
        this.postcodes = postcodes;
        this.clock = clock;
    }

    Hired load(Cast cast, LocalDate workStarted, Random random) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/London")));
        Citizen first = cast.people().get(0);
        Citizen second = cast.people().get(1);
        Citizen third = cast.people().get(2);
        PaProfile pa = cast.paProfile();
        OtherPa declining = cast.otherPas().isEmpty() ? null : cast.otherPas().get(0);
        OtherPa blocked = cast.otherPas().size() < 2 ? null : cast.otherPas().get(1);

        // --- the demo citizen hired the demo PA, after a few messages
        Hired hired = new Hired(Money.ofPence(1350), workStarted, new BigDecimal("6.5"));
        Vacancy atHome = post(cast.citizen(), first, Words.of(first).atHome(), outcomesOf(cast.practitioner(), first),
                tags(Interest.WALKING, Interest.COOKING), EnumSet.of(Skill.PERSONAL_CARE, Skill.COOKING, Skill.COMMUNITY_ACCESS),
                mustHaves(first, "personal-care"), List.of(slot(DayOfWeek.TUESDAY, PartOfDay.MORNING),
                        slot(DayOfWeek.SATURDAY, PartOfDay.AFTERNOON), slot(DayOfWeek.SUNDAY, PartOfDay.AFTERNOON)),
                15, hired.hoursPerWeek(), hired.hourlyRate(), workStarted);
        Introduction hiring = introductions.invite(cast.citizen(), atHome.id(), pa.id());
        introductions.accept(cast.pa(), hiring.id());
        Words citizenWords = Words.of(first);
        introductions.send(cast.pa(), hiring.id(), citizenWords.paHello(first.givenName()));
        introductions.send(cast.citizen(), hiring.id(), citizenWords.citizenReply(pa.displayName().split(" ")[0]));
        introductions.send(cast.pa(), hiring.id(), citizenWords.paAgrees());
        introductions.hire(cast.citizen(), hiring.id(), hired.hourlyRate(), workStarted);

        // --- a second vacancy of theirs: the demo PA is interested; another PA was invited and declined
        Vacancy weekends = post(cast.citizen(), first, Words.of(first).weekends(),
                List.of(Words.of(first).weekendOutcome()), tags(Interest.WALKING, Interest.MUSIC, Interest.CINEMA),
                EnumSet.of(Skill.COMMUNITY_ACCESS, Skill.DRIVING), mustHaves(first, "driving"),
                List.of(slot(DayOfWeek.SATURDAY, PartOfDay.AFTERNOON), slot(DayOfWeek.SUNDAY, PartOfDay.MORNING)),
                20, new BigDecimal("4"), Money.ofPence(1350), today.plusWeeks(3));
        introductions.expressInterest(cast.pa(), pa.id(), weekends.id());
        if (declining != null) {
            Introduction invited = introductions.invite(cast.citizen(), weekends.id(), declining.profile().id());
            introductions.decline(declining.user(), invited.id());
        }

        // --- the representative's two people: talking to the demo PA (one PA blocked), and an invitation waiting
        Vacancy meals = post(cast.representative(), second, Words.of(second).meals(second.givenName()),
                outcomesOf(cast.practitioner(), second), tags(Interest.COOKING, Interest.MUSIC),
                EnumSet.of(Skill.COOKING, Skill.PERSONAL_CARE, Skill.MEDICATION_SUPPORT), mustHaves(second, "cooking"),
                List.of(slot(DayOfWeek.MONDAY, PartOfDay.MORNING), slot(DayOfWeek.WEDNESDAY, PartOfDay.MORNING),
                        slot(DayOfWeek.FRIDAY, PartOfDay.MORNING)),
                30, new BigDecimal("9"), Money.ofPence(1375), today.plusWeeks(4));
        Introduction talking = introductions.invite(cast.representative(), meals.id(), pa.id());
        introductions.accept(cast.pa(), talking.id());
        introductions.send(cast.representative(), talking.id(), "Hello, thank you for agreeing to talk. " + second.givenName()
                + " would like help with breakfast and lunch. Could you do Monday and Wednesday mornings?");
        introductions.send(cast.pa(), talking.id(), "Hello, yes, Monday and Wednesday mornings suit me well. "
                + "I could come and meet you both next week.");
        introductions.send(cast.representative(), talking.id(), "Lovely. Would Tuesday at 2pm at the house be all right?");
        if (blocked != null) {
            Introduction interest = introductions.expressInterest(blocked.user(), blocked.profile().id(), meals.id());
            introductions.block(cast.representative(), interest.id());
        }
        Vacancy active = post(cast.representative(), third, Words.of(third).keepingActive(),
                outcomesOf(cast.practitioner(), third), tags(Interest.SWIMMING, Interest.WALKING),
                EnumSet.of(Skill.COMMUNITY_ACCESS, Skill.EMOTIONAL_SUPPORT), mustHaves(third, "community-access"),
                List.of(slot(DayOfWeek.TUESDAY, PartOfDay.AFTERNOON), slot(DayOfWeek.THURSDAY, PartOfDay.AFTERNOON)),
                30, new BigDecimal("5"), Money.ofPence(1325), today.plusWeeks(2));
        introductions.invite(cast.representative(), active.id(), pa.id());

        // --- a practitioner posts for the person who lives nearest the demo PA: open, no introductions yet
        Set<Long> used = new HashSet<>(List.of(first.id(), second.id(), third.id()));
        Citizen nearPa = nearest(cast, pa, used, null);
        if (nearPa != null) {
            used.add(nearPa.id());
            post(cast.practitioner(), nearPa, Words.of(nearPa).mornings(), outcomesOf(cast.practitioner(), nearPa),
                    tags(Interest.MUSIC, Interest.READING), EnumSet.of(Skill.PERSONAL_CARE, Skill.MOVING_AND_HANDLING),
                    mustHaves(nearPa, "personal-care"), weekdayMornings(), 20, new BigDecimal("7.5"), Money.ofPence(1360), today.plusDays(10));
        }

        // --- the other PAs: each hired by a practitioner for a person in their own district, at a rate agreed
        int n = 0;
        for (OtherPa other : cast.otherPas()) {
            Citizen person = nearest(cast, other.profile(), used, other.profile().homePostcode().outward());
            if (person == null) {
                continue;
            }
            used.add(person.id());
            PaProfile profile = other.profile();
            List<Skill> skills = profile.skills().stream().sorted().limit(2).toList();
            List<AvailabilitySlot> times = profile.availability().stream().limit(3).toList();
            // at least the PA's own rate, rounded up to 5p, and up to 60p more
            long rate = ((profile.hourlyRate().pence() + 4) / 5) * 5 + 5L * random.nextInt(13);
            LocalDate start = today.minusDays(7L + random.nextInt(60));
            Vacancy vacancy = post(cast.practitioner(), person, Words.of(person).forHire(n), outcomesOf(cast.practitioner(), person),
                    profile.interests().stream().sorted().limit(1).toList(),
                    skills.isEmpty() ? EnumSet.noneOf(Skill.class) : EnumSet.copyOf(skills),
                    skills.isEmpty() ? List.of() : List.of(skills.get(0).code()), times, 25,
                    BigDecimal.valueOf(4 + random.nextInt(12)), Money.ofPence(rate), start);
            Introduction introduction = introductions.invite(cast.practitioner(), vacancy.id(), profile.id());
            introductions.accept(other.user(), introduction.id());
            introductions.hire(cast.practitioner(), introduction.id(), Money.ofPence(rate), start);
            n++;
        }
        return hired;
    }

    private Vacancy post(SignedInUser by, Citizen person, String title, List<String> outcomes, List<String> interests,
                         Set<Skill> skillsWanted, List<String> mustHaves, List<AvailabilitySlot> availability, int maxDistanceKm,
                         BigDecimal hoursPerWeek, Money rate, LocalDate start) {
        Vacancy input = new Vacancy(0, person.councilId(), person.id(), title, outcomes,
                interests, skillsWanted, mustHaves, availability, person.postcode(), maxDistanceKm,
                hoursPerWeek, rate, start, null, null, null, null, by.username());
        return vacancies.post(by, input).vacancy();
    }

    /** The outcomes of the person's plan, as they wrote them with their practitioner; one of our own when they have no plan. */
    private List<String> outcomesOf(SignedInUser practitioner, Citizen person) {
        return plans.plansOf(practitioner, person.id()).stream().findFirst().map(p -> p.latest().outcomes())
                .filter(o -> !o.isEmpty())
                .orElse(List.of(Words.of(person).ownHome()));
    }

    private static List<String> tags(Interest... interests) {
        return java.util.Arrays.stream(interests).map(Interest::tag).toList();
    }

    /** Welsh speakers ask for a PA who speaks Welsh. */
    private static List<String> mustHaves(Citizen person, String skill) {
        return "cy".equals(person.preferredLanguage()) ? List.of(skill, "cy") : List.of(skill);
    }

    /**
     * The person (not one already used) nearest the PA, preferring those in {@code district}; at
     * most 20 km away, so the vacancy is one the PA would travel to.
     */
    private Citizen nearest(Cast cast, PaProfile pa, Set<Long> used, String district) {
        return cast.people().stream().filter(p -> !used.contains(p.id()))
                .filter(p -> postcodes.distanceKm(p.postcode(), pa.homePostcode()) <= 20)
                .min(Comparator.comparing((Citizen p) -> district != null && !p.postcode().outward().equals(district))
                        .thenComparingDouble(p -> postcodes.distanceKm(p.postcode(), pa.homePostcode()))
                        .thenComparingLong(Citizen::id))
                .orElse(null);
    }

    private static AvailabilitySlot slot(DayOfWeek day, PartOfDay part) {
        return new AvailabilitySlot(day, part);
    }

    private static List<AvailabilitySlot> weekdayMornings() {
        return List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY).stream()
                .map(d -> slot(d, PartOfDay.MORNING)).toList();
    }

    /** What a vacancy says, in the person's language: Welsh speakers write in Welsh. */
    private record Words(boolean welsh) {

        static Words of(Citizen person) {
            return new Words("cy".equals(person.preferredLanguage()));
        }

        String atHome() {
            return welsh ? "Cynorthwy-ydd personol i fy helpu gartref ac i fynd allan"
                    : "A PA to help me at home and to get out and about";
        }

        String weekends() {
            return welsh ? "Cwmni ar y penwythnos i fynd am dro ac i'r caffi" : "Company at the weekend for walks and the café";
        }

        String weekendOutcome() {
            return welsh ? "Mynd allan am dro ar y penwythnos" : "Get out for a walk at the weekend";
        }

        String meals(String name) {
            return welsh ? "Cymorth i " + name + " gyda brecwast a chinio" : "Help for " + name + " with breakfast and lunch";
        }

        String keepingActive() {
            return welsh ? "Cymorth i gadw'n heini a gweld ffrindiau" : "Help to keep active and see friends";
        }

        String mornings() {
            return welsh ? "Ymweliadau yn y bore: codi a pharatoi ar gyfer y diwrnod"
                    : "Morning visits: getting up and ready for the day";
        }

        String ownHome() {
            return welsh ? "Aros yn byw yn fy nghartref fy hun" : "Stay living in my own home";
        }

        String forHire(int n) {
            List<String> english = List.of("Help with shopping and cooking", "Support to get to college and see friends",
                    "Evening support at home", "A PA for days out and appointments");
            List<String> cymraeg = List.of("Cymorth gyda siopa a choginio", "Cymorth i fynd i'r coleg a gweld ffrindiau",
                    "Cymorth gyda'r nos gartref", "Cynorthwy-ydd personol ar gyfer diwrnodau allan ac apwyntiadau");
            return (welsh ? cymraeg : english).get(n % english.size());
        }

        String paHello(String name) {
            return welsh ? "Helo " + name + ", diolch am y gwahoddiad. Mae boreau Mawrth a phrynhawniau Sadwrn yn gyfleus i mi."
                    : "Hello " + name + ", thank you for the invitation. Tuesday mornings and Saturday afternoons suit me.";
        }

        String citizenReply(String name) {
            return welsh ? "Diolch " + name + ". Allwch chi ddod am baned ddydd Iau i ni gael sgwrs?"
                    : "Thank you " + name + ". Could you come round for a cup of tea on Thursday so we can talk?";
        }

        String paAgrees() {
            return welsh ? "Gallaf. Fe wela i chi ddydd Iau am 10." : "Yes, I can. See you on Thursday at 10.";
        }
    }
}
