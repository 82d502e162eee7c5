package org.dphub.payments;

import org.dphub.plans.DirectPaymentActivated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a direct payment becomes active, open its account and schedule in the same transaction:
 * a direct payment is never ACTIVE without an account, and if opening fails the agreement is
 * not recorded either (nothing half-done). Opening is idempotent, so agreeing twice does no harm.
 */
@Component
class DirectPaymentAccountsListener {

    private final Accounts accounts;

    DirectPaymentAccountsListener(Accounts accounts) {
        this.accounts = accounts;
    }

    @EventListener
    void on(DirectPaymentActivated activated) {
        accounts.open(activated);
    }

    /** A plan change moves the payments due from its date, in the change's transaction. */
    @EventListener
    void on(org.dphub.plans.DirectPaymentAmountChanged changed) {
        accounts.changeAmount(changed);
    }

    /** A suspension, resumption or end stops, restarts or closes the payments, in the change's transaction. */
    @EventListener
    void on(org.dphub.plans.DirectPaymentStatusChanged changed) {
        accounts.changeStatus(changed);
    }

    /** Same reasoning: an approved one-off has its account (and is due) in the approval's transaction. */
    @EventListener
    void on(org.dphub.approvals.OneOffPaymentApproved approved) {
        accounts.acceptOneOff(approved);
    }
}
