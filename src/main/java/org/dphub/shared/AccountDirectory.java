package org.dphub.shared;

import java.util.Optional;

/**
 * Which money account belongs to a direct payment or a one-off payment. Implemented by the payments module, used by
 * the plans module's API, so plans need not depend on payments (payments already depends on plans
 * for the {@code DirectPaymentActivated} event).
 */
public interface AccountDirectory {

    Optional<Long> accountFor(long directPaymentId);

    /** The account an approved one-off payment is paid into. */
    Optional<Long> accountForOneOff(long oneOffId);

    /**
     * When an approved one-off payment is paid: the payment date of the run that sent it (it may be
     * after today: then the money is on its way).
     */
    Optional<java.time.LocalDate> oneOffPaidOn(long oneOffId);
}
