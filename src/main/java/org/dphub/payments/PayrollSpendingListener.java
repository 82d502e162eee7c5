package org.dphub.payments;

import java.util.Comparator;
import org.dphub.employment.PayrollApproved;
import org.dphub.payments.internal.AccountRepository;
import org.dphub.shared.Money;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * An approved payroll is spending from the person's direct payment account: net pay to each PA,
 * the tax and National Insurance to HMRC, the contributions to the pension scheme. Runs after the
 * approval commits, from Spring Modulith's event publication registry in PostgreSQL (so a crash
 * does not lose it); each posting has its own idempotency key, so a redelivered event posts nothing twice.
 * Each is linked to the plan's budget line that pays for the PAs, so spending shows against the plan.
 */
@Component
class PayrollSpendingListener {

    private final AccountRepository accounts;
    private final Ledger ledger;

    PayrollSpendingListener(AccountRepository accounts, Ledger ledger) {
        this.accounts = accounts;
        this.ledger = ledger;
    }

    @ApplicationModuleListener
    void on(PayrollApproved approved) {
        Account account = accounts.forCitizen(approved.councilId(), approved.citizenId()).stream()
                .filter(a -> a.status() != AccountStatus.CLOSED)
                .min(Comparator.comparing((Account a) -> a.status() != AccountStatus.OPEN).thenComparing(Account::id))
                .orElseThrow(() -> new IllegalStateException("Payroll run " + approved.runId() + ": the person has no open direct payment account"));
        Posting.BudgetLineRef line = approved.budgetLine() == null ? null
                : new Posting.BudgetLineRef(approved.budgetLine().planVersionId(), approved.budgetLine().position());
        String period = approved.taxYear() + " " + approved.frequency().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                + " period " + approved.period();
        for (PayrollApproved.NetPay pay : approved.netPay()) {
            if (pay.netPence() > 0) {
                ledger.post(Posting.spending(approved.councilId(), "payslip:" + pay.payslipId() + ":net", account.id(),
                        Money.ofPence(pay.netPence()), approved.payDate(), "Net pay to " + pay.paName() + ", " + period).from(line));
            }
        }
        if (approved.hmrcPence() > 0) {
            ledger.post(Posting.spending(approved.councilId(), "payroll-run:" + approved.runId() + ":hmrc", account.id(),
                    Money.ofPence(approved.hmrcPence()), approved.payDate(), "PAYE tax and National Insurance to HMRC, " + period
                            + ", due by " + approved.hmrcDueBy()).from(line));
        }
        if (approved.pensionPence() > 0) {
            ledger.post(Posting.spending(approved.councilId(), "payroll-run:" + approved.runId() + ":pension", account.id(),
                    Money.ofPence(approved.pensionPence()), approved.payDate(), "Workplace pension contributions, " + period
                            + ", due by " + approved.pensionDueBy()).from(line));
        }
    }
}
