package org.dphub.payments;

import org.dphub.plans.AccountType;
import org.dphub.shared.Money;

/** How many payments of a run go to one type of account, and how much. */
public record TypeTotal(AccountType type, int count, Money total) {
}
