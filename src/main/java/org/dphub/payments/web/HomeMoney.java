package org.dphub.payments.web;

import java.util.ArrayList;
import java.util.List;
import org.dphub.payments.AccountStatus;
import org.dphub.payments.Accounts;
import org.dphub.payments.BankAccounts;
import org.dphub.payments.MoneyOnItsWay;
import org.dphub.payments.PaymentRuns;
import org.dphub.people.Citizens;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.Reads;
import org.dphub.web.HomeContribution;
import org.dphub.web.HomeItem.Text;
import org.dphub.web.HomeItem;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Money on the home page. For each person a citizen is or a representative acts for: the money in
 * each open account today (money received), money on its way and when, and the next payment. For
 * finance: payment runs waiting for a second officer, runs that stopped, and the council's own bank
 * account while it is missing (no run can pay without it).
 */
@Component
@Order(20)
class HomeMoney implements HomeContribution {

    private final Citizens citizens;
    private final Accounts accounts;
    private final PaymentRuns runs;
    private final BankAccounts bankAccounts;

    HomeMoney(Citizens citizens, Accounts accounts, PaymentRuns runs, BankAccounts bankAccounts) {
        this.citizens = citizens;
        this.accounts = accounts;
        this.runs = runs;
        this.bankAccounts = bankAccounts;
    }

    @Override
    public void readAhead(SignedInUser user, Reads.Together reads) {
        if (user.has(Role.CITIZEN) || user.has(Role.REPRESENTATIVE)) {
            citizens.actingFor(user).forEach(p -> accounts.readAhead(p.citizen().councilId(), p.citizen().id(), reads));
        }
    }

    @Override
    public List<HomeItem> itemsFor(SignedInUser user) {
        List<HomeItem> items = new ArrayList<>();
        if (user.has(Role.CITIZEN) || user.has(Role.REPRESENTATIVE)) {
            for (Citizens.CitizenWithRelationship person : citizens.actingFor(user)) {
                money(user, person.citizen().id(), items);
            }
        }
        if (user.has(Role.FINANCE)) {
            PaymentRuns.Waiting waiting = runs.waiting(user);
            items.add(new HomeItem.Work(50, Text.of("home.work.runs-to-approve"), waiting.toApprove(), "/payment-runs",
                    waiting.thisOfficerMayApprove() > 0));
            items.add(new HomeItem.Work(51, Text.of("home.work.runs-stopped"), waiting.stopped(), "/payment-runs", true));
            if (bankAccounts.councilAccount(user, BankAccounts.CouncilAccount.COUNCIL_ACCOUNT).isEmpty()) {
                items.add(new HomeItem.ToDo(null, 10, Text.of("home.todo.council-bank-account"), "/council-bank-accounts", true));
            }
        }
        return items;
    }

    private void money(SignedInUser user, long citizenId, List<HomeItem> items) {
        List<Accounts.Summary> all = accounts.forCitizen(user, citizenId);
        List<Accounts.Summary> open = all.stream().filter(s -> s.account().status() != AccountStatus.CLOSED).toList();
        if (open.isEmpty()) {
            items.add(new HomeItem.Fact(citizenId, 10, Text.of("home.money.account"),
                    Text.of(all.isEmpty() ? "money.no-account" : "home.money.closed")));
            return;
        }
        int order = 10;
        for (Accounts.Summary s : open) {
            items.add(new HomeItem.Fact(citizenId, order, Text.of("home.money.in." + s.account().type().name()),
                    Text.value(s.balance())));
            List<MoneyOnItsWay> onItsWay = s.onItsWay();
            if (onItsWay.size() == 1) {
                items.add(new HomeItem.Fact(citizenId, order + 1, Text.of("money.on-its-way"),
                        Text.of("money.on-its-way.value", onItsWay.get(0).amount(), onItsWay.get(0).on())));
            } else if (onItsWay.size() > 1) {
                items.add(new HomeItem.Fact(citizenId, order + 1, Text.of("money.on-its-way"),
                        Text.of("home.money.on-its-way.many", s.onItsWayTotal(), onItsWay.size(), onItsWay.get(0).on())));
            }
            if (s.account().status() == AccountStatus.SUSPENDED) {
                items.add(new HomeItem.Fact(citizenId, order + 2, Text.of("money.next-payment"), Text.of("home.money.paused")));
            } else if (s.nextPaymentDate() != null) {
                items.add(new HomeItem.Fact(citizenId, order + 2, Text.of("money.next-payment"),
                        Text.of("money.next-payment.value", s.nextPayment(), s.nextPaymentDate())));
            }
            order += 10;
        }
    }
}
