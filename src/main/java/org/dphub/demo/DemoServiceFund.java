package org.dphub.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dphub.councils.Council;
import org.dphub.councils.Nation;
import org.dphub.directory.Organization;
import org.dphub.identity.UserAccounts;
import org.dphub.payments.Account;
import org.dphub.payments.Accounts;
import org.dphub.payments.Ledger;
import org.dphub.payments.PaymentSchedule;
import org.dphub.payments.Posting;
import org.dphub.payments.ServiceFunds;
import org.dphub.people.Citizen;
import org.dphub.plans.BudgetLine;
import org.dphub.plans.BudgetLineKind;
import org.dphub.plans.CarePlans;
import org.dphub.plans.DeliveryMechanism;
import org.dphub.plans.NewPlanVersion;
import org.dphub.plans.PlanVersion;
import org.dphub.shared.Money;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Issue 18 in the demo: person 2 of each council (acted for by the demo representative) has taken
 * part of their budget as an individual service fund held by the demo provider's organisation since
 * 3 weeks ago, through a plan change as a practitioner would make it. The periods due are funded with
 * a payment run's keys (so a real run pays only what is still due) and the provider has reported some
 * spending against the plan's outcomes, so "Your money" shows what is left and what it was spent on.
 */
@Component
class DemoServiceFund {

    private final CarePlans plans;
    private final Accounts accounts;
    private final Ledger ledger;
    private final ServiceFunds funds;
    private final UserAccounts users;
    private final MessageSource messages;

    DemoServiceFund(CarePlans plans, Accounts accounts, Ledger ledger, ServiceFunds funds, UserAccounts users, MessageSource messages) {
        this.plans = plans;
        this.accounts = accounts;
        this.ledger = ledger;
        this.funds = funds;
        this.users = users;
        this.messages = messages;
    }

    void load(Council council, DemoDirectory.Loaded directory, List<Citizen> people) {
        boolean wales = council.nation() == Nation.WALES;
        SignedInUser practitioner = users.findByUsername("practitioner@" + council.code()).orElseThrow();
        SignedInUser provider = users.findByUsername("provider@" + council.code()).orElseThrow();
        Organization holder = directory.organizations().get(0); // the demo provider's own organisation
        Citizen person = people.get(2);
        CarePlans.Plan plan = plans.plansOf(practitioner, person.id()).get(0);
        PlanVersion latest = plan.latest();
        LocalDate today = accounts.today();
        LocalDate from = today.minusWeeks(3);
        List<BudgetLine> lines = new ArrayList<>(latest.budgetLines());
        lines.add(new BudgetLine(wales ? "Cymorth i fynd allan, wedi'i drefnu gyda'r darparwr" : "Support to get out, arranged with the provider",
                BudgetLineKind.WEEKLY, null, null, Money.ofPence(4500), null, List.of(1), DeliveryMechanism.INDIVIDUAL_SERVICE_FUND,
                holder.id(), null));
        plans.change(practitioner, plan.id(), new NewPlanVersion(from, null, latest.eligibleNeeds(), latest.howNeedsMet(),
                latest.paymentFrequency(), latest.weeklyContribution(), latest.contingencyPlan(),
                wales ? "Eisiau i ddarparwr ddal rhan o'r arian a threfnu cymorth" : "Wants a provider to hold part of the money and arrange support",
                latest.outcomes(), lines, latest.outcomeTerms()));

        Account fund = accounts.forCitizen(practitioner, person.id()).stream().map(Accounts.Summary::account)
                .filter(Account::isIndividualServiceFund).findFirst().orElseThrow();
        PaymentSchedule schedule = accounts.scheduleOf(fund.id()).orElseThrow();
        for (int period = 0; period < schedule.periodsDueBy(today); period++) {
            LocalDate paidOn = schedule.dueDate(period);
            Money payment = schedule.regularPaymentOn(paidOn);
            if (!payment.isZero()) {
                ledger.post(Posting.funding(fund.councilId(), "schedule:" + schedule.id() + ":" + period, fund.id(), payment, paidOn,
                        "Direct payment for the period from " + java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK).format(paidOn)));
            }
        }
        LocalDate first = from.isAfter(today.minusDays(12)) ? from : today.minusDays(12);
        funds.record(provider, fund.id(), List.of(
                new ServiceFunds.SpendingInput(first.toString(), "22.50",
                        wales ? "Dwy awr o gymorth yn y clwb pêl-droed" : "Two hours of support at the football club", "1"),
                new ServiceFunds.SpendingInput(today.minusDays(5).toString(), "8.40",
                        wales ? "Tocynnau bws i'r dref" : "Bus fares into town", "1")),
                "demo:" + council.code(), new FormErrors(messages, wales ? java.util.Locale.forLanguageTag("cy") : java.util.Locale.ENGLISH));
    }
}
