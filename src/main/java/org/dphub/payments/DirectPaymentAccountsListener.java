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

    /** Same reasoning: an approved one-off has its account (and is due) in the approval's transaction. */
    @EventListener
    void on(org.dphub.approvals.OneOffPaymentApproved approved) {
        accounts.acceptOneOff(approved);
    }
}
