package org.dphub.demo;

import java.time.LocalDate;
import java.util.Random;
import org.dphub.payments.Account;
import org.dphub.payments.Accounts;
import org.dphub.payments.BankAccounts;
import org.dphub.payments.BankDetails;
import org.dphub.plans.AccountType;
import org.dphub.payments.Ledger;
import org.dphub.payments.PaymentSchedule;
import org.dphub.payments.Posting;
import org.dphub.plans.DirectPayments;
import org.dphub.shared.Money;
import org.springframework.stereotype.Component;

/**
 * Past months for the demo: each period already due is funded with the idempotency key a payment
 * run uses ("schedule:{id}:{period}"), so a real run later pays only what is still due; most of
 * each payment is spent on the PA's wages; the first payment stops the time-to-money clock.
 */
@Component
class DemoPaymentHistory {

    private final Accounts accounts;
    private final Ledger ledger;
    private final DirectPayments directPayments;
    private final BankAccounts bankAccounts;

    DemoPaymentHistory(Accounts accounts, Ledger ledger, DirectPayments directPayments, BankAccounts bankAccounts) {
        this.bankAccounts = bankAccounts;
        this.accounts = accounts;
        this.ledger = ledger;
        this.directPayments = directPayments;
    }

    /**
     * Where the account is paid: the person's bank account, or a managed account provider with
     * their reference; prepaid cards are loaded at the council's card provider. A few bank
     * accounts have no details yet, so a payment run shows them as exceptions.
     */
    void bankDetails(long directPaymentId, String holderName, boolean missing, Random random) {
        long accountId = accounts.accountFor(directPaymentId).orElseThrow();
        Account account = accounts.account(accountId).orElseThrow();
        if (missing && account.type() == AccountType.BANK_ACCOUNT) {
            return;
        }
        switch (account.type()) {
            case BANK_ACCOUNT -> bankAccounts.recordAtSetUp(account.councilId(), "PAYEE", accountId, new BankDetails(
                    holderName.length() > 70 ? holderName.substring(0, 70) : holderName,
                    "%06d".formatted(200_000 + random.nextInt(700_000)), "%08d".formatted(random.nextInt(100_000_000)), null));
            case MANAGED_ACCOUNT -> bankAccounts.recordAtSetUp(account.councilId(), "PAYEE", accountId, new BankDetails(
                    "Community Accounts CIC", "309950", "00733445", "MA" + accountId));
            case PREPAID_CARD -> { } // the council's card provider
        }
    }

    void paymentsSoFar(long directPaymentId, LocalDate today, Random random) {
        long accountId = accounts.accountFor(directPaymentId).orElseThrow();
        Account account = accounts.account(accountId).orElseThrow();
        PaymentSchedule schedule = accounts.scheduleOf(accountId).orElseThrow();
        // every period due by today has been paid (as the nightly runs would have done)
        int periods = schedule.periodsDueBy(today);
        for (int period = 0; period < periods; period++) {
            LocalDate paidOn = schedule.dueDate(period);
            ledger.post(Posting.funding(account.councilId(), "schedule:" + schedule.id() + ":" + period, accountId,
                    schedule.regularPayment(), paidOn, "Direct payment for the period from " + paidOn));
            if (schedule.regularPayment().isZero()) {
                continue;
            }
            // wages and activities: between 75% and 100% of what came in
            Money spent = Money.ofPence(Math.multiplyExact(schedule.regularPayment().pence(), 75L + random.nextInt(26)) / 100);
            if (!spent.isZero()) {
                ledger.post(Posting.spending(account.councilId(), "demo-spending:" + accountId + ":" + period, accountId,
                        spent, paidOn.plusDays(7), "Personal assistant wages"));
            }
            if (period == 0) {
                directPayments.recordFirstPayment(directPaymentId, paidOn);
            }
        }
    }
}
