package org.dphub.payments;

import java.time.LocalDate;
import org.dphub.shared.Money;

/**
 * One movement as an account sees it: money in is positive, money out negative. {@code budgetLine}
 * is the description of the plan's budget line that paid for spending, when it is linked to one.
 */
public record LedgerEntry(long transactionId, LocalDate postedOn, LedgerKind kind, Money amount, String description,
                          String budgetLine) {
}
