package org.dphub.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.dphub.councils.Council;
import org.dphub.councils.Nation;
import org.dphub.directory.DirectoryService;
import org.dphub.directory.GroupMember;
import org.dphub.directory.GroupProposal;
import org.dphub.directory.GroupPurchase;
import org.dphub.directory.GroupPurchases;
import org.dphub.directory.GroupSplit;
import org.dphub.directory.Organization;
import org.dphub.directory.PaymentRequests;
import org.dphub.identity.UserAccounts;
import org.dphub.payments.BankAccounts;
import org.dphub.payments.BankDetails;
import org.dphub.people.Citizen;
import org.dphub.shared.Money;
import org.dphub.shared.SignedInUser;
import org.springframework.stereotype.Component;

/**
 * Paying providers and buying together in the demo, through the directory's public faces (so the
 * rules, the audit trail and the letters apply as they would for anyone): each demo organisation's
 * bank account, so a payment run pays it; requests for payment from the demo provider in every state
 * (the demo citizen has one waiting to agree on Your money, one agreed and one the provider
 * withdrew; the demo representative queried one for person 1 and agreed one for person 2); and three
 * group purchases organised by the practitioner: one confirmed with both shares charged, one
 * confirmed that person 2 left (refunded for the sessions not yet held), and one still open where
 * person 2 has agreed and the demo citizen is invited and can agree. Dates are relative to today;
 * loaded once with the rest of the demo, in its transaction.
 */
@Component
class DemoProviderPayments {

    /** The services the groups buy (indexes into DemoDirectory's lists: all checked and published). */
    static final int CHAIR_YOGA = 14;
    static final int ART = 10;
    static final int MUSIC = 11;
    /** The demo provider's services its requests are for. */
    static final int LUNCH_CLUB = 0;
    static final int SHOPPING = 2;
    static final int COOK_ALONG = 3;

    private final PaymentRequests requests;
    private final GroupPurchases groups;
    private final BankAccounts bankAccounts;
    private final UserAccounts users;

    DemoProviderPayments(PaymentRequests requests, GroupPurchases groups, BankAccounts bankAccounts, UserAccounts users) {
        this.requests = requests;
        this.groups = groups;
        this.bankAccounts = bankAccounts;
        this.users = users;
    }

