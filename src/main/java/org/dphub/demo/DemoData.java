package org.dphub.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;
import org.dphub.councils.Council;
import org.dphub.councils.CouncilSettings;
import org.dphub.councils.Councils;
import org.dphub.councils.Nation;
import org.dphub.identity.NewUserAccount;
import org.dphub.identity.UserAccounts;
import org.dphub.marketplace.AvailabilitySlot;
import org.dphub.marketplace.EmploymentBasis;
import org.dphub.marketplace.Gender;
import org.dphub.marketplace.Interest;
import org.dphub.marketplace.Language;
import org.dphub.marketplace.PaProfile;
import org.dphub.marketplace.PaProfileStatus;
import org.dphub.marketplace.PaProfiles;
import org.dphub.marketplace.Skill;
import org.dphub.marketplace.TrainingRecord;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.people.ContactPreference;
import org.dphub.people.NewCitizen;
import org.dphub.people.Representative;
import org.dphub.people.RepresentativeKind;
import org.dphub.payments.BankAccounts;
import org.dphub.payments.BankDetails;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.Money;
import org.dphub.shared.Postcode;
import org.dphub.shared.PostcodeDirectory;
import org.dphub.shared.Role;
import org.dphub.shared.database.EmbeddedDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo councils, people, PAs and accounts. The same every time (a fixed random seed),
 * all in one transaction, and never twice.
 */
