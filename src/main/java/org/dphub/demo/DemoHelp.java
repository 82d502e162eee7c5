package org.dphub.demo;

import java.util.List;
import java.util.Locale;
import org.dphub.help.HelpKind;
import org.dphub.help.HelpRequests;
import org.dphub.identity.UserAccounts;
import org.dphub.people.Citizen;
import org.dphub.people.DpContacts;
import org.dphub.plans.DirectPayments;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Issue 18 in the demo: the DP team member's work phone and email, a named contact for everyone
 * with a direct payment but the last two (so the caseload shows people with no contact yet), and
 * questions to the team — the demo citizen's answered, the representative's waiting.
 */
@Component
class DemoHelp {

    private final UserAccounts accounts;
    private final DpContacts contacts;
    private final DirectPayments directPayments;
    private final HelpRequests help;
    private final MessageSource messages;

    DemoHelp(UserAccounts accounts, DpContacts contacts, DirectPayments directPayments, HelpRequests help, MessageSource messages) {
        this.accounts = accounts;
        this.contacts = contacts;
        this.directPayments = directPayments;
        this.help = help;
        this.messages = messages;
    }

    void load(String domain, boolean wales, List<Citizen> people) {
        SignedInUser team = accounts.findByUsername("dp-team@" + domain).orElseThrow();
        String email = team.displayName().toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", ".") + "@" + domain + ".example";
        // Ofcom's numbers for drama, and a reserved domain: nobody real is called or written to
        accounts.setWorkContact(team.userId(), wales ? "01632 960 483" : "01632 960 128", email);
        List<Long> holders = directPayments.holders(team).stream().sorted().toList();
        for (Long citizen : holders.subList(0, Math.max(0, holders.size() - 2))) {
            contacts.set(team, citizen, team.userId(), errors());
        }
        SignedInUser citizen = accounts.findByUsername("citizen@" + domain).orElseThrow();
        long asked = help.ask(citizen, null, HelpKind.BROKERAGE, wales
                        ? "Hoffwn i fynd i nofio gyda fy ffrind bob wythnos. Ydy hynny'n rhywbeth y gallaf dalu amdano o fy nghyllideb?"
                        : "I would like to go swimming with my friend each week. Is that something I can pay for from my budget?",
                wales ? "cy" : "en", errors()).orElseThrow();
        help.reply(team, asked, wales
                ? "Ydy, os yw'n helpu gyda'r hyn sy'n bwysig i chi yn eich cynllun. Cadwch y derbynebau. Ffoniwch fi os hoffech chi siarad amdano."
                : "Yes, if it helps with what matters to you in your plan. Keep the receipts. Call me if you would like to talk it through.",
                errors());
        SignedInUser representative = accounts.findByUsername("representative@" + domain).orElseThrow();
        help.ask(representative, people.get(1).id(), HelpKind.EMPLOYER,
                "We are thinking of employing a PA for the mornings. Where do we start?", "en", errors());
    }

    private FormErrors errors() {
        return new FormErrors(messages, Locale.ENGLISH);
    }
}