    /** {@code people}: the council's demo people (0 the demo citizen, 1 and 2 acted for by the demo representative). */
    void load(Council council, DemoDirectory.Loaded directory, List<Citizen> people) {
        boolean wales = council.nation() == Nation.WALES;
        String code = council.code();
        SignedInUser provider = users.findByUsername("provider@" + code).orElseThrow();
        SignedInUser citizen = users.findByUsername("citizen@" + code).orElseThrow();
        SignedInUser representative = users.findByUsername("representative@" + code).orElseThrow();
        SignedInUser practitioner = users.findByUsername("practitioner@" + code).orElseThrow();
        long person0 = people.get(0).id();
        long person1 = people.get(1).id();
        long person2 = people.get(2).id();
        LocalDate today = groups.today();

        // where the council's runs pay each organisation (sort codes of a made-up bank)
        List<Organization> organizations = directory.organizations();
        for (int i = 0; i < organizations.size(); i++) {
            Organization org = organizations.get(i);
            String name = org.name().length() > 70 ? org.name().substring(0, 70) : org.name();
            bankAccounts.recordProviderAtSetUp(council.id(), org.id(), new BankDetails(name, wales ? "309021" : "601622",
                    "%08d".formatted(51_460_000 + 137 * i + (wales ? 5_000 : 0)), null));
        }

        List<DirectoryService> services = directory.services();
        UUID lunch = services.get(LUNCH_CLUB).id();
        UUID shopping = services.get(SHOPPING).id();
        UUID cooking = services.get(COOK_ALONG).id();
        List<LocalDate> lastLunches = before(today, DayOfWeek.TUESDAY, 4);

        // the demo citizen: one waiting, one agreed, one withdrawn
        requests.send(provider, new PaymentRequests.Send(person0, lunch, Money.ofPence(2000), wales
                ? "Clwb cinio: 4 dydd Mawrth, £5.00 yr un" : "Lunch club: 4 Tuesdays at £5.00 each", null, lastLunches));
        PaymentRequests.PaymentRequest shoppingHelp = requests.send(provider, new PaymentRequests.Send(person0, shopping,
                Money.ofPence(3000), wales ? "Help gyda siopa: 2 awr" : "Help with shopping: 2 hours", null,
                before(today, DayOfWeek.MONDAY, 1)));
        requests.agree(citizen, shoppingHelp.id(), new PaymentRequests.Agreement(null, null), "demo-agreement-" + code);
        PaymentRequests.PaymentRequest twice = requests.send(provider, new PaymentRequests.Send(person0, cooking,
                Money.ofPence(600), wales ? "Coginio gyda'n gilydd: 1 sesiwn" : "Friday cook-along: 1 session", null,
                before(today, DayOfWeek.FRIDAY, 1)));
        requests.withdraw(provider, twice.id());

        // the demo representative: queried for person 1, agreed for person 2
        PaymentRequests.PaymentRequest queried = requests.send(provider, new PaymentRequests.Send(person1, shopping,
                Money.ofPence(4500), wales ? "Help gyda siopa: 3 awr" : "Help with shopping: 3 hours", null,
                before(today, DayOfWeek.MONDAY, 1)));
        requests.query(representative, queried.id(), wales
                ? "Dim ond 2 awr oedd hi'r wythnos honno, rwy'n meddwl. Allwch chi wirio, os gwelwch yn dda?"
                : "I think it was only 2 hours that week. Could you check, please?");
        PaymentRequests.PaymentRequest lunches = requests.send(provider, new PaymentRequests.Send(person2, lunch,
                Money.ofPence(1000), wales ? "Clwb cinio: 2 ddydd Mawrth" : "Lunch club: 2 Tuesdays", null,
                lastLunches.subList(2, 4)));
        requests.agree(representative, lunches.id(), new PaymentRequests.Agreement(null, null), "demo-agreement-2-" + code);

        // buying together: confirmed, one member left, and one still open for the demo citizen to agree
        GroupPurchase yoga = propose(practitioner, services.get(CHAIR_YOGA), wales
                ? "Ioga mewn cadair ar ddydd Mawrth" : "Chair yoga on Tuesday mornings", 8, 700, today);
        GroupMember yogaCitizen = groups.addMember(practitioner, yoga.id(), person0, null, true);
        GroupMember yogaTwo = groups.addMember(practitioner, yoga.id(), person2, null, false);
        groups.consent(citizen, yoga.id(), yogaCitizen.id(), true);
        groups.consent(representative, yoga.id(), yogaTwo.id(), false);
        groups.confirm(practitioner, yoga.id());

        GroupPurchase art = propose(practitioner, services.get(ART), wales
                ? "Côr cymunedol ar nos Iau" : "Art for everyone on Thursdays", 6, 750, today);
        GroupMember artCitizen = groups.addMember(practitioner, art.id(), person0, null, true);
        GroupMember artTwo = groups.addMember(practitioner, art.id(), person2, null, true);
        groups.consent(citizen, art.id(), artCitizen.id(), true);
        groups.consent(representative, art.id(), artTwo.id(), true);
        groups.confirm(practitioner, art.id());
        groups.leave(representative, art.id(), artTwo.id(), "demo-leave-" + code);

        GroupPurchase music = propose(practitioner, services.get(MUSIC), wales
                ? "Celf i bawb ar ddydd Llun" : "Music and movement on Mondays", 10, 400, today);
        GroupMember musicTwo = groups.addMember(practitioner, music.id(), person2, null, true);
        groups.addMember(practitioner, music.id(), person0, null, true);
        groups.consent(representative, music.id(), musicTwo.id(), true);
    }

    private GroupPurchase propose(SignedInUser organiser, DirectoryService service, String title, int sessions, long perSessionPence,
                                  LocalDate today) {
        DayOfWeek day = service.schedules().get(0).day();
        List<LocalDate> dates = new ArrayList<>();
        LocalDate next = today.with(TemporalAdjusters.next(day));
        for (int i = 0; i < sessions; i++) {
            dates.add(next.plusWeeks(i));
        }
        return groups.propose(organiser, new GroupProposal(title, service.id(), dates, Money.ofPence(perSessionPence * sessions),
                GroupSplit.EQUAL, 6));
    }

    /** The last {@code count} of a weekday before today, oldest first. */
    private static List<LocalDate> before(LocalDate today, DayOfWeek day, int count) {
        List<LocalDate> dates = new ArrayList<>();
        LocalDate last = today.with(TemporalAdjusters.previous(day));
        for (int i = count - 1; i >= 0; i--) {
            dates.add(last.minusWeeks(i));
        }
        return dates;
    }
}