@Component
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "demo-password-2026";
    /**
     * The demo finance officers' and administrators' one-time code secret (base32, 20 bytes), in the
     * README so anyone trying the demo can add it to an authentication app. Demo only: the prod
     * profile loads no demo data.
     */
    static final String ONE_TIME_CODE_SECRET = "DEMODEMODEMODEMODEMODEMODEMODEMO";
    static final String[] ACCOUNTS = {"citizen", "representative", "pa", "provider", "practitioner",
            "budget-holder", "dp-team", "finance", "finance2", "admin"};
    /** The one demo account of no council. */
    static final String ANALYST = "analyst@dphub";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final Councils councils;
    private final UserAccounts accounts;
    private final org.dphub.identity.OneTimeCodes oneTimeCodes;
    private final Citizens citizens;
    private final PaProfiles paProfiles;
    private final org.dphub.marketplace.CoverOffers coverOffers;
    private final PostcodeDirectory postcodes;
    private final DemoPlans demoPlans;
    @org.springframework.beans.factory.annotation.Autowired
    private DemoKinds demoKinds;
    private final DemoMarketplace demoMarketplace;
    private final DemoEmployment demoEmployment;
    private final DemoDirectory demoDirectory;
    private final DemoProviderPayments demoProviderPayments;
    @org.springframework.beans.factory.annotation.Autowired
    private DemoServiceFund demoServiceFund;
    private final DemoHelp demoHelp;
    private final BankAccounts bankAccounts;
    private final TransactionTemplate transaction;
    private final DataSource dataSource;
    private final String mode;

    DemoData(Councils councils, UserAccounts accounts, Citizens citizens, PaProfiles paProfiles,
             PostcodeDirectory postcodes, DemoPlans demoPlans, DemoMarketplace demoMarketplace, DemoEmployment demoEmployment,
             DemoDirectory demoDirectory, DemoProviderPayments demoProviderPayments, DemoHelp demoHelp, BankAccounts bankAccounts,
             TransactionTemplate transaction, DataSource dataSource,
             @Value("${dphub.demo-data:auto}") String mode, org.dphub.marketplace.CoverOffers coverOffers,
             org.dphub.identity.OneTimeCodes oneTimeCodes) {
        this.coverOffers = coverOffers;
        this.oneTimeCodes = oneTimeCodes;
        this.councils = councils;
        this.accounts = accounts;
        this.citizens = citizens;
        this.paProfiles = paProfiles;
        this.postcodes = postcodes;
        this.demoPlans = demoPlans;
        this.demoMarketplace = demoMarketplace;
        this.demoEmployment = demoEmployment;
        this.demoDirectory = demoDirectory;
        this.demoProviderPayments = demoProviderPayments;
        this.demoHelp = demoHelp;
        this.bankAccounts = bankAccounts;
        this.transaction = transaction;
        this.dataSource = dataSource;
        this.mode = mode.strip().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean wanted = switch (mode) {
            case "true" -> councils.findByCode("demo-england").isEmpty();
            case "auto" -> dataSource instanceof EmbeddedDataSource && councils.all().isEmpty();
            default -> false;
        };
        if (wanted) {
            long started = System.nanoTime();
            List<DemoEmployment.Payroll> payrolls = transaction.execute(status -> load());
            long loaded = System.nanoTime();
            // a payroll run works in a table of its own transaction, so each council's runs after the load commits
            List<Long> runs = payrolls.stream().map(demoEmployment::pay).flatMap(java.util.Optional::stream).toList();
            demoEmployment.awaitSpending(runs);
            log.info("Demo data loaded in {} ms ({} ms of it the payroll and its spending): sign in as admin@demo-england with password {}",
                    (System.nanoTime() - started) / 1_000_000, (System.nanoTime() - loaded) / 1_000_000, PASSWORD);
        }
    }

    /** Everything but the payroll runs, in one transaction; returns the payroll each council's demo citizen runs next. */
    List<DemoEmployment.Payroll> load() {
        Random random = new Random(20261123L);
        List<DemoEmployment.Payroll> payrolls = new ArrayList<>();
        payrolls.add(loadCouncil(new CouncilPlan("demo-england", "Demo England County Council", "Cyngor Sir Demo Lloegr",
                Nation.ENGLAND, List.of("SY1", "SY2", "SY3", "SY4", "SY5", "SY11", "SY12", "SY13", "TF9", "WV16"),
                Names.ENGLISH_GIVEN, Names.ENGLISH_FAMILY, 0.0), random, 1));
        payrolls.add(loadCouncil(new CouncilPlan("demo-wales", "Demo Wales County Council", "Cyngor Sir Demo Cymru",
                Nation.WALES, List.of("CH4", "CH5", "CH6", "CH7", "CH8", "LL11", "LL12"),
                Names.WELSH_GIVEN, Names.WELSH_FAMILY, 0.3), random, 2));
        // the national analyst belongs to no council: every council's figures, small numbers suppressed (issue 16)
        accounts.create(new NewUserAccount(ANALYST, PASSWORD, "Morgan Price", null, EnumSet.of(Role.NATIONAL_ANALYST), "en"));
        return payrolls;
    }

    record CouncilPlan(String code, String name, String nameCy, Nation nation, List<String> districts,
                       List<String> givenNames, List<String> familyNames, double welshSpeakers) {
    }

    /**
     * One council. {@code random} makes the people, PAs and plans (the same as before the
     * marketplace and employment were added: they use a random of their own, seeded by {@code number}).
     */
    private DemoEmployment.Payroll loadCouncil(CouncilPlan plan, Random random, int number) {
        boolean wales = plan.nation() == Nation.WALES;
        Council council = councils.create(plan.code(), plan.name(), plan.nameCy(), plan.nation(),
                CouncilSettings.defaults(wales).withContact(new org.dphub.councils.CouncilContact(
                        // Ofcom's numbers for drama, and a reserved domain: nobody real is called or written to
                        wales ? "01632 960 482" : "01632 960 127", "direct.payments@" + plan.code() + ".example"))
                        // the example code in NHS England's CLD guidance (release 1): a plausible CASSR code, for the demo only
                        .withCldLaCode(wales ? null : "503"));
        // the council's own account the payments come from, and its prepaid card provider
        bankAccounts.recordAtSetUp(council.id(), "COUNCIL_ACCOUNT", null,
                new BankDetails(plan.name().length() > 70 ? plan.name().substring(0, 70) : plan.name(), wales ? "309012" : "601613",
                        wales ? "10492817" : "38291046", null));
        bankAccounts.recordAtSetUp(council.id(), "CARD_PROVIDER", null,
                new BankDetails("Prepaid Card Services Ltd", "401276", "71839204", null));
        List<PostcodeDirectory.Sector> sectors = plan.districts().stream()
                .flatMap(d -> postcodes.sectorsInDistrict(d).stream())
                .toList();

        List<Citizen> people = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            String given = pick(plan.givenNames(), random);
            String family = pick(plan.familyNames(), random);
            boolean welsh = random.nextDouble() < plan.welshSpeakers() || (wales && i == 1);
            people.add(citizens.create(new NewCitizen(council.id(), "%s-%05d".formatted(wales ? "DW" : "DE", i), given, family,
                    LocalDate.of(1936 + random.nextInt(68), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                    postcodeIn(sectors, random), welsh ? "cy" : "en",
                    ContactPreference.values()[random.nextInt(ContactPreference.values().length)],
                    (given + "." + family).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z.]", "") + "@example.com",
                    "07700 900%03d".formatted(random.nextInt(1000)),
                    random.nextInt(4) == 0 ? pick(Names.COMMUNICATION_NEEDS, random) : null)));
        }

        String domain = plan.code();
        account("practitioner", domain, staffName(plan, random), council, EnumSet.of(Role.PRACTITIONER), "en");
        account("budget-holder", domain, staffName(plan, random), council, EnumSet.of(Role.BUDGET_HOLDER), "en");
        account("dp-team", domain, staffName(plan, random), council, EnumSet.of(Role.DP_TEAM), "en");
        // those who must give a one-time code at sign-in have the README's demo secret set up already
        for (String name : List.of("finance", "finance2", "admin")) {
            long user = account(name, domain, staffName(plan, random), council,
                    EnumSet.of("admin".equals(name) ? Role.COUNCIL_ADMIN : Role.FINANCE), "en");
            oneTimeCodes.setUpForDemo(user, council.id(), ONE_TIME_CODE_SECRET);
        }
        SignedInUser practitioner = accounts.findByUsername("practitioner@" + domain).orElseThrow();

        long citizenUser = account("citizen", domain, people.get(0).fullName(), council, EnumSet.of(Role.CITIZEN),
                wales ? "cy" : "en");
        citizens.linkExistingAccount(practitioner, people.get(0).id(), citizenUser);
        String representativeName = pick(plan.givenNames(), random) + " " + people.get(1).familyName();
        long representativeUser = account("representative", domain, representativeName, council,
                EnumSet.of(Role.REPRESENTATIVE), "en");
        // person 1 lacks capacity: an authorised person (Wales: a suitable person) acts for them;
        // person 2 has capacity and chose the same person as their nominated person
        Representative forOne = citizens.addRepresentative(practitioner, people.get(1).id(), representativeName,
                wales ? RepresentativeKind.SUITABLE_PERSON : RepresentativeKind.AUTHORISED_PERSON, "representative@" + domain);
        citizens.linkRepresentativeAccount(practitioner, people.get(1).id(), forOne.id(), representativeUser);
        Representative forTwo = citizens.addRepresentative(practitioner, people.get(2).id(), representativeName,
                RepresentativeKind.NOMINATED_PERSON, "representative@" + domain);
        citizens.linkRepresentativeAccount(practitioner, people.get(2).id(), forTwo.id(), representativeUser);
        String paGiven = pick(plan.givenNames(), random);
        String paFamily = pick(plan.familyNames(), random);
        long pa = account("pa", domain, paGiven + " " + paFamily, council, EnumSet.of(Role.PERSONAL_ASSISTANT), "en");
        account("provider", domain, wales ? "Cwmni Cymorth Cymunedol" : "Riverside Community Support",
                council, EnumSet.of(Role.PROVIDER), "en");

        PaProfile demoPa = null;
        List<DemoMarketplace.OtherPa> otherPas = new ArrayList<>();
        Set<String> districtsWithAccounts = new java.util.HashSet<>(Set.of(people.get(0).postcode().outward()));
        for (int i = 0; i < 200; i++) {
            GeneratedPa generated = paProfile(i == 0 ? pa : null, council, plan, sectors, random, i);
            PaProfile profile = generated.profile();
            if (i == 0) {
                demoPa = paProfiles.create(demoPaProfile(profile, paGiven, paFamily, people.get(0), plan));
                continue;
            }
            // a few PAs in other districts sign in too, so they can be introduced and hired as the demo PA is
            if (otherPas.size() < DemoMarketplace.OTHER_PAS && profile.status() == PaProfileStatus.LIVE && profile.visible()
                    && districtsWithAccounts.add(profile.homePostcode().outward())) {
                long user = accounts.create(new NewUserAccount(profile.email(), PASSWORD,
                        generated.givenName() + " " + generated.familyName(), council.id(), EnumSet.of(Role.PERSONAL_ASSISTANT), "en"));
                PaProfile created = paProfiles.create(withUser(profile, user));
                otherPas.add(new DemoMarketplace.OtherPa(accounts.findByUsername(profile.email()).orElseThrow(), created));
            } else {
                paProfiles.create(profile);
            }
        }
        demoPlans.load(practitioner, people, random);
        // issue 18: the demo PA, and the first other PA who signs in, do cover work at short notice
        List<org.dphub.marketplace.AvailabilitySlot> days = new ArrayList<>();
        for (java.time.DayOfWeek day : java.time.DayOfWeek.values()) {
            days.add(new org.dphub.marketplace.AvailabilitySlot(day, org.dphub.marketplace.AvailabilitySlot.PartOfDay.MORNING));
            days.add(new org.dphub.marketplace.AvailabilitySlot(day, org.dphub.marketplace.AvailabilitySlot.PartOfDay.AFTERNOON));
        }
        coverOffers.create(new org.dphub.marketplace.CoverOffer(demoPa.id(), true, org.dphub.marketplace.CoverNotice.SAME_DAY, days),
                "pa@" + domain);
        if (!otherPas.isEmpty()) {
            coverOffers.create(new org.dphub.marketplace.CoverOffer(otherPas.get(0).profile().id(), true,
                    org.dphub.marketplace.CoverNotice.NEXT_DAY, days), otherPas.get(0).profile().email());
        }

        // the marketplace and employment use their own random numbers, so the people, PAs and plans above stay as they were
        Random more = new Random(20261203L + number);
        DemoMarketplace.Cast cast = new DemoMarketplace.Cast(people,
                accounts.findByUsername("citizen@" + domain).orElseThrow(),
                accounts.findByUsername("representative@" + domain).orElseThrow(), practitioner,
                accounts.findByUsername("pa@" + domain).orElseThrow(), demoPa, otherPas);
        LocalDate workStarted = demoEmployment.startFor(practitioner, people.get(0));
        DemoMarketplace.Hired hired = demoMarketplace.load(cast, workStarted, more);
        DemoDirectory.Loaded directory = demoDirectory.load(council, plan.districts());
        demoProviderPayments.load(council, directory, people);
        demoServiceFund.load(council, directory, people);
        demoHelp.load(domain, wales, people);
        demoKinds.load(council, domain, wales, practitioner, people);
        return demoEmployment.employ(cast.citizen(), cast.pa(), people.get(0), paGiven, paFamily, hired, wales);
    }

    /**
     * The demo PA: the account's name on the profile ("Sophie Hall" is "Sophie H."), living
     * near the demo citizen, with skills, interests and times that the demo vacancies ask for,
     * and the sign-in as the contact email (so a hire sets up their pay with their own account).
     */
    private static PaProfile demoPaProfile(PaProfile generated, String given, String family, Citizen near, CouncilPlan plan) {
        boolean wales = plan.nation() == Nation.WALES;
        String unit = generated.homePostcode().value().substring(generated.homePostcode().value().length() - 2);
        Set<Language> languages = wales ? EnumSet.of(Language.ENGLISH, Language.WELSH) : EnumSet.of(Language.ENGLISH);
        List<AvailabilitySlot> availability = new ArrayList<>();
        for (var day : List.of(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.TUESDAY, java.time.DayOfWeek.WEDNESDAY,
                java.time.DayOfWeek.THURSDAY, java.time.DayOfWeek.FRIDAY)) {
            availability.add(new AvailabilitySlot(day, AvailabilitySlot.PartOfDay.MORNING));
            availability.add(new AvailabilitySlot(day, AvailabilitySlot.PartOfDay.AFTERNOON));
        }
        availability.add(new AvailabilitySlot(java.time.DayOfWeek.SATURDAY, AvailabilitySlot.PartOfDay.AFTERNOON));
        List<Interest> interests = wales ? List.of(Interest.RUGBY, Interest.WALKING, Interest.MUSIC, Interest.COOKING)
                : List.of(Interest.FOOTBALL, Interest.WALKING, Interest.MUSIC, Interest.COOKING);
        String about = "I'm " + given + ". I enjoy " + (wales ? "rugby" : "football")
                + ", walking, music and cooking, and I like helping people do the things that matter to them.";
        return new PaProfile(0, generated.userId(), generated.registeredCouncilId(), given + " " + family.charAt(0) + ".", about,
                generated.experience(), Postcode.parse(near.postcode().sector() + unit), 25, Money.ofPence(1300),
                EmploymentBasis.EITHER,
                EnumSet.of(Skill.PERSONAL_CARE, Skill.MOVING_AND_HANDLING, Skill.DRIVING, Skill.COOKING, Skill.COMMUNITY_ACCESS,
                        Skill.EMOTIONAL_SUPPORT),
                interests.stream().map(Interest::tag).collect(java.util.stream.Collectors.toSet()), languages, availability, true,
                PaProfileStatus.LIVE, generated.phone(), "pa@" + plan.code(), true, generated.checks(), generated.gender(),
                generated.training());
    }

    private static PaProfile withUser(PaProfile p, long userId) {
        return new PaProfile(p.id(), userId, p.registeredCouncilId(), p.displayName(), p.about(), p.experience(), p.homePostcode(),
                p.travelKm(), p.hourlyRate(), p.employmentBasis(), p.skills(), p.interests(), p.languages(), p.availability(),
                p.visible(), p.status(), p.phone(), p.email(), p.codeOfConductAccepted(), p.checks(), p.gender(), p.training());
    }

    /** A generated profile and the names it was made from. */
    private record GeneratedPa(PaProfile profile, String givenName, String familyName) {
    }

    private long account(String name, String domain, String displayName, Council council, Set<Role> roles, String language) {
        return accounts.create(new NewUserAccount(name + "@" + domain, PASSWORD, displayName, council.id(), roles, language));
    }

    private static String staffName(CouncilPlan plan, Random random) {
        return pick(plan.givenNames(), random) + " " + pick(plan.familyNames(), random);
    }

    private GeneratedPa paProfile(Long userId, Council council, CouncilPlan plan, List<PostcodeDirectory.Sector> sectors,
                                  Random random, int index) {
        Set<Skill> skills = some(Skill.class, 2 + random.nextInt(5), random);
        Set<Interest> interests = some(Interest.class, 1 + random.nextInt(4), random);
        Set<Language> languages = EnumSet.of(Language.ENGLISH);
        if (plan.nation() == Nation.WALES && random.nextDouble() < 0.35) {
            languages.add(Language.WELSH);
        }
        if (random.nextInt(15) == 0) {
            languages.add(Language.BRITISH_SIGN_LANGUAGE);
        }
        if (random.nextInt(8) == 0) {
            languages.add(Language.values()[3 + random.nextInt(Language.values().length - 3)]);
        }
        List<AvailabilitySlot> availability = new ArrayList<>();
        for (var day : java.time.DayOfWeek.values()) {
            for (var part : AvailabilitySlot.PartOfDay.values()) {
                double chance = part == AvailabilitySlot.PartOfDay.NIGHT ? 0.1 : 0.45;
                if (random.nextDouble() < chance) {
                    availability.add(new AvailabilitySlot(day, part));
                }
            }
        }
        if (availability.isEmpty()) {
            availability.add(new AvailabilitySlot(java.time.DayOfWeek.MONDAY, AvailabilitySlot.PartOfDay.MORNING));
        }
        String given = pick(plan.givenNames(), random);
        PaProfileStatus status = userId != null ? PaProfileStatus.LIVE
                : index % 17 == 0 ? PaProfileStatus.AWAITING_CHECKS
                : index % 53 == 0 ? PaProfileStatus.SUSPENDED : PaProfileStatus.LIVE;
        String interestWords = interests.stream().map(i -> i.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                .sorted().reduce((a, b) -> a + ", " + b).orElse("meeting people");
        String family = pick(plan.familyNames(), random);
        boolean checked = status != PaProfileStatus.AWAITING_CHECKS;
        return new GeneratedPa(new PaProfile(0, userId, council.id(), given + " " + family.charAt(0) + ".",
                "I'm " + given + ". I enjoy " + interestWords + ", and I like helping people do the things that matter to them.",
                (1 + random.nextInt(15)) + " years supporting people in their own homes and out and about.",
                postcodeIn(sectors, random), 5 + random.nextInt(26),
                // between the National Living Wage 2026 (£12.71) and £17.50
                Money.ofPence(1271 + random.nextInt(480)),
                EmploymentBasis.values()[random.nextInt(EmploymentBasis.values().length)],
                skills, interests.stream().map(Interest::tag).collect(java.util.stream.Collectors.toSet()), languages,
                availability, random.nextInt(100) < 85 || userId != null, status,
                "07700 9%05d".formatted(index), "pa" + index + "@" + plan.code() + ".example", true,
                checked ? new PaProfile.Checks(true, true, LocalDate.of(2026, 1, 5), "dp-team@" + plan.code(), null)
                        : PaProfile.Checks.NONE,
                // from the index, not the random numbers, so the rest of the demo data stays as it was
                index % 7 == 0 ? null : index % 2 == 0 ? Gender.FEMALE : Gender.MALE,
                index % 3 == 0 ? List.of(new TrainingRecord("Care Certificate", LocalDate.of(2024, 1 + index % 12, 1 + index % 28),
                        List.of("Understand your role", "Duty of care", "Privacy and dignity", "Safeguarding adults"))) : List.of()),
                given, family);
    }

    private static Postcode postcodeIn(List<PostcodeDirectory.Sector> sectors, Random random) {
        PostcodeDirectory.Sector sector = sectors.get(random.nextInt(sectors.size()));
        String letters = "ABDEFGHJLNPQRSTUWXYZ";
        return Postcode.parse(sector.sector() + letters.charAt(random.nextInt(letters.length()))
                + letters.charAt(random.nextInt(letters.length())));
    }

    private static <E extends Enum<E>> Set<E> some(Class<E> type, int count, Random random) {
        E[] values = type.getEnumConstants();
        Set<E> set = EnumSet.noneOf(type);
        while (set.size() < Math.min(count, values.length)) {
            set.add(values[random.nextInt(values.length)]);
        }
        return set;
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }
}
