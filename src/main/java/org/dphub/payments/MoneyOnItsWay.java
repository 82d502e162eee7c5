package org.dphub.payments;

import java.time.LocalDate;
import org.dphub.shared.Money;

/**
 * Money a payment run has sent for a day that has not come yet (issue 14): shown as "on its way:
 * £1,088.40 on 10 December", never in the balance, and never money left over that could be asked back.
 */
public record MoneyOnItsWay(LocalDate on, Money amount) {
}
