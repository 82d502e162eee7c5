package org.dphub.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.dphub.councils.CouncilSettings;
import org.dphub.councils.Councils;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.people.HouseholdMember;
import org.dphub.people.Relationship;
import org.dphub.people.Representative;
import org.dphub.people.RepresentativeKind;
import org.dphub.plans.AccountType;
import org.dphub.plans.BudgetLine;
import org.dphub.plans.BudgetLineKind;
import org.dphub.plans.CarePlans;
import org.dphub.plans.DirectPayment;
import org.dphub.plans.DirectPaymentRequest;
import org.dphub.plans.DirectPayments;
import org.dphub.plans.HowNeedsMet;
import org.dphub.plans.NewPlanVersion;
import org.dphub.plans.ReviewReason;
import org.dphub.shared.Money;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Demo plans and direct payments, written through the same public faces a practitioner uses:
 * most demo people have a plan; most of those a direct payment, some still waiting for the
 * person to agree, a few with a review overdue. A Welsh speaker's plan (outcomes, needs, budget
 * lines, contingency plan, reviews) is in Welsh; the random numbers drawn are the same either way.
 */
@Component
class DemoPlans {

    private static final List<String> OUTCOMES = List.of(
            "Keep going to football with my brother on Saturdays",
            "Stay living in my own home",
            "Have a proper break from caring once a week",
            "See my friends at the community café on Thursdays",
            "Learn to cook simple meals for myself",
            "Get to chapel on Sunday mornings",
            "Go swimming twice a week to keep my strength up",
            "Feel safe getting washed and dressed in the morning",
            "Keep up my allotment in the summer",
            "Get to my college course in town");

    /** The same outcomes as Welsh speakers write them, in the same order. */
    private static final List<String> OUTCOMES_CY = List.of(
            "Dal i fynd i'r pêl-droed gyda fy mrawd ar ddydd Sadwrn",
            "Aros yn byw yn fy nghartref fy hun",
            "Cael seibiant go iawn o ofalu unwaith yr wythnos",
            "Gweld fy ffrindiau yn y caffi cymunedol ar ddydd Iau",
            "Dysgu coginio prydau syml i mi fy hun",
            "Mynd i'r capel ar fore Sul",
            "Mynd i nofio ddwywaith yr wythnos i gadw'n gryf",
            "Teimlo'n ddiogel wrth ymolchi a gwisgo yn y bore",
            "Dal ati gyda fy rhandir yn yr haf",
            "Mynd i fy nghwrs yn y coleg yn y dref");

    /**
     * What the plan says in the person's language: a Welsh speaker's plan is written in Welsh
     * (the Welsh Language Standards), everyone else's in English.
     */
    private record Words(List<String> outcomes, String needs, String contingency, String paSupport, String leisure,
                         String equipment, String necessity, String reviewWell, String reviewHard) {

        static final Words ENGLISH = new Words(OUTCOMES,
                "Needs support with personal care and getting out into the community.",
                "If my PA is off sick, my sister will help in the morning and I will call the council's duty team.",
                "Personal assistant support", "Leisure centre membership", "Equipment to help at home",
                "Their partner is the only person they will accept personal care from; two agencies could not staff the calls.",
                "The PA is reliable and %s is getting out more.", "Finding cover at weekends is hard.");
        static final Words WELSH = new Words(OUTCOMES_CY,
                "Angen cymorth gyda gofal personol ac i fynd allan yn y gymuned.",
                "Os bydd fy nghynorthwy-ydd personol yn sâl, bydd fy chwaer yn helpu yn y bore a byddaf yn ffonio tîm dyletswydd y cyngor.",
                "Cymorth gan gynorthwy-ydd personol", "Aelodaeth canolfan hamdden", "Offer i helpu yn y cartref",
                "Eu partner yw'r unig un y byddant yn derbyn gofal personol ganddo; ni allai dwy asiantaeth ddod o hyd i staff ar gyfer yr ymweliadau.",
                "Mae'r cynorthwy-ydd personol yn ddibynadwy ac mae %s yn mynd allan yn amlach.",
                "Mae'n anodd cael rhywun i gyflenwi ar y penwythnos.");

        static Words of(Citizen person) {
            return "cy".equals(person.preferredLanguage()) ? WELSH : ENGLISH;
        }
    }

    /** Issue 18: the demo citizen's contingency plan, who steps in if their PA cannot come (no random numbers drawn). */
    private static List<org.dphub.plans.ContingencyArrangement> contingencyOf(Words words) {
        boolean welsh = words == Words.WELSH;
        return List.of(
                new org.dphub.plans.ContingencyArrangement(org.dphub.plans.ContingencyKind.FAMILY_OR_FRIEND,
                        welsh ? "Fy chwaer, Elin" : "My sister, Helen", "07700 900456",
                        welsh ? "Yn gallu helpu yn y bore cyn gwaith" : "Can help in the morning before work"),
                new org.dphub.plans.ContingencyArrangement(org.dphub.plans.ContingencyKind.AGENCY,
                        welsh ? "Gofal Cartref y Gororau" : "Marches Home Care", "01743 960 222", ""),
                new org.dphub.plans.ContingencyArrangement(org.dphub.plans.ContingencyKind.FIND_COVER, "", "",
                        welsh ? "Chwilio am rywun ar y gofrestr i gyflenwi" : "Look for a cover PA on the register"));
    }

