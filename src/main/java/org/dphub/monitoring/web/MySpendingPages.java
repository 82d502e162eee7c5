package org.dphub.monitoring.web;

import java.util.List;
import java.util.Locale;
import org.dphub.identity.CitizenRelationship;
import org.dphub.monitoring.AccountTransaction;
import org.dphub.monitoring.Transactions;
import org.dphub.payments.Accounts;
import org.dphub.payments.StatementPostings;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.plans.PlanVersion;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Your spending" for the person (or someone acting for them): what came out of the account,
 * and a quick way to say what each thing was for, in their own words if they like.
 */
@Controller
class MySpendingPages {

    /** The radio value for "in my own words". */
    static final String OWN_WORDS = "own";

    /** story: what the ledger holds that no statement shows yet (payroll worked out here), so both pages agree. */
    record AccountSpending(Accounts.Summary summary, List<AccountTransaction> transactions, StatementPostings.Story story) {
    }

    record Person(Citizen citizen, boolean self, List<AccountSpending> accounts, List<org.dphub.monitoring.Questions.Question> questions,
                  List<org.dphub.monitoring.Returns.FinancialReturn> returns) {
    }

    private final Citizens citizens;
    private final Accounts accounts;
    private final Transactions transactions;
    private final MessageSource messages;
    private final org.dphub.monitoring.Questions questions;
    private final org.dphub.monitoring.Returns returns;
    private final StatementPostings statementPostings;

    MySpendingPages(Citizens citizens, Accounts accounts, Transactions transactions, MessageSource messages,
                    org.dphub.monitoring.Questions questions, org.dphub.monitoring.Returns returns,
                    StatementPostings statementPostings) {
        this.statementPostings = statementPostings;
        this.returns = returns;
        this.questions = questions;
        this.citizens = citizens;
        this.accounts = accounts;
        this.transactions = transactions;
        this.messages = messages;
    }

    @GetMapping("/my-spending")
    String list(SignedInUser user, @RequestParam(defaultValue = "false") boolean saved,
                @RequestParam(defaultValue = "false") boolean answered, @RequestParam(defaultValue = "false") boolean confirmed,
                @RequestParam(defaultValue = "false") boolean moreTime, Model model) {
        model.addAttribute("people", citizens.actingFor(user).stream().map(c -> new Person(c.citizen(),
                c.relationship() == CitizenRelationship.SELF,
                accounts.forCitizen(user, c.citizen().id()).stream()
                        .map(s -> new AccountSpending(s, transactions.forAccount(user, s.account().id()),
                                statementPostings.story(user, s.account().id()))).toList(),
                questions.forCitizen(user, c.citizen().id()), returns.forCitizen(user, c.citizen().id()))).toList());
        model.addAttribute("confirmed", confirmed);
        model.addAttribute("moreTime", moreTime);
        model.addAttribute("saved", saved);
        model.addAttribute("answered", answered);
        return "monitoring/my-spending";
    }

    @GetMapping("/my-spending/{id}")
    String form(SignedInUser user, @PathVariable long id, Model model, Locale locale) {
        Transactions.ForTagging t = transactions.forTagging(user, id).orElseThrow(NotFound::new);
        String outcome = t.transaction().suggested() || t.transaction().outcome() == null ? "" : t.transaction().outcome();
        String choice = outcome.isEmpty() ? "" : t.plan().map(PlanVersion::outcomes).filter(o -> o.contains(outcome))
                .map(o -> outcome).orElse(OWN_WORDS);
        Long line = t.transaction().budgetLineId();
        return show(model, t, line == null ? "" : Long.toString(line % 100), choice, OWN_WORDS.equals(choice) ? outcome : "",
                t.transaction().note() == null ? "" : t.transaction().note(), new FormErrors(messages, locale));
    }

    @PostMapping("/my-spending/{id}")
    String save(SignedInUser user, @PathVariable long id, @RequestParam(defaultValue = "") String budgetLine,
                @RequestParam(defaultValue = "") String outcome, @RequestParam(defaultValue = "") String ownWords,
                @RequestParam(defaultValue = "") String note, Model model, Locale locale) {
        Transactions.ForTagging t = transactions.forTagging(user, id).orElseThrow(NotFound::new);
        FormErrors errors = new FormErrors(messages, locale);
        Integer position = null;
        if (!budgetLine.isEmpty()) {
            try {
                position = Integer.valueOf(budgetLine);
            } catch (NumberFormatException e) {
                errors.reject("budgetLine", "spending.error.line");
            }
            if (position != null && (t.plan().isEmpty() || position < 1 || position > t.plan().get().budgetLines().size())) {
                errors.reject("budgetLine", "spending.error.line");
            }
        }
        String chosen = null;
        if (OWN_WORDS.equals(outcome)) {
            chosen = errors.text("ownWords", ownWords, 1000, true, "spending.label.own-words");
        } else if (!outcome.isEmpty()) {
            if (t.plan().map(p -> p.outcomes().contains(outcome)).orElse(false)) {
                chosen = outcome;
            } else {
                errors.reject("outcome", "spending.error.outcome");
            }
        }
        String text = errors.text("note", note, 1000, false, "spending.label.note");
        if (errors.isEmpty() && position == null && chosen == null && (text == null || text.isEmpty())) {
            errors.reject("outcome", "spending.error.nothing");
        }
        if (!errors.isEmpty()) {
            return show(model, t, budgetLine, outcome, ownWords, note, errors);
        }
        transactions.tag(user, id, position, chosen, text == null || text.isEmpty() ? null : text);
        return "redirect:/my-spending?saved=true";
    }

    private String show(Model model, Transactions.ForTagging t, String budgetLine, String outcome, String ownWords, String note,
                        FormErrors errors) {
        model.addAttribute("t", t.transaction());
        model.addAttribute("plan", t.plan().orElse(null));
        model.addAttribute("lineValues", t.plan().map(p -> java.util.stream.IntStream.rangeClosed(1, p.budgetLines().size())
                .mapToObj(Integer::toString).toList()).orElse(List.of()));
        model.addAttribute("lineLabels", t.plan().map(p -> p.budgetLines().stream().map(l -> l.description()).toList()).orElse(List.of()));
        java.util.List<String> outcomeValues = new java.util.ArrayList<>(t.plan().map(PlanVersion::outcomes).orElse(List.of()));
        java.util.List<String> outcomeLabels = new java.util.ArrayList<>(outcomeValues);
        outcomeValues.add(OWN_WORDS);
        outcomeLabels.add(messages.getMessage("spending.own-words", null, errors.locale()));
        model.addAttribute("outcomeValues", outcomeValues);
        model.addAttribute("outcomeLabels", outcomeLabels);
        model.addAttribute("budgetLine", budgetLine);
        model.addAttribute("outcome", outcome);
        model.addAttribute("ownWords", ownWords);
        model.addAttribute("note", note);
        model.addAttribute("errors", errors);
        return "monitoring/tag";
    }
}
