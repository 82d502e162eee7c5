package org.dphub.payments.web;

import java.util.List;
import org.dphub.payments.Accounts;
import org.dphub.payments.LedgerEntry;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.shared.SignedInUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * "Your money" for a citizen, or for each person a representative acts for: the balance, what
 * came in and went out, the next payment, and any money left over explained in plain words
 * before anything is asked back.
 */
@Controller
class MyMoneyPage {

    static final int RECENT = 12;

    /** One account as its holder sees it, with the most recent movements first. */
    record AccountView(Accounts.Summary summary, List<LedgerEntry> recent, int moreEntries,
                       List<org.dphub.payments.SurplusRecovery> letters) {
    }

    record Person(Citizen citizen, boolean self, List<AccountView> accounts, List<org.dphub.payments.MyMoneySection.Section> sections) {
    }

    private final Citizens citizens;
    private final Accounts accounts;
    private final org.dphub.payments.SurplusRecoveries recoveries;
    private final org.dphub.payments.StatementPostings statementPostings;

    private final List<org.dphub.payments.MyMoneySection> sections;
    private final ManagedAccountProviderNames managedAccountProviders;

    private final org.dphub.web.OneReadOnlyTransaction oneReadOnlyTransaction;

    MyMoneyPage(Citizens citizens, Accounts accounts, org.dphub.payments.SurplusRecoveries recoveries,
                org.dphub.payments.StatementPostings statementPostings, List<org.dphub.payments.MyMoneySection> sections,
                ManagedAccountProviderNames managedAccountProviders,
                org.dphub.web.OneReadOnlyTransaction oneReadOnlyTransaction) {
        this.oneReadOnlyTransaction = oneReadOnlyTransaction;
        this.sections = sections;
        this.managedAccountProviders = managedAccountProviders;
        this.statementPostings = statementPostings;
        this.citizens = citizens;
        this.accounts = accounts;
        this.recoveries = recoveries;
    }

    @GetMapping("/my-money")
    String myMoney(SignedInUser user, Model model) {
        // every account, entry and section read on one connection in one read-only transaction (bin/bench load);
        // what the page will read is first sent together, a round trip for each step, not one for each query
        oneReadOnlyTransaction.read(model, user, ahead -> readAhead(user, ahead), () -> {
            read(user, model);
            return null;
        });
        return "payments/my-money";
    }

    /** What {@link #read} will read for each person: their accounts, each one's movements, letters and statement story, and every section. */
    private void readAhead(SignedInUser user, org.dphub.shared.database.Reads.Together ahead) {
        citizens.actingFor(user).forEach(person -> {
            Citizen citizen = person.citizen();
            accounts.readAhead(citizen.councilId(), citizen.id(), ahead, account -> {
                if (!account.isIndividualServiceFund()) {
                    accounts.readAheadLedger(account.id(), ahead);
                    recoveries.readAhead(account.id(), ahead);
                    statementPostings.readAhead(account.id(), ahead);
                }
            });
            sections.forEach(section -> section.readAhead(user, citizen, ahead));
        });
    }

    private void read(SignedInUser user, Model model) {
        List<Person> people = citizens.actingFor(user).stream().map(c -> new Person(c.citizen(),
                c.relationship() == org.dphub.identity.CitizenRelationship.SELF,
                // a fund a provider holds for the person is shown by its own section (issue 18), not as their account
                accounts.heldBy(user, c.citizen().id()).stream().map(summary -> {
                    List<LedgerEntry> all = accounts.ledger(summary);
                    List<LedgerEntry> newestFirst = new java.util.ArrayList<>(all);
                    java.util.Collections.reverse(newestFirst);
                    List<LedgerEntry> recent = newestFirst.stream().limit(RECENT).toList();
                    return new AccountView(summary, recent, Math.max(0, all.size() - RECENT),
                            recoveries.forAccount(user, summary.account().id()));
                }).toList(), sections.stream().map(section -> section.section(user, c.citizen()))
                        .filter(java.util.Objects::nonNull).toList())).toList();
        model.addAttribute("people", people);
        model.addAttribute("statementStories", statementStories(user, people));
        model.addAttribute("managedProviders", managedAccountProviders.of(user, people.stream()
                .flatMap(p -> p.accounts().stream()).map(a -> a.summary().account()).toList()));
    }

    /** Each account's statement story (issue 14), by account id: what "Your spending" can and cannot show. */
    private java.util.Map<Long, org.dphub.payments.StatementPostings.Story> statementStories(SignedInUser user, List<Person> people) {
        java.util.Map<Long, org.dphub.payments.StatementPostings.Story> stories = new java.util.HashMap<>();
        people.forEach(p -> p.accounts().forEach(a -> stories.put(a.summary().account().id(),
                statementPostings.story(user, a.summary().account().id()))));
        return stories;
    }
}