    private final CarePlans plans;
    private final DirectPayments directPayments;
    private final Citizens citizens;
    private final Councils councils;
    private final MessageSource messages;
    private final DemoPaymentHistory history;
    private final Clock clock;

    DemoPlans(CarePlans plans, DirectPayments directPayments, Citizens citizens, Councils councils,
              MessageSource messages, DemoPaymentHistory history, Clock clock) {
        this.history = history;
        this.plans = plans;
        this.directPayments = directPayments;
        this.citizens = citizens;
        this.councils = councils;
        this.messages = messages;
        this.clock = clock;
    }

    /**
     * People 0 (the demo citizen) and 2 get active direct payments; person 1 (acted for by the
     * demo representative) is waiting to agree; about two thirds of the rest have one too.
     */
    void load(SignedInUser practitioner, List<Citizen> people, Random random) {
        CouncilSettings settings = councils.settings(practitioner.councilId()).settings();
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < people.size(); i++) {
            Citizen person = people.get(i);
            Words words = Words.of(person);
            if (i > 2 && random.nextInt(10) < 3) {
                continue; // not everyone has a plan yet
            }
            List<String> outcomes = new ArrayList<>();
            int count = 1 + random.nextInt(3);
            while (outcomes.size() < count) {
                String outcome = words.outcomes().get(random.nextInt(OUTCOMES.size()));
                if (!outcomes.contains(outcome)) {
                    outcomes.add(outcome);
                }
            }
            List<BudgetLine> lines = new ArrayList<>();
            lines.add(new BudgetLine(words.paSupport(), BudgetLineKind.HOURLY,
                    BigDecimal.valueOf(4 + random.nextInt(22)).add(BigDecimal.valueOf(random.nextInt(4) * 25L, 2)),
                    settings.paHourlyRate(), null, null, allOutcomes(outcomes.size())));
            if (random.nextBoolean()) {
                lines.add(new BudgetLine(words.leisure(), BudgetLineKind.WEEKLY, null, null,
                        Money.ofPence(650), null, List.of(outcomes.size())));
            }
            if (random.nextInt(4) == 0) {
                lines.add(new BudgetLine(words.equipment(), BudgetLineKind.ONE_OFF, null, null, null,
                        Money.ofPence(8_000 + random.nextInt(20_000)), List.of(1)));
            }
            LocalDate requested = i == 1 ? today.minusDays(9) : today.minusDays(20 + random.nextInt(420));
            LocalDate start = requested.plusDays(7 + random.nextInt(21));
            Money contribution = random.nextInt(3) == 0 ? Money.ofPence(random.nextInt(40) * 100L) : Money.ZERO;
            CarePlans.Plan plan = plans.create(practitioner, person.id(), new NewPlanVersion(start, null,
                    words.needs(), HowNeedsMet.DIRECT_PAYMENT_FULL, settings.paymentFrequency(), contribution,
                    words.contingency(), "", outcomes, lines, null, i == 0 ? contingencyOf(words) : null));
            if (i > 2 && random.nextInt(5) == 0) {
                continue; // a plan, but no direct payment asked for yet
            }
            Long representativeId = null;
            boolean hasCapacity = true;
            if (i == 1) {
                Representative representative = citizens.representatives(practitioner, person.id()).stream().findFirst()
                        .orElseGet(() -> citizens.addRepresentative(practitioner, person.id(), "Representative for " + person.givenName(),
                                RepresentativeKind.AUTHORISED_PERSON, null));
                representativeId = representative.id();
                hasCapacity = !representative.kind().actsForSomeoneWhoLacksCapacity();
            }
            List<Long> payees = List.of();
            String necessity = null;
            if (i % 9 == 4) {
                HouseholdMember partner = citizens.addHouseholdMember(practitioner, person.id(), "Chris " + person.familyName(),
                        Relationship.PARTNER, true);
                payees = List.of(partner.id());
                necessity = words.necessity();
            }
            // the demo citizen (person 0) has a bank account, so their statements and returns can be shown
            AccountType account = i == 0 ? AccountType.BANK_ACCOUNT : AccountType.forDirectPayments()[random.nextInt(AccountType.forDirectPayments().length)];
            DirectPayment dp = directPayments.request(practitioner, person.id(), new DirectPaymentRequest(plan.id(), hasCapacity,
                    representativeId, false, payees, necessity, account, requested, start),
                    new FormErrors(messages, Locale.ENGLISH));
            boolean agreed = i != 1 && (i == 0 || i == 2 || requested.isBefore(today.minusDays(35)) || random.nextBoolean());
            if (agreed) {
                directPayments.recordPaperAgreement(practitioner, dp.id(), requested.plusDays(5));
                history.bankDetails(dp.id(), person.fullName(), i > 2 && i % 16 == 7, random);
                history.paymentsSoFar(dp.id(), today, random);
                if (!start.isAfter(today.minusMonths(5)) && random.nextInt(3) > 0) {
                    LocalDate reviewed = start.plusMonths(5);
                    directPayments.recordReview(practitioner, dp.id(), ReviewReason.SCHEDULED, reviewed,
                            words.reviewWell().formatted(person.givenName()), words.reviewHard(), false);
                }
            }
        }
    }

    private static List<Integer> allOutcomes(int count) {
        List<Integer> all = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            all.add(i);
        }
        return all;
    }
}
