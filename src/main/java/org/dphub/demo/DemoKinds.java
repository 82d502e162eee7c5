package org.dphub.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import org.dphub.councils.Council;
import org.dphub.councils.Councils;
import org.dphub.identity.NewUserAccount;
import org.dphub.identity.UserAccounts;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.people.ContactPreference;
import org.dphub.people.NewCitizen;
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
import org.dphub.plans.PlanRecipient;
import org.dphub.plans.RecipientKind;
import org.dphub.shared.Money;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Issue 18's demo: a carer with their own direct payment from a carer's support plan, linked to demo
 * person 3 (who keeps their own plan); and a 17-year-old's direct payment held by a parent with
 * parental responsibility, turning 18 in 60 days so the "Moving to adult support" list has someone on
 * it. Both sign in: carer@ and parent@ the council's demo domain. Loaded last, with no random numbers,
 * so everything loaded before stays as it was.
 */
@Component
class DemoKinds {

    private final Citizens citizens;
    private final CarePlans plans;
    private final DirectPayments directPayments;
    private final UserAccounts accounts;
    private final Councils councils;
    private final MessageSource messages;
    private final Clock clock;

    DemoKinds(Citizens citizens, CarePlans plans, DirectPayments directPayments, UserAccounts accounts, Councils councils,
              MessageSource messages, Clock clock) {
        this.citizens = citizens;
        this.plans = plans;
        this.directPayments = directPayments;
        this.accounts = accounts;
        this.councils = councils;
        this.messages = messages;
        this.clock = clock;
    }

    void load(Council council, String domain, boolean wales, SignedInUser practitioner, List<Citizen> people) {
        LocalDate today = LocalDate.now(clock);
        Money paRate = councils.settings(council.id()).settings().paHourlyRate();
        var frequency = councils.settings(council.id()).settings().paymentFrequency();
        Citizen caredFor = people.get(3);
        String language = wales ? "cy" : "en";

        // a carer's own direct payment (Care Act 2014 s31 via the support plan; SSWBA 2014 s52)
        Citizen carer = citizens.create(practitioner, new NewCitizen(council.id(), null, wales ? "Ceinwen" : "Carol",
                caredFor.familyName(), LocalDate.of(1964, 5, 12), caredFor.postcode(), language, ContactPreference.EMAIL,
                "carer@" + domain, null, null));
        long carerUser = accounts.create(new NewUserAccount("carer@" + domain, DemoData.PASSWORD, carer.fullName(), council.id(),
                EnumSet.of(Role.CITIZEN), language));
        citizens.linkExistingAccount(practitioner, carer.id(), carerUser);
        LocalDate carerStart = today.minusMonths(2);
        CarePlans.Plan carerPlan = plans.create(practitioner, carer.id(), new NewPlanVersion(carerStart, null,
                wales ? "Angen seibiant rheolaidd o ofalu, a chymorth i gadw'n iach."
                        : "Needs regular breaks from caring, and support to stay well.",
                HowNeedsMet.DIRECT_PAYMENT_FULL, frequency, Money.ZERO, "",
                "", List.of(wales ? "Cael noson i ffwrdd o ofalu bob wythnos" : "Have a night off from caring each week",
                        wales ? "Dal ati gyda chôr y pentref" : "Keep singing with the village choir"),
                List.of(new BudgetLine(wales ? "Gwasanaeth eistedd" : "Sitting service", BudgetLineKind.HOURLY,
                                java.math.BigDecimal.valueOf(4), paRate, null, null, List.of(1)),
                        new BudgetLine(wales ? "Ffioedd y côr" : "Choir fees", BudgetLineKind.WEEKLY, null, null,
                                Money.ofPence(500), null, List.of(2)))),
                new PlanRecipient(RecipientKind.CARER, caredFor.id(), false), new FormErrors(messages, Locale.ENGLISH));
        DirectPayment carerDp = directPayments.request(practitioner, carer.id(), new DirectPaymentRequest(carerPlan.id(), true, null,
                false, List.of(), null, AccountType.PREPAID_CARD, carerStart.minusDays(10), carerStart),
                new FormErrors(messages, Locale.ENGLISH));
        directPayments.recordPaperAgreement(practitioner, carerDp.id(), carerStart.minusDays(5));

        // a child's direct payment held by a parent (Children Act 1989 s17A; SSWBA 2014 s51), 18 in 60 days
        Citizen child = citizens.create(practitioner, new NewCitizen(council.id(), null, wales ? "Alys" : "Alex",
                wales ? "Prydderch" : "Morgan", today.plusDays(60).minusYears(18), caredFor.postcode(), language,
                ContactPreference.EMAIL, null, null, null));
        String parentName = (wales ? "Gwenllian " : "Sam ") + child.familyName();
        Representative parent = citizens.addRepresentative(practitioner, child.id(), parentName,
                RepresentativeKind.PARENTAL_RESPONSIBILITY, "parent@" + domain);
        long parentUser = accounts.create(new NewUserAccount("parent@" + domain, DemoData.PASSWORD, parentName, council.id(),
                EnumSet.of(Role.REPRESENTATIVE), language));
        citizens.linkRepresentativeAccount(practitioner, child.id(), parent.id(), parentUser);
        LocalDate childStart = today.minusMonths(4);
        CarePlans.Plan childPlan = plans.create(practitioner, child.id(), new NewPlanVersion(childStart, null,
                wales ? "Angen cymorth i fynd allan gyda ffrindiau ac i gael seibiannau byr." : "Needs support to go out with friends, and short breaks.",
                HowNeedsMet.DIRECT_PAYMENT_FULL, frequency, Money.ZERO, "", "",
                List.of(wales ? "Mynd i'r clwb ieuenctid ar nos Fercher" : "Go to youth club on Wednesday evenings"),
                List.of(new BudgetLine(wales ? "Cynorthwy-ydd personol" : "Personal assistant", BudgetLineKind.HOURLY,
                        java.math.BigDecimal.valueOf(6), paRate, null, null, List.of(1)))),
                new PlanRecipient(RecipientKind.CHILD, null, true), new FormErrors(messages, Locale.ENGLISH));
        DirectPayment childDp = directPayments.request(practitioner, child.id(), new DirectPaymentRequest(childPlan.id(), false,
                parent.id(), false, List.of(), null, AccountType.PREPAID_CARD, childStart.minusDays(14), childStart),
                new FormErrors(messages, Locale.ENGLISH));
        directPayments.recordPaperAgreement(practitioner, childDp.id(), childStart.minusDays(7));
    }
}
